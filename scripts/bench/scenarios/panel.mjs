/**
 * Panel visible: a stored contact's profile page (invented page in 2026 markup, served at its
 * LinkedIn URL) → the in-page panel shows the stored data (`profile-name` with the contact's name
 * and at least one `note-item`, painted). Measured from the page's DOMContentLoaded
 * (navigation entry `domContentLoadedEventStart`) to the frame that shows it. 30k contacts.
 * Uses the e2e build: the production panel's shadow root is closed, so nothing outside can see in.
 */
import { DEEP_WAIT_SOURCE, launch, loadData, repeat, requireTestIds, row, seededProfile } from '../harness.mjs';
import { profilePage } from '../pages.mjs';

export const PANEL_INIT = `${DEEP_WAIT_SOURCE}
// staleNote: a note of the person shown before (SPA switch): it does not count as the new person's note.
window.__benchPanelShows = function (name, timeout, staleNote) {
  return Promise.all([
    window.__benchWaitFor('[data-testid="rapport-panel"] [data-testid="profile-name"]', (el) => el.textContent.includes(name), timeout),
    window.__benchWaitFor('[data-testid="rapport-panel"] [data-testid="note-item"]', staleNote ? (el) => el !== staleNote : null, timeout),
  ]).then((xs) => Math.max(...xs.map((x) => x.painted)));
};
if (location.hostname === 'www.linkedin.com' && location.pathname.startsWith('/in/') && window.__benchExpect) {
  window.__benchPanel = window.__benchPanelShows(window.__benchExpect, 20000);
}`;

/** Stored contacts with notes, as page persons. */
export function storedPeople(n) {
  const { bundle } = loadData();
  const withNotes = new Set(bundle.notes.map((x) => x.targetId));
  return bundle.contacts.filter((c) => withNotes.has(c.id)).filter((_, i) => i % 997 === 0).slice(0, n)
    .map((c) => ({ slug: c.slug, name: c.name, headline: c.headline, company: c.company, location: c.location, degree: '1st' }));
}

export default {
  id: 'panel',
  async run({ runs, warmup, log }) {
    requireTestIds('e2e', ['rapport-panel', 'profile-name', 'note-item'], 'panel');
    const people = storedPeople(runs + warmup);
    const pages = Object.fromEntries(people.map((p) => [`/in/${p.slug}/`, profilePage(p)]));
    // Seeded with the build it runs: Chrome keeps the seeding build's service worker (same id and version),
    // and with `--only panel` the prod build is not rebuilt (a stale background would be measured).
    const seeded = await seededProfile('e2e', log);
    const s = await launch({ extension: 'e2e', userDataDir: seeded.copy(), pages });
    try {
      let k = 0;
      const samples = await repeat(async () => {
        const p = people[k++];
        const page = await s.context.newPage();
        await page.addInitScript({ content: `window.__benchExpect = ${JSON.stringify(p.name)};\n${PANEL_INIT}` });
        await page.goto(`https://www.linkedin.com/in/${p.slug}/`, { waitUntil: 'commit' });
        const shown = await page.evaluate(() => window.__benchPanel);
        const dcl = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart);
        await page.close();
        return shown - dcl;
      }, { runs, warmup });
      return [row({
        scenario: 'panel visible (DOMContentLoaded → stored data shown)', samples, target: '≤ 150 ms median, ≤ 300 ms p95',
        check: ({ median, p95 }) => median <= 150 && p95 <= 300, build: 'e2e',
        notes: 'invented 2026-markup profile of a stored contact (30k); profile-name + note-item painted in the panel; e2e build (open shadow root)',
      })];
    } finally {
      await s.close();
    }
  },
};
