/**
 * Access to the real LinkedIn pages in ../shared/fixtures (beside the project root). They hold
 * real people's data: read at test time only, never copied into the project.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Project root (three levels up from tests/unit/linkedin), then `../shared/fixtures` beside it. */
const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export const SHARED_FIXTURES = path.resolve(PROJECT_ROOT, '../shared/fixtures');
export const sharedFixturesExist = fs.existsSync(path.join(SHARED_FIXTURES, 'EXPECTED.json'));
export const SKIP_MESSAGE = '../shared/fixtures not found: skipping real-page tests';

export type ExpectedKind =
  | 'profile-public'
  | 'profile-loggedin'
  | 'profile-self'
  | 'search'
  | 'company'
  | 'profile-details-subpage'
  | 'authwall'
  | 'login'
  | 'not-found';

export interface Expected {
  kind: ExpectedKind;
  name: string | null;
  headline: string | null;
  location: string | null;
  company: string | null;
  degree: '1st' | '2nd' | '3rd' | null;
  slug: string | null;
  photo: { present: boolean; url: string | null };
  notes: string;
}

export const PROFILE_KINDS: ReadonlySet<ExpectedKind> = new Set(['profile-public', 'profile-loggedin', 'profile-self']);

export function loadExpected(): Array<[file: string, expected: Expected]> {
  if (!sharedFixturesExist) return [];
  const raw = JSON.parse(fs.readFileSync(path.join(SHARED_FIXTURES, 'EXPECTED.json'), 'utf8')) as Record<string, Expected>;
  return Object.entries(raw).sort(([a], [b]) => a.localeCompare(b));
}

export function readFixture(file: string): string {
  return fs.readFileSync(path.join(SHARED_FIXTURES, file), 'utf8');
}

/** Parse with the test environment's DOMParser (files using this run with `@vitest-environment jsdom`). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Collapse white space, as EXPECTED.json asks for comparisons. */
export function norm(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** og:url / canonical of a page, when it is an absolute /in/ URL. */
function ownUrl(doc: Document): string | null {
  for (const [selector, name] of [
    ['link[rel="canonical"]', 'href'],
    ['meta[property="og:url"]', 'content'],
  ] as const) {
    const value = doc.querySelector(selector)?.getAttribute(name);
    if (value && /^https?:\/\/[^/]*linkedin\.com\/in\//.test(value)) return value;
  }
  return null;
}

/**
 * The URL the page was served at, as far as the test can tell:
 * - profiles: canonical/og:url, else https://www.linkedin.com/in/<expected slug>/; pages whose
 *   owner has no /in/ URL (2013/2016 `/pub/` era) get the logged-in era's `/profile/view?id=` URL;
 * - walls and not-found pages are served AT a profile URL (invented slug here);
 * - details sub-pages at /in/<slug>/details/experience/; search and company pages at their own.
 */
export function urlFor(file: string, expected: Expected, doc: Document): string {
  const invented = 'https://www.linkedin.com/in/ada-example-123/';
  switch (expected.kind) {
    case 'profile-public':
    case 'profile-loggedin':
    case 'profile-self':
      if (expected.slug === null) return 'https://www.linkedin.com/profile/view?id=1';
      return ownUrl(doc) ?? `https://www.linkedin.com/in/${encodeURIComponent(expected.slug)}/`;
    case 'authwall':
    case 'login':
    case 'not-found':
      return invented;
    case 'profile-details-subpage':
      return `${invented}details/experience/`;
    case 'search':
      return 'https://www.linkedin.com/search/results/people/?keywords=example';
    case 'company':
      return 'https://www.linkedin.com/company/example/';
  }
  throw new Error(`no URL rule for ${file}`);
}
