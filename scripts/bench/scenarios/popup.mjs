/**
 * Popup first render: popup.html opened in a tab (400×600) → goals and reminders drawn (the first
 * `goal-item` and `reminder-item` present, at the next animation frame), from the navigation's
 * time origin; 30k contacts, 5k reminders, 3 goals. Waiter installed as an init script (document
 * start). Baseline: the same page in a FRESH profile (empty database) → the popup's root drawn.
 */
import { DEEP_WAIT_SOURCE, launch, repeat, requireTestIds, row, seededProfile, stats } from '../harness.mjs';

const INIT = `${DEEP_WAIT_SOURCE}
if (location.pathname === '/popup.html') {
  window.__benchFull = Promise.all([
    window.__benchWaitFor('[data-testid="goal-item"]', null, 20000),
    window.__benchWaitFor('[data-testid="reminder-item"]', null, 20000),
  ]).then((xs) => Math.max(...xs.map((x) => x.painted)));
  window.__benchRoot = window.__benchWaitFor('[data-testid="popup-root"]', (el) => el.children.length > 0, 20000).then((x) => x.painted);
}`;

async function measure(session, key, { runs, warmup }) {
  await session.context.addInitScript({ content: INIT });
  return repeat(async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'commit' });
    const ms = await page.evaluate((key) => window[key], key);
    await page.close();
    return ms;
  }, { runs, warmup });
}

export default {
  id: 'popup',
  async run({ runs, warmup, log }) {
    requireTestIds('prod', ['goal-item', 'reminder-item', 'popup-root'], 'popup');
    const empty = await launch({ extension: 'prod' });
    let base;
    try {
      base = await measure(empty, '__benchRoot', { runs, warmup });
    } finally {
      await empty.close();
    }
    const seeded = await seededProfile('prod', log);
    const s = await launch({ extension: 'prod', userDataDir: seeded.copy() });
    try {
      const samples = await measure(s, '__benchFull', { runs, warmup });
      return [row({
        scenario: 'popup first render (30k, 5k reminders)', samples, baseline: stats(base).median, target: '≤ 100 ms',
        check: ({ median }) => median <= 100, build: 'prod',
        notes: 'navigation start → first goal-item and reminder-item painted; baseline = empty profile, popup-root drawn',
      })];
    } finally {
      await s.close();
    }
  },
};
