/**
 * Shared harness of the benchmark suite: statistics, the table, launching Chromium with the
 * extension in a FRESH on-disk profile (IndexedDB on disk, as for a user), routing LinkedIn URLs to
 * invented pages, seeding the database through the extension's own API, and feature detection
 * (a scenario whose feature is not in the build says "not built yet", never a number).
 */
import { chromium } from 'playwright';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../chromium-path.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = resolve(ROOT, process.env.RAPPORT_OUT ?? '.output');
export const BENCH_OUT = resolve(OUT, 'bench');
export const DATA_DIR = resolve(BENCH_OUT, 'data');
/** What `npm run build` / `build:e2e` write (others rebuild these while the suite runs, so …) */
export const BUILD_OUTPUT = { prod: resolve(OUT, 'chrome-mv3'), e2e: resolve(OUT, 'chrome-mv3-e2e') };
/** … the suite runs COPIES taken right after its own build. */
export const BUILDS = {
  prod: resolve(BENCH_OUT, 'ext/chrome-mv3'),
  e2e: resolve(BENCH_OUT, 'ext/chrome-mv3-e2e'),
  empty: resolve(OUT, 'bench-empty'),
};

/**
 * Both builds are loaded from ONE directory (the "slot"): an unpacked extension's id is derived
 * from its path, so the prod and e2e builds get the same id — and the same seeded database.
 */
export const SLOT = resolve(BENCH_OUT, 'ext/slot');
let slotHolds = null;
function useSlot(name) {
  if (slotHolds !== name) {
    rmSync(SLOT, { recursive: true, force: true });
    cpSync(BUILDS[name], SLOT, { recursive: true });
    slotHolds = name;
  }
  return SLOT;
}

/** Copies a fresh build output to the suite's own directory. */
export function snapshotBuild(name) {
  const from = BUILD_OUTPUT[name];
  if (!existsSync(resolve(from, 'manifest.json'))) throw new Error(`no ${name} build at ${from}`);
  rmSync(BUILDS[name], { recursive: true, force: true });
  cpSync(from, BUILDS[name], { recursive: true });
  builtTextCache.delete(name);
}
export const SHARED_FIXTURES = resolve(ROOT, '../shared/fixtures');

// ---------------------------------------------------------------- statistics and table

export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), min: s[0], max: s[s.length - 1] };
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times; returns the samples. With `budgetMs`, a
 * scenario far slower than its target stops once the budget is spent and at least `minRuns`
 * measured runs are in (the suite must finish in 10 minutes); `samples.capped` says so.
 */
export async function repeat(fn, { runs, warmup = 1, budgetMs = Infinity, minRuns = 3 }) {
  const t0 = performance.now();
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    if (i >= minRuns && performance.now() - t0 > budgetMs) {
      samples.capped = true;
      break;
    }
    samples.push(await fn(i));
  }
  return samples;
}

export class NotBuilt extends Error {
  constructor(what) {
    super(what);
    this.name = 'NotBuilt';
  }
}

/**
 * A result row. `check(value, p95)` says whether the target is met; verdict is 'pass' / 'FAIL'.
 */
export function row({ scenario, unit = 'ms', samples, value, p95, baseline = null, target, check, notes = '', build = '' }) {
  const st = samples ? stats(samples) : null;
  const median = value ?? st?.median ?? null;
  const p = p95 ?? st?.p95 ?? null;
  const ratio = baseline != null && baseline > 0 && median != null ? median / baseline : null;
  const ok = check ? check({ median, p95: p, ratio }) : null;
  return {
    scenario, unit, median, p95: p, baseline, ratio, target, verdict: ok == null ? '—' : ok ? 'pass' : 'FAIL',
    notes: samples?.capped ? `${notes} — TIME CAP: ${st.n} runs instead of the usual count` : notes,
    build, runs: st?.n ?? null, samples: samples ?? null,
  };
}

