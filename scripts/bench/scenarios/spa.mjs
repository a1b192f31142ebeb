/**
 * SPA switch: on a stored contact's profile with the panel showing, the page navigates as LinkedIn
 * does — `history.pushState` to another stored contact's profile, the old top card removed, 100 ms
 * later (the fetch) the new top card inserted — and we time from that insertion to the frame in
 * which the panel shows the new person (name + a note). 30k contacts; e2e build (open shadow root).
 */
import { launch, repeat, requireTestIds, row, seededProfile } from '../harness.mjs';
import { profilePage, topCard } from '../pages.mjs';
import { PANEL_INIT, storedPeople } from './panel.mjs';

export default {
  id: 'spa',
  async run({ runs, warmup, log }) {
    requireTestIds('e2e', ['rapport-panel', 'profile-name', 'note-item'], 'panel');
    const people = storedPeople(runs + warmup + 1);
    const [first, ...next] = people;
    // Seeded with the build it runs: Chrome keeps the seeding build's service worker (same id and version),
    // and with `--only panel` the prod build is not rebuilt (a stale background would be measured).
    const seeded = await seededProfile('e2e', log);
    const s = await launch({ extension: 'e2e', userDataDir: seeded.copy(), pages: { [`/in/${first.slug}/`]: profilePage(first) } });
    try {
      const page = await s.context.newPage();
      await page.addInitScript({ content: `window.__benchExpect = ${JSON.stringify(first.name)};\n${PANEL_INIT}` });
      await page.goto(`https://www.linkedin.com/in/${first.slug}/`, { waitUntil: 'commit' });
      await page.evaluate(() => window.__benchPanel);
      let k = 0;
      const samples = await repeat(async () => {
        const p = next[k++];
        return page.evaluate(async ([p, card]) => {
          // The previous person's note is still on screen until the panel switches: it must not count.
          const staleNote = window.__benchDeepQuery('[data-testid="rapport-panel"] [data-testid="note-item"]');
          history.pushState({}, '', `/in/${p.slug}/`);
          document.title = `${p.name} | LinkedIn`;
          const slot = document.getElementById('topcard-slot');
          slot.replaceChildren();
          await new Promise((r) => setTimeout(r, 100));
          const tpl = document.createElement('template');
          tpl.innerHTML = card;
          slot.append(tpl.content);
          const t0 = performance.now();
          const shown = await window.__benchPanelShows(p.name, 20000, staleNote);
          return shown - t0;
        }, [p, topCard(p)]);
      }, { runs, warmup });
      return [row({
        scenario: 'SPA switch (new top card → panel shows new person)', samples, target: '≤ 100 ms',
        check: ({ median }) => median <= 100, build: 'e2e',
        notes: 'pushState + top card swapped after 100 ms, as LinkedIn does; timed from the new top card in the DOM to the panel painting the new name and a note',
      })];
    } finally {
      await s.close();
    }
  },
};
