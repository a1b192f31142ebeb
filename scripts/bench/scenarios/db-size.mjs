/**
 * Database size: bytes on disk of the extension's IndexedDB (LevelDB directory + blob directory)
 * for the 30k data set. Baseline: the size of the same data as JSON.
 *
 * What is measured: a copy of the seeded profile, opened once more by the browser with the
 * extension (the service worker opens the database) and closed once LevelDB is idle; of its
 * directory, the files LevelDB keeps. Why: LevelDB compacts in the background, and a browser that
 * quits mid-compaction leaves that compaction's half-written tables next to their inputs; LevelDB
 * deletes them (and logs older than the current one) the next time it opens the database, so they
 * are not part of what the data costs a user, whose profile is opened again. The figure right
 * after seeding depended on the moment the browser quit (±3 MB between runs, up to 42 MB once).
 * So: one more open (a user's browser restarts), LevelDB's own compactions left to finish (none
 * under way per its LOG, which has not changed for 3 s; at most 180 s), and the files its current
 * MANIFEST does not reference (orphans of an interrupted compaction) counted apart and shown in the
 * notes. Nothing is forced: no manual compaction, no call beyond opening the database. The size
 * right after the seeding browser closed is in the notes too.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_DIR, api, launch, openExtensionPage, row, seededProfile } from '../harness.mjs';

function idbDirs(profile, extensionId) {
  const idb = resolve(profile, 'Default/IndexedDB');
  const prefix = `chrome-extension_${extensionId}_0.indexeddb`;
  return readdirSync(idb).filter((d) => d.startsWith(prefix)).map((d) => resolve(idb, d));
}

/**
 * The files of a LevelDB directory that LevelDB itself deletes the next time it opens the database
 * (DBImpl::RemoveObsoleteFiles): tables that the current MANIFEST does not reference (the outputs of
 * a compaction the browser interrupted as it quit) and write-ahead logs older than the current one.
 * Reads the MANIFEST named by CURRENT (LevelDB's log format: 32 KB blocks of records, each record a
 * VersionEdit).
 */
function varint(buf, pos) {
  let result = 0;
  let mul = 1;
  for (;;) {
    const b = buf[pos.i++];
    if (b === undefined) throw new Error('truncated varint');
    result += (b & 0x7f) * mul;
    if (b < 0x80) return result;
    mul *= 128;
  }
}

function manifestRecords(buf) {
  const out = [];
  let pending = [];
  for (let block = 0; block < buf.length; block += 32768) {
    let p = block;
    const end = Math.min(block + 32768, buf.length);
    while (p + 7 <= end) {
      const len = buf[p + 4] | (buf[p + 5] << 8);
      const type = buf[p + 6];
      if (type === 0 && len === 0) break; // zero-filled tail (preallocated)
      const data = buf.subarray(p + 7, p + 7 + len);
      p += 7 + len;
      if (type === 1) out.push(data);
      else if (type === 2) pending = [data];
      else if (type === 3) pending.push(data);
      else if (type === 4) { pending.push(data); out.push(Buffer.concat(pending)); pending = []; }
    }
  }
  return out;
}

function obsoleteLevelDbFiles(dir) {
  const current = readFileSync(`${dir}/CURRENT`, 'utf8').trim();
  const live = new Set();
  let logNumber = 0;
  let prevLog = 0;
  for (const rec of manifestRecords(readFileSync(`${dir}/${current}`))) {
    const pos = { i: 0 };
    const skipString = () => { const n = varint(rec, pos); pos.i += n; };
    while (pos.i < rec.length) {
      const tag = varint(rec, pos);
      if (tag === 1) skipString();
      else if (tag === 2) logNumber = varint(rec, pos);
      else if (tag === 3 || tag === 4) varint(rec, pos);
      else if (tag === 5) { varint(rec, pos); skipString(); }
      else if (tag === 6) { varint(rec, pos); live.delete(varint(rec, pos)); }
      else if (tag === 7) { varint(rec, pos); live.add(varint(rec, pos)); varint(rec, pos); skipString(); skipString(); }
      else if (tag === 9) prevLog = varint(rec, pos);
      else throw new Error(`unknown MANIFEST tag ${tag}`);
    }
  }
  if (!live.size) throw new Error('no live table in the MANIFEST');
  return readdirSync(dir).filter((f) => {
    const m = f.match(/^(\d+)\.(ldb|sst|log)$/);
    if (!m) return false;
    const n = Number(m[1]);
    return m[2] === 'log' ? n < logNumber && n !== prevLog : !live.has(n);
  });
}

