/**
 * Search as you type at 30k: the options contacts list (#contacts), `contact-search` focused,
 * names typed one key at a time (`keyboard.type`). Each sample: the key's `input` event → the frame that shows the new result
 * count in `contacts-shown` (rendered in the same commit as the rows). Keystrokes that do not
 * change the number of matches cannot be told apart from the previous result and are typed but not
 * measured. The expected counts use the app's rule (every word in name, headline, company,
 * position or a tag). One query typed unmeasured first (warm-up).
 * Baseline (same page, same database): a raw IndexedDB prefix query on the `nameLower` index
 * (`IDBKeyRange.bound(prefix, prefix + '\uffff')`, getAll) for each prefix typed.
 */
import { DEEP_WAIT_SOURCE, launch, loadData, openExtensionPage, requireTestIds, row, seededProfile, stats } from '../harness.mjs';

const text = (c) => [c.name, c.headline, c.company, c.position, ...c.tags].filter(Boolean).join('\n').normalize('NFKC').toLowerCase();
const terms = (q) => q.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);

export default {
  id: 'search',
  async run({ log }) {
    requireTestIds('prod', ['contact-search', 'contacts-shown', 'contact-row'], 'options contacts list');
    const { bundle } = loadData();
    const texts = bundle.contacts.map(text);
    const count = (q) => {
      const ts = terms(q);
      return texts.reduce((n, t) => n + (ts.every((w) => t.includes(w)) ? 1 : 0), 0);
    };
    const queries = [bundle.contacts[4321].name, bundle.contacts[17777].name, bundle.contacts[25000].name.split(' ')[1]];
    const warm = bundle.contacts[99].name.split(' ')[0];
    const seeded = await seededProfile('prod', log);
    const s = await launch({ extension: 'prod', userDataDir: seeded.copy() });
    try {
      const page = await openExtensionPage(s, 'options.html#contacts');
      await page.evaluate(DEEP_WAIT_SOURCE);
      await page.getByTestId('contact-row').first().waitFor({ timeout: 60_000 });
      const box = page.getByTestId('contact-search');
      await box.click();
      const samples = [];
      const prefixes = [];
      const type = async (q, measure) => {
        await box.fill('');
        await page.waitForFunction(() => /in your network/.test(document.querySelector('[data-testid="contacts-shown"]').textContent), null, { timeout: 30_000 });
        let prev = null;
        for (let i = 1; i <= q.length; i++) {
          const typed = q.slice(0, i);
          const expected = terms(typed).length ? count(typed) : bundle.contacts.length;
          const changed = prev !== expected && terms(typed).length > 0;
          prev = expected;
          await page.evaluate((expected) => {
            window.__benchKey = new Promise((resolve) => {
              document.addEventListener('input', () => {
                const t0 = performance.now();
                const test = (el) => /of/.test(el.textContent) && Number(el.textContent.split('of')[0].replace(/\D/g, '')) === expected;
                resolve(window.__benchWaitFor('[data-testid="contacts-shown"]', test, 30000).then((x) => x.painted - t0));
              }, { capture: true, once: true });
            });
          }, expected);
          await page.keyboard.type(q[i - 1]);
          if (changed) {
            const ms = await page.evaluate(() => window.__benchKey);
            log(`${JSON.stringify(typed)} → ${expected}: ${ms.toFixed(1)} ms`);
            if (measure) { samples.push(ms); prefixes.push(typed.toLowerCase()); }
          } else {
            await page.waitForTimeout(250);
          }
        }
      };
      await type(warm, false);
      for (const q of queries) await type(q, true);
      const raw = await page.evaluate(async (prefixes) => {
        const db = await new Promise((res, rej) => { const q = indexedDB.open('rapport'); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
        const out = [];
        for (const p of [prefixes[0], ...prefixes]) {
          const t = performance.now();
          await new Promise((res, rej) => {
            const q = db.transaction('contacts').objectStore('contacts').index('nameLower').getAll(IDBKeyRange.bound(p, p + '\uffff'));
            q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error);
          });
          out.push(performance.now() - t);
        }
        db.close();
        return out.slice(1);
      }, prefixes);
      return [row({
        scenario: 'search as you type at 30k', samples, baseline: stats(raw).median, target: '≤ 16 ms median',
        check: ({ median }) => median <= 16, build: 'prod',
        notes: `${samples.length} keystrokes over ${queries.length} queries (names); input event → new result count painted; baseline = raw nameLower prefix getAll`,
      })];
    } finally {
      await s.close();
    }
  },
};
