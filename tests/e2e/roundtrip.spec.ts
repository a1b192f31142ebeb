/**
 * The foundation round trip: a profile page → the content script reads the name → the user clicks
 * "Add to my network" in the panel → the background stores it → the popup (open in another tab)
 * shows it without a reload.
 */
import { expect, test } from './fixtures';

test('profile page → panel → save → popup shows the contact live', async ({ context, page, linkedin, openExtensionPage }) => {
  linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('recent-contact')).toHaveCount(0);

  await page.bringToFront();
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
  await panel.getByTestId('save-contact').click();
  await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');

  // The popup, opened before the save, updates by itself.
  await expect(popup.getByTestId('recent-contact')).toHaveCount(1);
  await expect(popup.getByTestId('recent-contact')).toContainText('Maya Lindqvist');
  expect(context.pages()).toContain(popup);
});
