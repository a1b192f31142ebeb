// @vitest-environment jsdom
/**
 * The extractor under damaged pages: real LinkedIn pages (../shared/fixtures, skipped with a
 * printed reason when absent) and the invented ones (tests/fixtures/linkedin), with random
 * subtrees removed, attributes scrambled and hostile text inserted. extractProfile/extractGroup
 * never throw, and whenever a profile is returned its slug is the one in the URL.
 * Replay: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run tests/fuzz/extract.fuzz.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/linkedin/detect';
import { extractGroup, extractProfile } from '../../lib/linkedin/extract';
import { PROFILE_KINDS, loadExpected, readFixture, sharedFixturesExist } from '../unit/linkedin/real-fixtures';
import { fuzzConfig } from './helpers';

const INVENTED_DIR = path.resolve(__dirname, '../fixtures/linkedin');
type Page = { name: string; html: string; url: string; slug: string };

const pages: Page[] = fs
  .readdirSync(INVENTED_DIR)
  .filter((f) => f.startsWith('profile-') && f.endsWith('.html'))
  .map((f) => ({ name: f, html: fs.readFileSync(path.join(INVENTED_DIR, f), 'utf8'), url: `https://www.linkedin.com/in/invented-${f.replace(/\W/g, '-')}/`, slug: `invented-${f.replace(/\W/g, '-')}` }));
if (sharedFixturesExist) {
  for (const [file, e] of loadExpected()) {
    if (!PROFILE_KINDS.has(e.kind) || !e.slug) continue;
    pages.push({ name: file, html: readFixture(file), url: `https://www.linkedin.com/in/${encodeURIComponent(e.slug)}/`, slug: e.slug });
  }
} else {
  console.warn('[fuzz] extract: ../shared/fixtures not found: fuzzing the invented pages only');
}

const parsed = new Map<string, Document>();
/**
 * One document to damage, reused by every run: a page's parsed original is imported into it each
 * time. jsdom keeps every Document it ever made alive (parsed, cloned or created: ≈ 5 MB per real
 * page, never collected), so a Document per run ran `npm run fuzz` (2 000 runs) out of memory.
 */
const work = document.implementation.createHTMLDocument('');
const docOf = (p: Page) => {
  let d = parsed.get(p.name);
  if (!d) parsed.set(p.name, (d = new DOMParser().parseFromString(p.html, 'text/html')));
  work.replaceChild(work.importNode(d.documentElement, true), work.documentElement);
  return work;
};

type Damage =
  | { kind: 'remove'; at: number }
  | { kind: 'attr'; at: number; attr: string; value: string | null }
  | { kind: 'text'; at: number; text: string };
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('attr' as const), at: fc.nat(),
    attr: fc.constantFrom('class', 'id', 'href', 'aria-label', 'data-member-id', 'componentkey', 'content', 'src', 'property'),
    value: fc.oneof(fc.constant(null), fc.string({ maxLength: 30 }), fc.constantFrom('/in/__proto__/', 'javascript:alert(1)', '/in/%E0%A4%A/', 'https://evil.example/in/x')),
  }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('<img src=x onerror=alert(1)>', '\u202e', 'A'.repeat(20_000), '· 1st')) }),
);

function apply(doc: Document, d: Damage): void {
  const all = doc.querySelectorAll('body *');
  if (!all.length) return;
  const el = all[d.at % all.length]!;
  if (d.kind === 'remove') el.remove();
  else if (d.kind === 'attr') d.value === null ? el.removeAttribute(d.attr) : el.setAttribute(d.attr, d.value);
  else el.append(doc.createTextNode(d.text));
}

let tried = 0;
afterAll(() => console.log(`[fuzz] extract: ${tried} damaged pages (${pages.length} originals)`));

describe('extractor under damaged pages', () => {
  it('the undamaged pages give their URL slug', () => {
    for (const p of pages) {
      expect(detectPage(p.url)).toEqual({ kind: 'profile', slug: p.slug });
      const snap = extractProfile(docOf(p), p.url);
      if (snap) expect(snap.slug, p.name).toBe(p.slug);
    }
  });

  it('never throws; a returned profile always carries the slug of its URL', () => {
    const { seed, numRuns } = fuzzConfig('extract', 60);
    fc.assert(
      fc.property(fc.nat({ max: pages.length - 1 }), fc.array(damage, { minLength: 1, maxLength: 25 }), (which, damages) => {
        tried++;
        const p = pages[which]!;
        const doc = docOf(p);
        for (const d of damages) apply(doc, d);
        let snap: ReturnType<typeof extractProfile> = null;
        expect(() => { snap = extractProfile(doc, p.url); }).not.toThrow();
        expect(() => extractGroup(doc, p.url)).not.toThrow();
        if (snap) expect((snap as { slug: string | null }).slug, p.name).toBe(p.slug);
      }),
      { seed, numRuns },
    );
  }, 300_000);
});
