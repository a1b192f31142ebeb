/**
 * The browser side panel (placement 'sidepanel'): the same panel for the active LinkedIn tab's page,
 * driven by UI_GET_TAB_PAGE / BG_TAB_PAGE. `?tabId=N` pins it to the test's tab.
 */
import { api, expect, test } from './fixtures';
import { linkedInTabId, spaNavigate } from './panel-helpers';

test('side panel follows the LinkedIn tab, saves and notes; the page stays clean', async ({ page, linkedin, serviceWorker, openExtensionPage }) => {
  const setup = await openExtensionPage('popup.html');
  await api(setup, 'settings.update', { panelPlacement: 'sidepanel', placementChosen: true });
  linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
  linkedin.serveFile('/in/tomas-reyes-example', 'pages/profile-2022-tomas.html');
  linkedin.serveFile('/feed', 'pages/feed.html');
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  const tabId = await linkedInTabId(serviceWorker);

  const side = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const panel = side.getByTestId('rapport-panel');
  await expect(panel.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
  await expect(panel.getByTestId('profile-headline')).toHaveText('Head of Product Design at Northwind Labs · Mentoring designers');
  await expect(panel.getByTestId('profile-degree')).toHaveText('2nd');
  // Placement is the side panel: nothing was injected into LinkedIn's page.
  await expect(page.getByTestId('rapport-panel')).toHaveCount(0);
  expect(await page.evaluate(() => !!document.getElementById('rapport-panel-host'))).toBe(false);

  await panel.getByTestId('save-contact').click();
  await panel.getByTestId('note-input').fill('Saved from the side panel');
  await panel.getByTestId('add-note').click();
  await expect(panel.getByTestId('note-item')).toContainText('Saved from the side panel');

  // The tab navigates within LinkedIn's SPA: the side panel follows.
  await spaNavigate(page, '/in/tomas-reyes-example/', 'pages/profile-2022-tomas.html');
  await expect(panel.getByTestId('profile-name')).toHaveText('Tomás Reyes');
  await expect(panel.getByTestId('note-item')).toHaveCount(0);
  await expect(panel.getByTestId('save-contact')).toBeVisible();

  await spaNavigate(page, '/feed/', 'pages/feed.html');
  await expect(panel).toContainText('Open a LinkedIn profile or group');

  // Back to a profile, then move the panel into the page.
  await spaNavigate(page, '/in/maya-lindqvist-example/', 'pages/profile-2022-maya.html');
  await expect(panel.getByTestId('note-item')).toContainText('Saved from the side panel');
  await panel.getByRole('button', { name: 'Show in the page instead' }).click();
  await expect(page.getByTestId('rapport-panel').getByTestId('profile-name')).toHaveText('Maya Lindqvist');
  await expect(page.getByTestId('rapport-panel').getByTestId('note-item')).toContainText('Saved from the side panel');
});
