/**
 * Database size: bytes on disk of the extension's IndexedDB (LevelDB directory + blob directory)
 * for the 30k data set, measured in the seeded profile after its browser closed. Baseline: the size
 * of the same data as JSON.
 */
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_DIR, dirSize, row, seededProfile } from '../harness.mjs';

export default {
  id: 'db-size',
  async run({ log }) {
    const seeded = await seededProfile('prod', log);
    const idb = resolve(seeded.template, 'Default/IndexedDB');
    const prefix = `chrome-extension_${seeded.extensionId}_0.indexeddb`;
    const dirs = readdirSync(idb).filter((d) => d.startsWith(prefix));
    const bytes = dirs.reduce((n, d) => n + dirSize(resolve(idb, d)), 0);
    // Where the bytes are: LevelDB tables (.ldb), the write-ahead log (.log, not yet compacted), blobs.
    const kinds = {};
    for (const d of dirs) {
      for (const f of readdirSync(resolve(idb, d), { recursive: true })) {
        const p = resolve(idb, d, String(f));
        if (!statSync(p).isFile()) continue;
        const k = d.endsWith('.blob') ? 'blob' : (String(f).match(/\.(ldb|log)$/)?.[1] ?? 'other');
        kinds[k] = (kinds[k] ?? 0) + statSync(p).size;
      }
    }
    const breakdown = Object.entries(kinds).map(([k, n]) => `${k} ${(n / 1e6).toFixed(1)} MB`).join(', ');
    const json = statSync(resolve(DATA_DIR, 'bundle.json')).size + statSync(resolve(DATA_DIR, 'goals.json')).size;
    return [row({
      scenario: 'database size (30k contacts)', unit: 'B', value: bytes, p95: bytes, baseline: json, target: '≤ 25 MB',
      check: ({ median }) => median <= 25 * 1024 * 1024, build: 'prod',
      notes: `${dirs.join(' + ')} after close (${breakdown}); 30k contacts, notes, interactions, activities, 5k reminders; baseline = the same data as JSON; seeded in ${(seeded.seedMs / 1000).toFixed(0)} s`,
    })];
  },
};