export function placeholder(scenario, target, verdict, notes) {
  return { scenario, unit: '', median: null, p95: null, baseline: null, ratio: null, target, verdict, notes, build: '', runs: null, samples: null };
}

function fmt(v, unit) {
  if (v == null || Number.isNaN(v)) return '—';
  if (unit === 'B') return v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} KB` : `${v} B`;
  if (unit === 'ms') return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  return `${Number.isInteger(v) ? v : v.toFixed(2)}${unit ? ' ' + unit : ''}`;
}

export function formatRows(rows) {
  return rows.map((r) => [
    r.scenario, fmt(r.median, r.unit), fmt(r.p95, r.unit), fmt(r.baseline, r.unit),
    r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`, r.target, r.verdict,
  ]);
}

const HEAD = ['scenario', 'median', 'p95', 'baseline', 'ratio', 'target', 'verdict'];

export function textTable(rows) {
  const cells = [HEAD, ...formatRows(rows)];
  const w = HEAD.map((_, i) => Math.max(...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(w[i])).join('  ');
  return [line(cells[0]), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function markdownTable(rows) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const out = [`| ${HEAD.join(' | ')} |`, `| ${HEAD.map(() => '---').join(' | ')} |`];
  for (const c of formatRows(rows)) out.push(`| ${c.map(esc).join(' | ')} |`);
  return out.join('\n');
}

// ---------------------------------------------------------------- feature detection

/** Every file of a build, concatenated (for test ids and op names). */
const builtTextCache = new Map();
export function builtText(build) {
  if (builtTextCache.has(build)) return builtTextCache.get(build);
  const dir = BUILDS[build];
  let text = '';
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|html|json)$/.test(f)) text += readFileSync(p, 'utf8') + '\n';
    }
  };
  if (existsSync(dir)) walk(dir);
  builtTextCache.set(build, text);
  return text;
}

/** Throws NotBuilt unless the build contains every test id. */
export function requireTestIds(build, ids, feature) {
  const text = builtText(build);
  const missing = ids.filter((id) => !text.includes(`"${id}"`) && !text.includes(`'${id}'`) && !text.includes(`\`${id}\``));
  if (missing.length) throw new NotBuilt(`${feature}: test id ${missing.join(', ')} not in the ${build} build`);
}

/** Throws NotBuilt unless the background bundle knows the op. */
export function requireOps(build, names, feature) {
  const bg = resolve(BUILDS[build], 'background.js');
  const text = existsSync(bg) ? readFileSync(bg, 'utf8') : '';
  const missing = names.filter((n) => !text.includes(`"${n}"`) && !text.includes(`'${n}'`));
  if (missing.length) throw new NotBuilt(`${feature}: op ${missing.join(', ')} not in the ${build} build`);
}

