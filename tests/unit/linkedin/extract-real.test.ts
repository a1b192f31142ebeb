// @vitest-environment jsdom
/**
 * extractProfile against the real pages in ../shared/fixtures, scored with EXPECTED.json.
 * The fixtures hold real people's data, so they are read here at test time and never copied.
 */
import { describe, expect, it } from 'vitest';
import { extractProfile, readProfile, type ProfileSnapshot } from '../../../lib/linkedin/extract';
import { extractProfileWithDiagnostics } from '../../../lib/linkedin/diagnostics';
import {
  PROFILE_KINDS,
  SKIP_MESSAGE,
  loadExpected,
  norm,
  parseHtml,
  readFixture,
  sharedFixturesExist,
  urlFor,
  type Expected,
} from './real-fixtures';

if (!sharedFixturesExist) console.warn(SKIP_MESSAGE);

type Scored = 'name' | 'slug' | 'headline' | 'location' | 'company' | 'degree' | 'photo';
const SCORED: readonly Scored[] = ['name', 'slug', 'headline', 'location', 'company', 'degree', 'photo'];
/** name and slug must be perfect; the rest at least 95 % (the brief's thresholds). */
const THRESHOLD: Record<Scored, number> = {
  name: 1, slug: 1, headline: 0.95, location: 0.95, company: 0.95, degree: 0.95, photo: 0.95,
};

interface Page {
  file: string;
  expected: Expected;
  url: string;
  doc: Document;
}

function loadPages(): Page[] {
  return loadExpected().map(([file, expected]) => {
    const doc = parseHtml(readFixture(file));
    return { file, expected, doc, url: urlFor(file, expected, doc) };
  });
}

function actualOf(snapshot: ProfileSnapshot, field: Scored): string | null {
  if (field === 'photo') return snapshot.photoUrl;
  return norm(snapshot[field]);
}

function expectedOf(expected: Expected, field: Scored): string | null {
  if (field === 'photo') return expected.photo.present ? expected.photo.url : null;
  return norm(expected[field]);
}

/** Real pages are up to 1 MB; jsdom is slow on them (Chromium is not), so these tests get room. */
const SLOW = { timeout: 180_000 };

