/**
 * The in-page panel on real LinkedIn pages of three markup eras (2026 React, 2022, 2018 Ember):
 * identity → add to network → note → interaction → reload → SPA switch to another person → feed.
 */
import { api, expect, requireSharedFixtures, test } from './fixtures';
import { expected, spaNavigate, squash } from './panel-helpers';

const ERAS = [
  { era: '2026', file: 'yennanliu-linkedin-skill/tmp_profile_1_flagshipweb_2026-04.html', next: 'austinoboyle-scrape-linkedin/austin_2022-03.html' },
  { era: '2022', file: 'austinoboyle-scrape-linkedin/austin_2022-03.html', next: 'austinoboyle-scrape-linkedin/otherProfile_2018-12.html' },
  { era: '2018', file: 'austinoboyle-scrape-linkedin/otherProfile_2018-12.html', next: 'yennanliu-linkedin-skill/tmp_profile_2_flagshipweb_2026-04.html' },
];

test.describe('profile panel on real pages', () => {
  requireSharedFixtures();

  for (const { era, file, next } of ERAS) {
    test(`${era} page: save, note, interaction, reload, SPA switch, feed`, async ({ page, linkedin, openExtensionPage }) => {
      const e = expected(file);
      const n = expected(next);
      linkedin.serveFile(`/in/${e.slug}`, file);
      linkedin.serveFile('/feed', 'pages/feed.html');
      await page.goto(`https://www.linkedin.com/in/${e.slug}/`);

      const panel = page.getByTestId('rapport-panel');
      await expect(panel).toBeVisible();
      await expect(panel.getByTestId('profile-name')).toHaveText(squash(e.name!));
      if (e.headline) await expect(panel.getByTestId('profile-headline')).toHaveText(squash(e.headline));
      if (e.company) await expect(panel.getByTestId('profile-company')).toHaveText(squash(e.company));
      if (e.location) await expect(panel.getByTestId('profile-location')).toHaveText(squash(e.location));
      if (e.degree) await expect(panel.getByTestId('profile-degree')).toHaveText(e.degree);
      await expect(panel.getByTestId('network-status')).toHaveText('Not saved in Rapport yet');

      // Nothing stored before the user acts.
      const ext = await openExtensionPage('popup.html');
      expect((await api<{ view: unknown }>(ext, 'contact.getForPage', { slug: e.slug })).view).toBeNull();
      await ext.close();

      await panel.getByTestId('save-contact').click();
      await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');

      await panel.getByTestId('note-input').fill(`Met ${era} at the design meetup`);
      await panel.getByTestId('add-note').click();
      await expect(panel.getByTestId('note-item')).toHaveCount(1);
      await expect(panel.getByTestId('note-item')).toContainText(`Met ${era} at the design meetup`);
      await expect(panel.getByTestId('note-input')).toHaveValue('');

      await panel.getByRole('group', { name: 'Log what happened' }).getByRole('button', { name: 'Call / meeting' }).click();
      await expect(panel.getByTestId('interaction-item')).toHaveCount(1);
      await expect(panel.getByTestId('interaction-item')).toContainText('Call or meeting');

      // A draft typed but not added: kept for this person only.
      await panel.getByTestId('note-input').fill('unsent draft for this person');

      await page.reload();
      await expect(panel.getByTestId('profile-name')).toHaveText(squash(e.name!));
      await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');
      await expect(panel.getByTestId('note-item')).toContainText(`Met ${era} at the design meetup`);
      await expect(panel.getByTestId('interaction-item')).toContainText('Call or meeting');
      await expect(panel.getByTestId('note-input')).toHaveValue('unsent draft for this person');

      // LinkedIn's SPA: another person, without a page load.
      linkedin.serveFile(`/in/${n.slug}`, next); // its resources are the page's own
      await spaNavigate(page, `/in/${n.slug}/`, next);
      await expect(panel.getByTestId('profile-name')).toHaveText(squash(n.name!));
      await expect(panel.getByTestId('network-status')).toHaveText('Not saved in Rapport yet');
      await expect(panel.getByTestId('note-item')).toHaveCount(0);
      await expect(panel.getByTestId('note-input')).toHaveCount(0); // not saved: no notes yet
      await panel.getByTestId('save-contact').click();
      await expect(panel.getByTestId('note-input')).toHaveValue(''); // the other person's draft stayed with them

      // The feed: no panel.
      await spaNavigate(page, '/feed/', 'pages/feed.html');
      await expect(page.getByTestId('rapport-panel')).toHaveCount(0);
      // Nothing from Rapport is left in LinkedIn's DOM that points at the extension.
      expect(await page.evaluate(() => document.documentElement.outerHTML.includes('chrome-extension://'))).toBe(false);
    });
  }
});