/**
 * Bytes on disk, and where they are: LevelDB tables (.ldb), the write-ahead log (.log), blobs.
 * Files LevelDB deletes the next time it opens the database (`obsoleteLevelDbFiles`) are counted
 * apart (`obsolete`), not in `bytes`; `all` is everything in the directories.
 */
function measure(dirs) {
  let all = 0;
  let obsolete = 0;
  let unread = '';
  const kinds = {};
  for (const d of dirs) {
    let dead = new Set();
    try {
      if (d.endsWith('.leveldb')) dead = new Set(obsoleteLevelDbFiles(d));
    } catch (err) {
      unread = `MANIFEST not read (${err.message}): every file counted`;
    }
    for (const f of readdirSync(d, { recursive: true })) {
      const p = resolve(d, String(f));
      if (!statSync(p).isFile()) continue;
      const size = statSync(p).size;
      all += size;
      if (dead.has(String(f))) { obsolete += size; continue; }
      const k = d.endsWith('.blob') ? 'blob' : (String(f).match(/\.(ldb|log)$/)?.[1] ?? 'other');
      kinds[k] = (kinds[k] ?? 0) + size;
    }
  }
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const breakdown = Object.entries(kinds).map(([k, n]) => `${k} ${mb(n)}`).join(', ');
  const left = obsolete ? `; left out, as LevelDB deletes them at its next open: ${mb(obsolete)}` : '';
  return { bytes: all - obsolete, all, obsolete, breakdown: `${breakdown}${left}${unread ? `; ${unread}` : ''}` };
}

/**
 * Whether LevelDB (per its LOG, rewritten at each open) has a compaction or memtable flush under way:
 * "Compacting …" without its "Compacted …" (or "compaction error"), "Level-0 table #N: started"
 * without its "Level-0 table #N: … bytes".
 */
function leveldbBusy(log) {
  const n = (re) => (log.match(re) ?? []).length;
  return n(/Compacting \d+@/g) > n(/Compacted \d+@/g) + n(/compaction error/gi)
    || n(/Level-0 table #\d+: started/g) > n(/Level-0 table #\d+: \d+ bytes/g);
}

/**
 * Resolves once LevelDB in `dir` is idle: nothing under way per its LOG, and the LOG unchanged for
 * `quietMs` (at most `capMs`). On a loaded machine a compaction can write no LOG line for seconds,
 * so a quiet LOG alone is not enough.
 */
async function leveldbIdle(dir, { quietMs = 3000, capMs = 180_000 } = {}) {
  const t0 = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    let log = '';
    try { log = readFileSync(resolve(dir, 'LOG'), 'utf8'); } catch { /* not yet */ }
    if (log !== last) { last = log; since = Date.now(); }
    if ((Date.now() - since >= quietMs && !leveldbBusy(log)) || Date.now() - t0 >= capMs) return Date.now() - t0;
  }
}

export default {
  id: 'db-size',
  async run({ log }) {
    const seeded = await seededProfile('prod', log);
    const atClose = measure(idbDirs(seeded.template, seeded.extensionId));

    const profile = seeded.copy();
    let waited = 0;
    try {
      const session = await launch({ extension: 'prod', userDataDir: profile });
      try {
        const page = await openExtensionPage(session, 'manifest.json', { waitUntil: 'domcontentloaded' });
        await api(page, 'settings.get', {}); // the service worker opens the database
        const leveldb = idbDirs(profile, session.extensionId).find((d) => d.endsWith('.leveldb'));
        waited = await leveldbIdle(leveldb);
      } finally {
        await session.close({ keep: true });
      }
      const settled = measure(idbDirs(profile, seeded.extensionId));
      const json = statSync(resolve(DATA_DIR, 'bundle.json')).size + statSync(resolve(DATA_DIR, 'goals.json')).size;
      return [row({
        scenario: 'database size (30k contacts)', unit: 'B', value: settled.bytes, p95: settled.bytes, baseline: json, target: '≤ 25 MB',
        check: ({ median }) => median <= 25e6 /* MB as printed: 10^6 bytes (was 25 MiB, looser than the printed figure) */, build: 'prod',
        notes: `IndexedDB of the seeded profile reopened once, closed once LevelDB was idle (${(waited / 1000).toFixed(0)} s; ${settled.breakdown}); `
          + `right after the seeding browser closed: ${(atClose.bytes / 1e6).toFixed(2)} MB (${atClose.breakdown}); `
          + `30k contacts, notes, interactions, activities, 5k reminders; baseline = the same data as JSON; seeded in ${(seeded.seedMs / 1000).toFixed(0)} s`,
      })];
    } finally {
      // The browser's last processes may still be leaving files as it exits.
      try { rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 }); } catch { /* a temp dir */ }
    }
  },
};
