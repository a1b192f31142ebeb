#!/usr/bin/env node
/**
 * `npm run bench` — Rapport's benchmark suite (never part of `npm test`).
 *
 *   npm run bench [-- --runs 5] [--warmup 1] [--only lookup,popup] [--no-build] [--seed 7]
 *
 * Builds the extension (production, and the e2e build for scenarios that look inside the panel's
 * shadow root), generates the synthetic data (scripts/gen-data.mjs), runs each scenario of
 * scripts/bench/scenarios/ in headless Chromium with a fresh on-disk profile, prints one table and
 * writes it to .output/bench.json. A scenario whose feature is not in the build says
 * "not built yet" instead of a number.
 */
import { execSync, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from './chromium-path.mjs';
import { writeAll } from './gen-data.mjs';
import {
  BENCH_OUT, DATA_DIR, NotBuilt, OUT, ROOT, cleanupSeeded, markdownTable, placeholder, snapshotBuild, textTable,
} from './bench/harness.mjs';

import contentScript from './bench/scenarios/content-script.mjs';
import extraction from './bench/scenarios/extraction.mjs';
import dbSize from './bench/scenarios/db-size.mjs';
import lookup from './bench/scenarios/lookup.mjs';
import popup from './bench/scenarios/popup.mjs';
import panel from './bench/scenarios/panel.mjs';
import spa from './bench/scenarios/spa.mjs';
import importCsv from './bench/scenarios/import.mjs';
import search from './bench/scenarios/search.mjs';
import optionsList from './bench/scenarios/options-list.mjs';

/** In table order. `builds`: which builds the scenario loads; `title`/`target` for placeholder rows. */
const SCENARIOS = [
  { mod: contentScript, builds: ['prod'], title: 'always-on content script', target: '≤ 15 KB gz; ≤ 10 ms' },
  { mod: panel, builds: ['e2e'], title: 'panel visible (DOMContentLoaded → stored data shown)', target: '≤ 150 ms median, ≤ 300 ms p95' },
  { mod: spa, builds: ['e2e'], title: 'SPA switch (new top card → panel shows new person)', target: '≤ 100 ms' },
  { mod: lookup, builds: ['prod'], title: 'profile lookup at 30k', target: '≤ 30 ms' },
  { mod: importCsv, builds: ['prod'], title: 'import 30k rows (end to end; longest main-thread task)', target: '≤ 5 s; no task over 50 ms' },
  { mod: search, builds: ['prod'], title: 'search as you type at 30k', target: '≤ 16 ms median' },
  { mod: popup, builds: ['prod'], title: 'popup first render (30k, 5k reminders)', target: '≤ 100 ms' },
  { mod: optionsList, builds: ['prod'], title: 'options list (open, scroll 30k)', target: 'no task over 50 ms' },
  { mod: dbSize, builds: ['prod'], title: 'database size (30k contacts)', target: '≤ 25 MB' },
  { mod: extraction, builds: [], title: 'extraction (extractProfile, largest fixture)', target: '≤ 10 ms' },
];

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
};
const runs = Math.max(5, Number(opt('runs', 5)));
const warmup = Math.max(1, Number(opt('warmup', 1)));
const only = opt('only', '')?.split(',').filter(Boolean) ?? [];
const seed = Number(opt('seed', 7));
const selected = SCENARIOS.filter((s) => !only.length || only.includes(s.mod.id));

const started = Date.now();
const log = (...a) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);

function build(script) {
  // Others may be mid-edit (a build can fail for a moment): retry twice, 30 s apart.
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync('npm', ['run', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    if (r.status === 0) return;
    const err = (r.stdout + r.stderr).split('\n').filter((l) => /error|Could not/i.test(l)).slice(0, 5).join('\n');
    if (attempt >= 3) throw new Error(`npm run ${script} failed:\n${err}`);
    log(`npm run ${script} failed (attempt ${attempt}), retrying in 30 s:\n${err}`);
    execSync('sleep 30');
  }
}

function machine() {
  const chromium = findChromium();
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execSync(`"${chromium}" --version 2>/dev/null`, { encoding: 'utf8' }).trim();
  } catch { /* keep unknown */ }
  return {
    nproc: Number(execSync('nproc', { encoding: 'utf8' }).trim()),
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: chromiumVersion,
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
}

async function main() {
  mkdirSync(BENCH_OUT, { recursive: true });
  const info = machine();
  log(`machine: ${info.nproc} cores, ${info.cpu}, ${info.chromium}, load ${info.loadAverageAtStart.join(' ')}`);
  const needed = new Set(selected.flatMap((s) => s.builds));
  for (const b of ['prod', 'e2e']) {
    if (!needed.has(b)) continue;
    if (!flag('no-build')) {
      log(`npm run ${b === 'prod' ? 'build' : 'build:e2e'} …`);
      build(b === 'prod' ? 'build' : 'build:e2e');
    }
    snapshotBuild(b); // others rebuild .output/chrome-mv3* while we run: use our own copy
  }
  log(`generating data (seed ${seed}) …`);
  writeAll({ out: DATA_DIR, seed });

  const rows = [];
  for (const s of selected) {
    const t0 = Date.now();
    log(`${s.mod.id} …`);
    try {
      const got = await s.mod.run({ runs, warmup, log: (m) => log(`  ${m}`) });
      rows.push(...got);
      for (const r of got) log(`  ${r.scenario}: ${r.verdict} (median ${r.median?.toFixed?.(2) ?? '—'} ${r.unit})`);
    } catch (err) {
      if (err instanceof NotBuilt) {
        rows.push(placeholder(s.title, s.target, 'not built yet', err.message));
        log(`  not built yet: ${err.message}`);
      } else {
        rows.push(placeholder(s.title, s.target, 'error', String(err?.message ?? err).split('\n')[0]));
        log(`  ERROR: ${err?.stack ?? err}`);
      }
    }
    log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  cleanupSeeded();

  const totalS = (Date.now() - started) / 1000;
  console.log('\n' + textTable(rows) + '\n');
  console.log('Notes:');
  for (const r of rows) if (r.notes) console.log(`- ${r.scenario}${r.build ? ` [${r.build} build]` : ''}: ${r.notes}`);
  console.log(`\n${info.nproc} cores, ${info.cpu}; ${info.chromium}; node ${info.node}; load average at start ${info.loadAverageAtStart.join(', ')}; ` +
    `${runs} runs after ${warmup} warm-up; suite took ${totalS.toFixed(0)} s`);
  const out = resolve(OUT, 'bench.json');
  writeFileSync(out, JSON.stringify({
    date: new Date().toISOString(), machine: info, runs, warmup, seed, durationSeconds: Math.round(totalS),
    rows, markdown: markdownTable(rows),
  }, null, 2));
  console.log(`wrote ${out}`);
}

main().catch((err) => {
  console.error(err);
  cleanupSeeded();
  process.exit(1);
});
