/**
 * Profile lookup at 30k: the panel's request `contact.getForPage` → answer, timed in an extension
 * page around `chrome.runtime.sendMessage` (the same message the panel sends).
 *  - warm: the service worker is running; 40 lookups of different stored slugs (after 5 unmeasured).
 *  - asleep: the worker is stopped first (CDP `ServiceWorker.stopAllWorkers`), so the call pays the
 *    worker's start-up, its module evaluation and the database open; 5 runs (after 1 unmeasured).
 * Baseline (same page, same database): a raw IndexedDB `contacts` index 'slug' get, connection open.
 */
import { api, launch, loadData, openExtensionPage, repeat, requireOps, row, seededProfile, stats } from '../harness.mjs';
import { rng } from '../../gen-data.mjs';

export default {
  id: 'lookup',
  async run({ runs, warmup, log }) {
    requireOps('prod', ['contact.getForPage'], 'profile lookup');
    const seeded = await seededProfile('prod', log);
    const s = await launch({ extension: 'prod', userDataDir: seeded.copy() });
    try {
      const { bundle } = loadData();
      const r = rng(99);
      const slugs = Array.from({ length: 60 }, () => bundle.contacts[r.int(0, bundle.contacts.length - 1)].slug);
      const page = await openExtensionPage(s, 'manifest.json', { waitUntil: 'domcontentloaded' });
      await api(page, 'settings.get', {});
      const lookup = (slug) => page.evaluate(async (slug) => {
        const t = performance.now();
        const res = await chrome.runtime.sendMessage({ type: 'rapport:ui-api-call', op: 'contact.getForPage', input: { slug } });
        const ms = performance.now() - t;
        if (!res?.ok || !res.data.view) throw new Error('lookup did not find ' + slug);
        return ms;
      }, slug);
      let k = 0;
      const warm = await repeat(() => lookup(slugs[k++ % slugs.length]), { runs: 40, warmup: 5 });
      const raw = await page.evaluate(async (slugs) => {
        const db = await new Promise((res, rej) => { const q = indexedDB.open('rapport'); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
        const out = [];
        for (let i = 0; i < 45; i++) {
          const t = performance.now();
          const got = await new Promise((res, rej) => {
            const q = db.transaction('contacts').objectStore('contacts').index('slug').get(slugs[i % slugs.length]);
            q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error);
          });
          if (!got) throw new Error('raw get found nothing');
          if (i >= 5) out.push(performance.now() - t);
        }
        db.close();
        return out;
      }, slugs);
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      const asleep = await repeat(async () => {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await page.waitForTimeout(300);
        return lookup(slugs[k++ % slugs.length]);
      }, { runs: Math.max(5, runs), warmup });
      const rawMedian = stats(raw).median;
      return [
        row({ scenario: 'profile lookup at 30k, worker warm', samples: warm, baseline: rawMedian, target: '≤ 30 ms', check: ({ median }) => median <= 30, build: 'prod',
          notes: `contact.getForPage round trip from an extension page, 40 lookups; baseline = raw IndexedDB index get (median ${rawMedian.toFixed(2)} ms)` }),
        row({ scenario: 'profile lookup at 30k, worker asleep', samples: asleep, baseline: rawMedian, target: '— (informative)', build: 'prod',
          notes: 'worker stopped with CDP ServiceWorker.stopAllWorkers before each call: includes worker start-up and database open' }),
      ];
    } finally {
      await s.close();
    }
  },
};
