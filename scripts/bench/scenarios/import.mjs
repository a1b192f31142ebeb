/**
 * Import 30k rows, end to end, on the options page (#import) of a FRESH profile each run: the
 * synthetic 30,000-row Connections.csv (LinkedIn's 2025 format, Notes: preamble) set on
 * `import-connections-input` → preview → `import-confirm` clicked → `import-summary` painted.
 * Timed in the page from the input's `change` event to the frame showing the summary. The page's
 * long tasks (PerformanceObserver 'longtask') over the same span give the second row: the issue
 * asks for no main-thread task over 50 ms. After each run the page blocks itself for 80 ms, and
 * the run counts only if the observer saw that task (an observer that sees nothing proves nothing).
 * Baseline (same records, a fresh profile after each import run, taking turns): a raw IndexedDB
 * bulk write of the contact records the import creates, in the form the app stores them (lib/db/compact.ts), into a scratch database whose stores and indexes are copied from the app's own
 * `rapport` database (one readwrite transaction, `put` per record, until `complete`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_DIR, DEEP_WAIT_SOURCE, asStored, launch, loadData, openExtensionPage, api, repeat, requireOps, requireTestIds, row, stats } from '../harness.mjs';

/** One raw write of the records into a scratch copy of the app's contact store: { ms, indexes }. */
async function baseline(page, json) {
  return page.evaluate(async (json) => {
    const open = (name, version, upgrade) => new Promise((res, rej) => {
      const r = version ? indexedDB.open(name, version) : indexedDB.open(name);
      if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const app = await open('rapport');
    const src = app.transaction('contacts').objectStore('contacts');
    const spec = { keyPath: src.keyPath, autoIncrement: src.autoIncrement, indexes: [...src.indexNames].map((n) => {
      const ix = src.index(n);
      return { name: n, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
    }) };
    app.close();
    const records = JSON.parse(json);
    const db = await open('bench-scratch', 1, (db) => {
      const st = db.createObjectStore('contacts', { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement });
      for (const ix of spec.indexes) st.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
    });
    const t = performance.now();
    await new Promise((res, rej) => {
      const tx = db.transaction('contacts', 'readwrite');
      const st = tx.objectStore('contacts');
      for (const r of records) st.put(r);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    const ms = performance.now() - t;
    db.close();
    return { ms, indexes: spec.indexes.length };
  }, json);
}

export default {
  id: 'import',
  async run({ runs, warmup }) {
    requireTestIds('prod', ['import-connections-input', 'import-confirm', 'import-summary'], 'import');
    requireOps('prod', ['import.batch'], 'import');
    const { csvPath } = loadData();
    // The records as the app stores them (default-valued fields left out: lib/db/compact.ts).
    const recordsJson = JSON.stringify(JSON.parse(readFileSync(resolve(DATA_DIR, 'import-records.json'), 'utf8')).map((r) => asStored('contacts', r)));
    const longest = [];
    const base = [];
    let indexes = 0;
    const samples = await repeat(async (i) => {
      const ms = await importOnce(i);
      // The baseline's turn: right after, in a fresh profile too (the machine's speed drifts by
      // ±30% over minutes; taking turns run by run keeps the ratio fair).
      const b = await launch({ extension: 'prod' });
      try {
        const page = await openExtensionPage(b, 'manifest.json', { waitUntil: 'domcontentloaded' });
        await api(page, 'settings.get', {}); // the app's database, whose contact store the scratch one copies
        const r = await baseline(page, recordsJson);
        indexes = r.indexes;
        if (i >= 0) base.push(r.ms);
      } finally {
        await b.close();
      }
      return ms;
    }, { runs, warmup, budgetMs: 400_000 });
    async function importOnce(i) {
      const s = await launch({ extension: 'prod' });
      try {
        const page = await openExtensionPage(s, 'options.html#import');
        await page.evaluate(DEEP_WAIT_SOURCE);
        const input = page.getByTestId('import-connections-input');
        await input.waitFor({ state: 'attached' });
        await page.evaluate(() => {
          window.__benchTasks = [];
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchTasks.push({ start: e.startTime, ms: e.duration }); })
            .observe({ type: 'longtask', buffered: true });
          window.__benchImport = new Promise((resolve) => {
            document.addEventListener('change', () => {
              const t0 = performance.now();
              window.__benchT0 = t0;
              // The user confirms the moment the preview shows: the page clicks it itself. (A click from
              // the test landed 1.5–2 s after this change event, long after the preview showed: the
              // time Playwright takes to hand over a 2.6 MB file, which is no part of the import.)
              const confirm = new MutationObserver(() => {
                const button = document.querySelector('[data-testid="import-confirm"]');
                if (button) { confirm.disconnect(); button.click(); }
              });
              confirm.observe(document.body, { subtree: true, childList: true });
              resolve(window.__benchWaitFor('[data-testid="import-summary"]', null, 120000).then((x) => ({ ms: x.painted - t0, text: document.querySelector('[data-testid="import-summary"]').textContent })));
            }, { capture: true, once: true });
          });
        });
        await input.setInputFiles(csvPath);
        const { ms, text } = await page.evaluate(() => window.__benchImport);
        if (!/30[,.\u202f\u00a0]?000/.test(text)) throw new Error(`import summary does not report 30,000 new contacts: "${text}"`);
        const tasks = await page.evaluate(async (ms) => {
          const end = window.__benchT0 + ms;
          // A task that began before the change event (Playwright handing the file to the input, in
          // the task that fires the event) counts only from the event on: the rest is not the page's.
          const t0 = window.__benchT0;
          const during = window.__benchTasks.filter((t) => t.start + t.ms > t0 && t.start < end).map((t) => t.start < t0 ? t.start + t.ms - t0 : t.ms);
          // The observer's own check: a task of 80 ms it must report (a task of the page's own: the
          // time Playwright's evaluate takes is not one the browser reports).
          const mark = await new Promise((r) => setTimeout(() => {
            const m = performance.now();
            while (performance.now() - m < 80) { /* block the main thread */ }
            r(m);
          }, 0));
          const covers = (t) => t.start <= mark + 1 && t.start + t.ms >= mark + 79; // (the task began before the loop)
          for (let w = 0; w < 20 && !window.__benchTasks.some(covers); w++) await new Promise((r) => setTimeout(r, 50));
          const seen = window.__benchTasks.some(covers);
          return { during, seen };
        }, ms);
        if (!tasks.seen) throw new Error('the long-task observer missed an 80 ms task: the import\'s long tasks cannot be measured');
        if (i >= 0) longest.push(tasks.during.length ? Math.max(...tasks.during) : 0);
        return ms;
      } finally {
        await s.close();
      }
    }
    return [row({
      // The target is the time (≤ 5 s). The ratio is context: the floor of writing these records
      // at all, in the one transaction with nothing read, matched or checked that the import cannot use
      // (it writes whole batches of 2 000, each matched against what is stored, so that a crash loses
      // no batch half-written and a re-run duplicates nobody).
      scenario: 'import 30k rows (end to end)', samples, baseline: stats(base).median, target: '≤ 5 s',
      check: ({ median }) => median <= 5000, build: 'prod',
      notes: `options page, fresh profile per run, file chosen → summary painted (includes parsing, preview and the confirm click, made by the page the moment the preview shows); baseline = raw IndexedDB bulk put of the same 30k records with the app's ${indexes} contact indexes, the first write of a fresh profile, one after each import run (taking turns)`,
    }), row({
      scenario: 'import 30k rows: longest main-thread task', samples: longest, target: 'no task over 50 ms',
      check: () => Math.max(...longest) <= 50, build: 'prod',
      notes: 'per run, the options page\'s longest task (PerformanceObserver longtask) from the file chosen to the summary painted (a task begun before the change event counts from it); 0 = none over 50 ms (the browser reports only those). Each run checks that the observer reports a task the page makes on purpose',
    })];
  },
};
