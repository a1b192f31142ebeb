/**
 * extractProfile (lib/linkedin/extract.ts) on the largest profile page fixture, in Chromium:
 * the module is bundled into a tiny IIFE with Vite's build API (.output/bench/extract/extract.js),
 * injected into a tab holding the fixture (served at its LinkedIn URL), then called 50 times
 * (after 5 unmeasured calls); each call is one sample.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_OUT, NotBuilt, ROOT, SHARED_FIXTURES, launch, row } from '../harness.mjs';
import { profilePage } from '../pages.mjs';

async function bundle() {
  const entry = resolve(ROOT, 'lib/linkedin/extract.ts');
  if (!existsSync(entry)) throw new NotBuilt('lib/linkedin/extract.ts does not exist');
  const { build } = await import('vite');
  const outDir = resolve(BENCH_OUT, 'extract');
  await build({
    configFile: false, logLevel: 'silent', root: ROOT,
    build: {
      outDir, emptyOutDir: true, minify: true, write: true,
      lib: { entry, formats: ['iife'], name: 'RapportExtract', fileName: () => 'extract.js' },
    },
  });
  return readFileSync(resolve(outDir, 'extract.js'), 'utf8');
}

function largestProfileFixture() {
  const expectedPath = resolve(SHARED_FIXTURES, 'EXPECTED.json');
  if (!existsSync(expectedPath)) return null;
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
  const candidates = Object.entries(expected)
    .filter(([, e]) => /^profile-(public|loggedin|self)$/.test(e.kind) && e.slug)
    .map(([file, e]) => ({ file, slug: e.slug, size: statSync(resolve(SHARED_FIXTURES, file)).size }))
    .sort((a, b) => b.size - a.size);
  return candidates[0] ?? null;
}

export default {
  id: 'extraction',
  async run() {
    const code = await bundle();
    const fx = largestProfileFixture();
    const person = { slug: 'ada-invented-1a2b', name: 'Ada Invented', headline: 'Staff Engineer at Example', company: 'Example Ltd', location: 'Lisbon, Portugal', degree: '2nd' };
    const html = fx ? readFileSync(resolve(SHARED_FIXTURES, fx.file), 'utf8') : profilePage(person);
    const slug = fx ? fx.slug : person.slug;
    const path = `/in/${slug}/`;
    const s = await launch({ extension: null, pages: { [path]: html } });
    try {
      const page = await s.context.newPage();
      await page.goto(`https://www.linkedin.com${path}`, { waitUntil: 'load' });
      // Runtime.evaluate (not a <script> tag): real pages enforce Trusted Types.
      await page.evaluate(`${code};globalThis.RapportExtract = RapportExtract; 0`);
      const { samples, result } = await page.evaluate(() => {
        const fn = globalThis.RapportExtract.extractProfile;
        for (let i = 0; i < 5; i++) fn(document, location.href);
        const samples = [];
        let result;
        for (let i = 0; i < 50; i++) {
          const t = performance.now();
          result = fn(document, location.href);
          samples.push(performance.now() - t);
        }
        return { samples, result };
      });
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      return [row({
        scenario: 'extraction (extractProfile, largest fixture)', samples, target: '≤ 10 ms', check: ({ median }) => median <= 10,
        notes: `${fx ? fx.file : 'invented 2026 page'} (${(html.length / 1024).toFixed(0)} KB, ${nodes} elements); 50 calls after 5 warm-up; found ${result?.name ? 'a name' : 'no name'}; no extension (IIFE from lib/linkedin/extract.ts)`,
      })];
    } finally {
      await s.close();
    }
  },
};
