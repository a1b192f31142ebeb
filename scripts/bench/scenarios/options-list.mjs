/**
 * Options list at 30k: options.html#contacts opened in a fresh tab → first `contact-row` painted
 * (from navigation start); then the list (`contact-scroll`) is scrolled from top to bottom in 150
 * animation frames (a fast drag through all 30k rows), as soon as the first rows show; once the list
 * has loaded, the same scroll again, then a plain scrolling box as tall as the list (the browser's
 * own frame pacing: the baseline). Long tasks from document start (PerformanceObserver 'longtask',
 * buffered, installed as an init script) and dropped frames during each scroll (rAF deltas over
 * 1.5 × 16.7 ms). Each run is a new tab.
 */
import { DEEP_WAIT_SOURCE, launch, repeat, requireTestIds, row, seededProfile, stats } from '../harness.mjs';

const INIT = `${DEEP_WAIT_SOURCE}
if (location.pathname === '/options.html') {
  window.__benchLong = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__benchLong.push({ start: e.startTime, ms: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  window.__benchFirstRow = window.__benchWaitFor('[data-testid="contact-row"]', null, 60000).then((x) => x.painted);
}`;

/** Phase of the page a task started in, from the page's marks (diagnostics for the notes). */
function phase(start, m) {
  if (start < (m['rapport:options-main'] ?? 0)) return 'page script';
  if (start < (m['rapport:list-first-chunk'] ?? Infinity)) return 'first render';
  if (start < m.scrollStart) return 'before scroll';
  const loading = !(start >= (m['rapport:list-loaded'] ?? Infinity));
  if (start <= m.scrollEnd) return loading ? 'scroll, list loading' : 'scroll, list loaded';
  return loading ? 'after scroll, list loading' : 'after scroll';
}
function placeTasks(tasks, m) {
  const over = tasks.filter((t) => t.ms > 50).sort((a, b) => b.ms - a.ms);
  if (!over.length) return 'none';
  const shown = over.slice(0, 3).map((t) => `${Math.round(t.ms)}@${Math.round(t.start)} ${phase(t.start, m)}`);
  return shown.join(', ') + (over.length > 3 ? ` (+${over.length - 3} more)` : '');
}
/**
 * Scrolls `selector` from top to bottom in 150 animation frames, in the page. Frame deltas over
 * 25 ms (1.5 frames at 60 Hz) count as dropped.
 */
async function SCROLL(selector) {
  const el = document.querySelector(selector);
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame();
  const scrollStart = performance.now(); // diagnostics only (notes)
  const deltas = [];
  let last = performance.now();
  const steps = 150;
  for (let k = 1; k <= steps; k++) {
    el.scrollTop = ((el.scrollHeight - el.clientHeight) * k) / steps;
    await frame();
    const now = performance.now();
    deltas.push(now - last);
    last = now;
  }
  const scrollEnd = performance.now();
  await new Promise((r) => setTimeout(r, 300));
  // The page's own marks (entrypoints/options/main.tsx, ContactsSection): where the long tasks fall.
  const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('rapport:')).map((m) => [m.name, m.startTime]));
  return { deltas, dropped: deltas.filter((d) => d > 25).length, bottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2, marks: { ...marks, scrollStart, scrollEnd } };
}

const fmtMs = (x) => (x === x && x != null ? `${Math.round(x)} ms` : 'n/a');

