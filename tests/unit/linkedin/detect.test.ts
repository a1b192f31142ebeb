import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectPage, groupIdFromUrl, profileSlugFromUrl, samePage } from '../../../lib/linkedin/detect';
import { URL_CORPUS, type CorpusEntry } from './url-corpus';
import { PROFILE_KINDS, SHARED_FIXTURES, SKIP_MESSAGE, loadExpected, readFixture, sharedFixturesExist } from './real-fixtures';

/** Each detector claims one kind; a URL must be claimed by exactly the expected one. */
const DETECTORS = {
  profile: (url: string) => profileSlugFromUrl(url),
  group: (url: string) => groupIdFromUrl(url),
} as const;

function checkUrl([url, kind, slugOrId]: CorpusEntry): void {
  for (const [name, detector] of Object.entries(DETECTORS)) {
    const claimed = detector(url);
    if (name === kind) {
      expect(claimed, `${name} detector missed ${JSON.stringify(url)}`).not.toBeNull();
      if (slugOrId !== undefined) expect(claimed, `${name} detector misread ${JSON.stringify(url)}`).toBe(slugOrId);
    } else {
      expect(claimed, `${name} detector claimed ${JSON.stringify(url)}`).toBeNull();
    }
  }
  const page = detectPage(url);
  expect(page.kind, `detectPage(${JSON.stringify(url)})`).toBe(kind);
  if (page.kind === 'profile') {
    expect(page.slug).not.toMatch(/%[0-9a-f]{2}|\/|[A-Z]/);
  }
}

describe('detectPage: URL corpus (invented URLs of every shape)', () => {
  it('classifies every corpus URL as exactly one kind', () => {
    expect(URL_CORPUS.length).toBeGreaterThan(60);
    for (const entry of URL_CORPUS) checkUrl(entry);
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [undefined, null, 42, {}, [], 'x'.repeat(10_000), '\u0000', 'https://www.linkedin.com/in/\uD800'];
    for (const value of junk) expect(() => detectPage(value as string)).not.toThrow();
    for (const value of junk) expect(detectPage(value as string).kind).toBe('other');
  });

  it('treats hash-only and query-only changes on one profile or group as the same page', () => {
    const a = detectPage('https://www.linkedin.com/in/ada-example/');
    expect(samePage(a, detectPage('https://www.linkedin.com/in/ada-example/?trk=x#about'))).toBe(true);
    expect(samePage(a, detectPage('https://se.linkedin.com/in/Ada-Example'))).toBe(true);
    expect(samePage(a, detectPage('https://www.linkedin.com/in/bruno-placeholder/'))).toBe(false);
    expect(samePage(detectPage('https://www.linkedin.com/groups/1/'), detectPage('https://www.linkedin.com/groups/1/members/'))).toBe(true);
    expect(samePage(a, detectPage('https://www.linkedin.com/groups/1/'))).toBe(false);
  });
});

if (!sharedFixturesExist) console.warn(SKIP_MESSAGE);

/** Collect the real URLs the fixtures hold (read at run time, never copied into the project). */
function realUrls(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const absolute = (href: string) => new URL(href, 'https://www.linkedin.com/').href;
  // An oracle independent of the detectors: the path's first segment decides the kind.
  const oracle = (url: string): CorpusEntry => {
    const parsed = new URL(url);
    const [first, second] = parsed.pathname.split('/').filter(Boolean);
    if (/(^|\.)linkedin\.com$/.test(parsed.hostname) && first === 'in' && second) {
      return [url, 'profile', decodeURIComponent(second).toLowerCase()];
    }
    return [url, 'other'];
  };
  for (const [file, expected] of loadExpected()) {
    // Plain-text scan of the saved page (no DOM needed to find its own addresses).
    const html = readFixture(file).replace(/&amp;/g, '&');
    const found: string[] = [];
    for (const m of html.matchAll(/<link[^>]*rel="canonical"[^>]*href="([^"]*)"|<meta[^>]*property="og:url"[^>]*content="([^"]*)"/g)) {
      const value = m[1] ?? m[2];
      if (value) found.push(absolute(value));
    }
    for (const script of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/g)) {
      for (const match of (script[1] ?? '').matchAll(/"(?:url|sameAs)"\s*:\s*"([^"]+)"/g)) {
        if (match[1]) found.push(absolute(match[1].replace(/\\\//g, '/')));
      }
    }
    for (const url of found) {
      const entry = oracle(url);
      // The page's own /in/ URL must give the slug EXPECTED.json lists.
      if (PROFILE_KINDS.has(expected.kind) && entry[1] === 'profile' && url.includes(`/in/${expected.slug}`)) {
        entries.push([url, 'profile', expected.slug ?? undefined]);
      } else entries.push(entry);
    }
  }
  const csvDir = path.join(SHARED_FIXTURES, 'csv');
  for (const dir of fs.readdirSync(csvDir)) {
    for (const file of fs.readdirSync(path.join(csvDir, dir)).filter((f) => f.endsWith('.csv'))) {
      const text = fs.readFileSync(path.join(csvDir, dir, file), 'utf8').replace(/^\uFEFF/, '');
      const start = text.search(/^(First Name|Group)[,;]/m);
      const rows = Papa.parse<Record<string, string>>(text.slice(start), { header: true, skipEmptyLines: true }).data;
      for (const row of rows) {
        const url = row['URL'];
        if (url === undefined) continue;
        if (row['Group ID']) entries.push([url, 'group', row['Group ID']]);
        else if (url.trim() === '') entries.push([url, 'other']);
        else entries.push(oracle(url));
      }
    }
  }
  return entries;
}

describe.skipIf(!sharedFixturesExist)('detectPage: real URLs from ../shared/fixtures (read at run time)', () => {
  it('classifies canonical, og:url, JSON-LD and CSV URLs as exactly one kind', () => {
    const entries = realUrls();
    const kinds = new Set(entries.map(([, kind]) => kind));
    expect(entries.length).toBeGreaterThan(300);
    expect([...kinds].sort()).toEqual(['group', 'other', 'profile']);
    for (const entry of entries) checkUrl(entry);
    console.log(`detectPage: ${entries.length} real URLs checked (${entries.filter(([, k]) => k === 'profile').length} profiles)`);
  });
});
