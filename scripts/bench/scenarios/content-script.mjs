/**
 * The always-on content script: its gzipped size, and the main-thread script time it adds to a
 * LinkedIn page that is not a profile (/feed/, invented page with a hydration-like page script).
 *
 * Time = CDP `Performance.getMetrics` ScriptDuration of the tab after load + 800 ms (the content
 * script runs at document_idle; its observers see the page's late DOM insertions), per fresh tab.
 * Three configurations, each in its own fresh profile, taking turns tab by tab: no extension; an EMPTY content script (a
 * throwaway extension in .output/bench-empty); Rapport's production build. Figure = Rapport's
 * median minus the no-extension median; baseline = the empty content script's, computed the same way.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILDS, launch, repeat, row, stats } from '../harness.mjs';
import { feedPage } from '../pages.mjs';

function buildEmptyExtension() {
  mkdirSync(BUILDS.empty, { recursive: true });
  writeFileSync(resolve(BUILDS.empty, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'bench-empty', version: '0.0.1',
    content_scripts: [{ matches: ['https://www.linkedin.com/*'], js: ['cs.js'], run_at: 'document_idle' }],
    background: { service_worker: 'bg.js' },
  }, null, 2));
  writeFileSync(resolve(BUILDS.empty, 'cs.js'), '');
  writeFileSync(resolve(BUILDS.empty, 'bg.js'), '');
}

/** One tab load of /feed/ in `session`: the tab's ScriptDuration (ms). */
async function scriptTime(session) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('https://www.linkedin.com/feed/', { waitUntil: 'load' });
  await page.waitForTimeout(800);
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  await page.close();
  return m.ScriptDuration * 1000;
}

/**
 * The three configurations run side by side (three browsers) and take turns, one tab load each per
 * round, so that load from other processes on the machine falls on all three alike.
 */
async function scriptTimes(configs, { runs, warmup }) {
  const sessions = [];
  try {
    for (const extension of configs) sessions.push(await launch({ extension, pages: { '/feed': feedPage() } }));
    const out = configs.map(() => []);
    await repeat(async (i) => {
      for (let c = 0; c < sessions.length; c++) {
        const ms = await scriptTime(sessions[c]);
        if (i >= 0) out[c].push(ms);
      }
    }, { runs, warmup });
    return out;
  } finally {
    for (const s of sessions) await s.close();
  }
}

export default {
  id: 'content-script',
  async run({ runs, warmup }) {
    const file = resolve(BUILDS.prod, 'content-scripts/linkedin.js');
    const rows = [];
    if (!existsSync(file)) {
      rows.push(row({ scenario: 'content script size (gzip)', unit: 'B', value: null, target: '≤ 15 KB gz', notes: 'no content-scripts/linkedin.js in the build' }));
      return rows;
    }
    const raw = readFileSync(file);
    const gz = gzipSync(raw).length;
    rows.push(row({
      scenario: 'content script size (gzip)', unit: 'B', value: gz, p95: gz, target: '≤ 15 KB gz', check: ({ median }) => median <= 15e3 /* KB as printed: 10^3 bytes */,
      notes: `${(raw.length / 1024).toFixed(1)} KB raw, gzip -6; prod build`, build: 'prod',
    }));
    buildEmptyExtension();
    const n = Math.max(runs, 11);
    const [none, empty, rapport] = await scriptTimes([null, 'empty', 'prod'], { runs: n, warmup });
    const base = stats(none).median;
    rows.push(row({
      scenario: 'content script main-thread time (/feed/)', value: stats(rapport).median - base, p95: stats(rapport).p95 - base,
      baseline: Math.max(0, stats(empty).median - base), target: '≤ 10 ms', check: ({ median }) => median <= 10, build: 'prod',
      notes: `ScriptDuration medians: no extension ${base.toFixed(1)} ms, empty content script ${stats(empty).median.toFixed(1)} ms, Rapport ${stats(rapport).median.toFixed(1)} ms (${n} rounds, configurations interleaved); figure = Rapport − no extension, baseline = empty − no extension`,
      samples: rapport.map((x) => x - base),
    }));
    return rows;
  },
};