export default {
  id: 'options-list',
  async run({ runs, warmup, log }) {
    requireTestIds('prod', ['contact-row', 'contact-scroll'], 'options contacts list');
    const seeded = await seededProfile('prod', log);
    const s = await launch({ extension: 'prod', userDataDir: seeded.copy() });
    await s.context.addInitScript({ content: INIT });
    try {
      const open = [], longest = [], dropped = [], droppedLoaded = [], droppedPlain = [], longCount = [], where = [], loadedAt = [];
      await repeat(async (i) => {
        const page = await s.context.newPage();
        await page.goto(`chrome-extension://${s.extensionId}/options.html#contacts`, { waitUntil: 'commit' });
        const first = await page.evaluate(() => window.__benchFirstRow);
        const scroll = await page.evaluate(SCROLL, '[data-testid="contact-scroll"]');
        if (!scroll.bottom) throw new Error('the list did not scroll to the bottom');
        // Once the whole list is loaded, the same scroll again; then a plain scrolling box of the same
        // height, drawn over the page: the browser's own frame pacing on this machine.
        await page.waitForFunction(() => performance.getEntriesByName('rapport:list-loaded').length > 0, null, { timeout: 60000 });
        await page.waitForTimeout(300);
        const again = await page.evaluate(SCROLL, '[data-testid="contact-scroll"]');
        await page.evaluate(() => {
          const box = document.createElement('div');
          box.id = 'bench-plain';
          box.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:99';
          const inner = document.createElement('div');
          inner.style.cssText = `height:${document.querySelector('[data-testid="contact-scroll"]').scrollHeight}px;background:repeating-linear-gradient(#fff 0 51px,#ddd 51px 52px)`;
          box.append(inner);
          document.body.append(box);
        });
        await page.waitForTimeout(300);
        const plain = await page.evaluate(SCROLL, '#bench-plain');
        const tasks = await page.evaluate(() => window.__benchLong);
        await page.close();
        if (i < 0) return;
        open.push(first);
        longest.push(tasks.length ? Math.max(...tasks.map((t) => t.ms)) : 0);
        longCount.push(tasks.filter((t) => t.ms > 50).length);
        dropped.push(scroll.dropped);
        droppedLoaded.push(again.dropped);
        droppedPlain.push(plain.dropped);
        where.push(placeTasks(tasks, scroll.marks));
        loadedAt.push(again.marks['rapport:list-loaded'] ?? NaN);
      }, { runs, warmup });
      return [
        row({
          scenario: 'options list: longest task (open + scroll 30k)', samples: longest, target: 'no task over 50 ms',
          check: () => Math.max(...longest) <= 50, build: 'prod',
          notes: `per run, the longest main-thread task from document start through the scrolls; tasks over 50 ms per run: median ${stats(longCount).median}; tasks over 50 ms per run, as duration@start (ms from navigation) in phase: ${where.join(' | ')}; list fully loaded at (median) ${fmtMs(stats(loadedAt.filter((x) => x === x)).median)}`,
        }),
        row({
          // The issue: "the list scrolls without dropped frames". Measured once the list is loaded (at
          // 30k it loads in about 2 s after the first rows show), and (next row) while it loads. The
          // verdict compares with a plain scrolling box in the same tab: on this machine (software
          // rendering, 2 cores) the browser itself drops a few frames scrolling that; the list should
          // drop no more.
          scenario: 'options list: dropped frames (scroll 30k, loaded)', unit: 'frames', samples: droppedLoaded, baseline: stats(droppedPlain).median,
          target: 'none beyond a plain box\'s', check: ({ median }) => median <= stats(droppedPlain).median, build: 'prod',
          notes: `frames over 25 ms among 150 while the list is scrolled top to bottom, once loaded; per run: ${droppedLoaded.join(', ')}; baseline = a plain scrolling box as tall as the list drawn over the page (the browser's own pacing on this machine), per run: ${droppedPlain.join(', ')}`,
        }),
        row({
          scenario: 'options list: dropped frames (scroll while loading)', unit: 'frames', samples: dropped, baseline: stats(droppedPlain).median,
          target: 'none beyond a plain box\'s', check: ({ median }) => median <= stats(droppedPlain).median, build: 'prod',
          notes: `the same scroll started as soon as the first rows show, while the other chunks still load (they wait while the list scrolls: lib/manage/scroll-pacer.ts); per run: ${dropped.join(', ')}; baseline as above`,
        }),
        row({
          scenario: 'options list: open → first rows', samples: open, target: '— (informative)', build: 'prod',
          notes: 'navigation start → first contact-row painted, 30k contacts',
        }),
      ];
    } finally {
      await s.close();
    }
  },
};