export function hasOp(build, name) {
  try {
    requireOps(build, [name], '');
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- Chromium

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function freshProfileDir(tag = 'profile') {
  return mkdtempSync(join(tmpdir(), `rapport-bench-${tag}-`));
}

/**
 * Launches Chromium with `extension` (a BUILDS key, a directory, or null) in `userDataDir` (a fresh
 * temp dir unless given). LinkedIn URLs are served from `pages` (path prefix → html, longest
 * first); every other request is aborted. Returns { context, userDataDir, extensionId, close }.
 * `intercept: false` (scenarios that open only extension pages): the browser is put offline instead
 * of routing every request through Playwright, whose interception delays each of the page's own
 * resource loads (by 10–40 ms here), which is not the extension's time.
 */
export async function launch({ extension = 'prod', userDataDir, pages = {}, intercept = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH).');
  const dir = userDataDir ?? freshProfileDir();
  let extDir = extension == null ? null : BUILDS[extension] ?? extension;
  if (extDir && !existsSync(resolve(extDir, 'manifest.json'))) throw new NotBuilt(`no build at ${extDir}`);
  if (extension === 'prod' || extension === 'e2e') extDir = useSlot(extension);
  const args = [...CHROMIUM_ARGS];
  if (extDir) args.push(`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`);
  else args.push('--disable-extensions');
  const routes = new Map(Object.entries(pages));
  const start = async () => {
    const context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, viewport: { width: 1280, height: 900 }, args });
    // First run opens the welcome page (options.html#welcome): close it, it is not what is measured.
    const closeWelcome = (pg) => {
      const check = () => { if (pg.url().includes('#welcome')) pg.close().catch(() => {}); };
      check();
      pg.on('framenavigated', check);
    };
    context.pages().forEach(closeWelcome);
    context.on('page', closeWelcome);
    if (!intercept) await context.setOffline(true);
    else await context.route(/^(https?|wss?):\/\//, (route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (url.hostname !== 'www.linkedin.com' || req.resourceType() !== 'document') return route.abort();
      const key = [...routes.keys()].filter((p) => url.pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
      if (key == null) return route.abort();
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: routes.get(key) });
    });
    let extensionId = null;
    if (extDir) {
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      extensionId = new URL(sw.url()).host;
    }
    return { context, extensionId };
  };
  // Chromium has (rarely: once in a full run) closed while starting on this machine: one more try,
  // said aloud. A second failure is the scenario's error.
  const { context, extensionId } = await start().catch((err) => {
    if (!/has been closed/i.test(String(err?.message))) throw err;
    console.error(`[bench] Chromium closed while starting (${String(err.message).split('\n')[0]}); starting it once more`);
    return start();
  });
  return {
    context, userDataDir: dir, extensionId,
    serve: (path, html) => routes.set(path, html),
    async close({ keep = false } = {}) {
      await context.close().catch(() => {});
      // Our own temp profiles (fresh ones and copies of the seeded one) go; a caller's dir stays.
      if (!keep && (!userDataDir || dir.includes('rapport-bench-copy-'))) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens an extension page (e.g. 'options.html') in a new tab. */
export async function openExtensionPage(session, path, { waitUntil = 'load' } = {}) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`, { waitUntil });
  return page;
}

/** Calls the data API from an extension page, as the popup does. */
export async function api(page, op, input) {
  const res = await page.evaluate(([op, input]) => chrome.runtime.sendMessage({ type: 'rapport:ui-api-call', op, input }), [op, input]);
  if (!res?.ok) throw new Error(`api ${op} failed: ${res?.error?.message ?? 'no answer'}`);
  return res.data;
}

// ---------------------------------------------------------------- synthetic data and seeding

let dataCache = null;
export function loadData() {
  if (!dataCache) {
    const read = (f) => JSON.parse(readFileSync(resolve(DATA_DIR, f), 'utf8'));
    dataCache = { bundle: read('bundle.json'), goals: read('goals.json'), csvPath: resolve(DATA_DIR, 'Connections.csv') };
  }
  return dataCache;
}

/**
 * Seeds the extension's database with the synthetic data set.
 *
 * The first write goes through the API (`settings.get` → the service worker opens the database and
 * creates the schema). The records (contacts, notes, interactions, activities, reminders, goals) are
 * then written with RAW IndexedDB from an extension page, into the app's own `rapport` database:
 * the one op that takes whole records (`manage.restoreContacts`, the undo of a delete) checks each
 * contact for a slug clash and needs ~200 s for 30k contacts on this machine, which would blow the
 * suite's 10-minute budget (set BENCH_SEED=api to seed through it anyway).
 */
export async function seed(session, { bundle, goals }, log = () => {}) {
  const page = await openExtensionPage(session, 'manifest.json', { waitUntil: 'domcontentloaded' });
  await api(page, 'settings.get', {});
  if (process.env.BENCH_SEED === 'api') {
    if (!hasOp(session.build ?? 'prod', 'manage.restoreContacts')) throw new NotBuilt('seeding needs manage.restoreContacts');
    const CHUNK = 3000;
    const by = (list, key) => {
      const m = new Map();
      for (const x of list) {
        const k = x[key] ?? 0;
        if (!m.has(k)) m.set(k, []);
        m.get(k).push(x);
      }
      return m;
    };
    const notes = by(bundle.notes, 'targetId');
    const inter = by(bundle.interactions, 'contactId');
    const acts = by(bundle.activities, 'contactId');
    const rems = by(bundle.reminders, 'contactId');
    for (let i = 0; i < bundle.contacts.length; i += CHUNK) {
      const contacts = bundle.contacts.slice(i, i + CHUNK);
      const ids = contacts.map((c) => c.id);
      const pick = (m) => ids.flatMap((id) => m.get(id) ?? []).concat(i === 0 ? m.get(0) ?? [] : []);
      await api(page, 'manage.restoreContacts', { contacts, notes: pick(notes), interactions: pick(inter), activities: pick(acts), reminders: pick(rems) });
      log(`seeded ${Math.min(i + CHUNK, bundle.contacts.length)} / ${bundle.contacts.length}`);
    }
    await rawPut(page, 'goals', goals);
  } else {
    for (const table of ['contacts', 'notes', 'interactions', 'activities', 'reminders']) {
      const rows = bundle[table];
      for (let i = 0; i < rows.length; i += 10_000) await rawPut(page, table, rows.slice(i, i + 10_000));
    }
    await rawPut(page, 'goals', goals);
  }
  // The app must see it: one lookup through the API.
  const probe = bundle.contacts[0];
  const got = await api(page, 'contact.getForPage', { slug: probe.slug, name: probe.name });
  if (got?.view?.contact?.id !== probe.id) throw new Error('seeded data is not visible through the API');
  if (JSON.stringify(Object.entries(got.view.contact).sort()) !== JSON.stringify(Object.entries(probe).sort())) {
    throw new Error('a seeded contact does not read back as written (stored form out of step with lib/db/compact.ts?)');
  }
  await page.close();
}

/**
 * Which fields the app does not store when they hold their default, and which it packs into one
 * array (lib/db/stored-defaults.json, applied by lib/db/compact.ts): records seeded raw are stored
 * the way the app stores them under the current schema.
 */
const STORED_DEFAULTS = JSON.parse(readFileSync(resolve(ROOT, 'lib/db/stored-defaults.json'), 'utf8'));
export function asStored(table, record) {
  const d = table === '//' || table === '$packed' ? undefined : STORED_DEFAULTS[table];
  const derived = ['contacts', 'notes', 'reminders'].includes(table);
  const packed = table === '//' ? undefined : STORED_DEFAULTS.$packed[table];
  if (!d && !derived && !packed) return record;
  const isDefault = (k, v) => k in (d ?? {}) && (Array.isArray(d[k]) ? Array.isArray(v) && v.length === 0 : v === d[k]);
  const out = { ...record };
  for (const k of Object.keys(d ?? {})) if (k in out && isDefault(k, out[k])) delete out[k];
  // Derived fields (lib/db/compact.ts): updatedAt equal to createdAt; a contact's canonical profile URL.
  const sameUpdated = derived && 'updatedAt' in out && 'createdAt' in out && out.updatedAt === out.createdAt;
  if (sameUpdated) delete out.updatedAt;
  if (table === 'contacts' && typeof out.slug === 'string' && out.profileUrl === `https://www.linkedin.com/in/${encodeURIComponent(out.slug)}/`) out.profileUrl = true;
  // Packed fields (lib/db/compact.ts, current schema): one array `$`, a default or derived value as null.
  if (packed && !('$' in record) && packed.every((k) => k in record && record[k] !== undefined && (record[k] !== null || d?.[k] === null))) {
    const values = packed.map((k) => (isDefault(k, record[k]) || (sameUpdated && k === 'updatedAt') ? null : record[k]));
    while (values.length && values[values.length - 1] === null) values.pop();
    for (const k of packed) delete out[k];
    out.$ = values;
  }
  return out;
}

/** Writes records into the app's database with raw IndexedDB (from an extension page), as the app stores them. */
export async function rawPut(page, table, rows) {
  rows = rows.map((r) => asStored(table, r));
  // One JSON string crosses the wire (Playwright's structured argument serialization is ~100× slower).
  await page.evaluate(async ([table, json]) => {
    const rows = JSON.parse(json);
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('rapport');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise((res, rej) => {
      const tx = db.transaction(table, 'readwrite');
      const store = tx.objectStore(table);
      for (const x of rows) store.put(x);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, [table, JSON.stringify(rows)]);
}

const seededCache = new Map();
/**
 * A profile directory holding the extension with the 30k data set, seeded once per run of the
 * suite (valid for both builds: see SLOT); every scenario gets its own COPY (fresh directory, data
 * on disk).
 */
export async function seededProfile(build = 'prod', log = () => {}) {
  const key = 'slot';
  if (!seededCache.has(key)) {
    const dir = freshProfileDir('seed');
    const session = await launch({ extension: build, userDataDir: dir });
    session.build = build;
    const t0 = performance.now();
    try {
      await seed(session, loadData(), log);
    } finally {
      await session.close({ keep: true });
    }
    seededCache.set(key, { dir, extensionId: session.extensionId, seedMs: performance.now() - t0 });
  }
  const { dir, extensionId, seedMs } = seededCache.get(key);
  return { template: dir, extensionId, seedMs, copy: () => copyProfile(dir) };
}

export function copyProfile(dir) {
  const to = freshProfileDir('copy');
  cpSync(dir, to, { recursive: true, filter: (src) => !/Singleton(Lock|Socket|Cookie)$/.test(src) });
  return to;
}

export function dirSize(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    n += s.isDirectory() ? dirSize(p) : s.size;
  }
  return n;
}

export function cleanupSeeded() {
  for (const { dir } of seededCache.values()) rmSync(dir, { recursive: true, force: true });
  seededCache.clear();
}

// ---------------------------------------------------------------- in-page timing helpers

/**
 * Source of a function, installed in pages (init script), that resolves the first time
 * `selector` matches in the document or any OPEN shadow root (and the function `test(el)`, if
 * given, holds), returning
 * performance.now() at the next animation frame (i.e. the frame that shows it).
 */
export const DEEP_WAIT_SOURCE = `
window.__benchDeepQuery = function (selector, root) {
  root = root || document;
  const hit = root.querySelector(selector);
  if (hit) return hit;
  const all = root.querySelectorAll('*');
  for (const el of all) if (el.shadowRoot) { const h = window.__benchDeepQuery(selector, el.shadowRoot); if (h) return h; }
  return null;
};
window.__benchWaitFor = function (selector, testSrc, timeout) {
  // A function (extension pages forbid eval), or null.
  const test = typeof testSrc === 'function' ? testSrc : () => true;
  return new Promise((resolve, reject) => {
    let done = false;
    const observed = new Set();
    const mos = [];
    const check = () => {
      if (done) return;
      const el = window.__benchDeepQuery(selector);
      let ok = false;
      try { ok = !!el && test(el); } catch (e) { done = true; mos.forEach((m) => m.disconnect()); reject(e); return; }
      if (ok) {
        done = true;
        mos.forEach((m) => m.disconnect());
        const found = performance.now();
        requestAnimationFrame(() => resolve({ found, painted: performance.now() }));
        return;
      }
      // observe newly attached open shadow roots too
      for (const host of document.querySelectorAll('*')) {
        if (host.shadowRoot && !observed.has(host.shadowRoot)) {
          observed.add(host.shadowRoot);
          const mo = new MutationObserver(check);
          mo.observe(host.shadowRoot, { childList: true, subtree: true, characterData: true });
          mos.push(mo);
        }
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true, characterData: true });
    mos.push(mo);
    const tick = () => { if (!done) { check(); requestAnimationFrame(tick); } };
    tick();
    setTimeout(() => { if (!done) { done = true; mos.forEach((m) => m.disconnect()); reject(new Error('timeout waiting for ' + selector)); } }, timeout || 15000);
  });
};
`;