describe.skipIf(!sharedFixturesExist)('extractProfile on real LinkedIn pages (../shared/fixtures)', SLOW, () => {
  const pages = sharedFixturesExist ? loadPages() : [];
  const profiles = pages.filter((p) => PROFILE_KINDS.has(p.expected.kind));
  const others = pages.filter((p) => !PROFILE_KINDS.has(p.expected.kind));

  it('has the fixture set the brief describes', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(20);
    expect(others.length).toBeGreaterThanOrEqual(8);
  });

  it('reads name, slug, headline, location, company, degree and photo as displayed (per-field score)', () => {
    const hits: Record<Scored, number> = { name: 0, slug: 0, headline: 0, location: 0, company: 0, degree: 0, photo: 0 };
    const misses: string[] = [];
    for (const page of profiles) {
      const snapshot = extractProfile(page.doc, page.url);
      if (snapshot === null) {
        misses.push(`${page.file}: returned null for a ${page.expected.kind} page`);
        continue;
      }
      for (const field of SCORED) {
        const want = expectedOf(page.expected, field);
        const got = actualOf(snapshot, field);
        if (want === got) hits[field]++;
        else misses.push(`${page.file} ${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      }
    }
    const rows = SCORED.map((field) => ({
      field,
      score: `${hits[field]}/${profiles.length}`,
      percent: `${((100 * hits[field]) / profiles.length).toFixed(1)} %`,
      threshold: `${THRESHOLD[field] * 100} %`,
    }));
    console.log(`extractProfile accuracy on ${profiles.length} real profile pages`);
    console.table(rows);
    console.log(misses.length ? `misses:\n  ${misses.join('\n  ')}` : 'misses: none');
    for (const field of SCORED) {
      expect(hits[field] / profiles.length, `${field} score (misses: ${misses.join('; ')})`).toBeGreaterThanOrEqual(THRESHOLD[field]);
    }
  });

  it('gives a real photo URL when the page shows a photo and null for placeholders', () => {
    for (const page of profiles) {
      const photo = extractProfile(page.doc, page.url)?.photoUrl ?? null;
      if (page.expected.photo.present) expect(photo, page.file).toMatch(/^https?:\/\/media[^/]*\.licdn\.com\/|^https?:\/\/m\d\.licdn\.com\//);
      else expect(photo, page.file).toBeNull();
    }
  });

  it('returns null for pages that are not a person profile, even when served at a profile URL', () => {
    for (const page of others) {
      expect(extractProfile(page.doc, page.url), `${page.file} (${page.expected.kind}) at ${page.url}`).toBeNull();
    }
  });

  it('decides from the DOM, not the URL: non-profile pages stay null at a neutral legacy URL', () => {
    for (const page of others) {
      const legacy = 'https://www.linkedin.com/profile/view?id=1';
      expect(extractProfile(page.doc, legacy), `${page.file} (${page.expected.kind})`).toBeNull();
    }
  });

  it('does not mistake the viewer or a stale page for the owner when the URL names someone else', () => {
    // Every real profile read at another person's URL must not return the page's person as that person.
    for (const page of profiles) {
      const snapshot = extractProfile(page.doc, 'https://www.linkedin.com/in/someone-else-000/');
      if (snapshot === null) continue;
      expect(snapshot.slug, page.file).toBe('someone-else-000');
      if (readProfile(page.doc, 'https://www.linkedin.com/in/someone-else-000/').pageSlug !== null) {
        expect(norm(snapshot.name), page.file).not.toBe(norm(page.expected.name));
      }
    }
  });

  describe('unknown markup (classes or attributes stripped in memory)', SLOW, () => {
    const strippers: Array<[label: string, strip: (doc: Document) => void]> = [
      ['all class names removed', (doc) => doc.querySelectorAll('[class]').forEach((el) => el.removeAttribute('class'))],
      [
        'all attributes but href removed',
        (doc) =>
          doc.querySelectorAll('*').forEach((el) => {
            for (const name of el.getAttributeNames()) if (name !== 'href') el.removeAttribute(name);
          }),
      ],
    ];
    for (const [label, strip] of strippers) {
      it(`${label}: still returns the slug from the URL and a name from the title`, () => {
        for (const page of profiles) {
          const doc = page.doc.cloneNode(true) as Document;
          strip(doc);
          const titleName = norm(doc.title)?.replace(/^\(\d+\+?\)\s*/, '').split(/\s+[|–-]\s+/)[0] ?? null;
          let snapshot: ProfileSnapshot | null = null;
          expect(() => (snapshot = extractProfile(doc, page.url)), page.file).not.toThrow();
          if (page.expected.slug === null) continue; // legacy URL: nothing URL-level to keep
          const s = snapshot as ProfileSnapshot | null;
          expect(s, `${page.file}: null on unknown markup`).not.toBeNull();
          expect(s?.slug, page.file).toBe(page.expected.slug);
          const personTitle = titleName !== null && titleName !== 'LinkedIn' && page.expected.kind !== 'profile-self';
          if (personTitle) expect([norm(page.expected.name), titleName], page.file).toContain(norm(s?.name));
        }
      });
    }
  });

  it('diagnostics carry no personal data: no name, slug, headline, location, company, title or URL', () => {
    for (const page of pages) {
      const { report } = extractProfileWithDiagnostics(page.doc, page.url);
      const e = page.expected;
      const personal = [e.name, e.headline, e.location, e.company, e.slug, e.photo.url, norm(page.doc.title), page.url]
        .map(norm)
        .filter((v): v is string => v !== null && v.length >= 3);
      for (const value of personal) expect(report.includes(value), `${page.file}: report contains "${value}"`).toBe(false);
    }
  });
});
