/** Small pure text helpers shared by the extractors. No DOM state, no dependencies. */

export type Degree = '1st' | '2nd' | '3rd';

/** Trim and collapse white space; '' becomes null (absent values are null, never ''). */
export function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * '1st', '2nd', '3rd', '3rd+', '· 2nd', '2nd degree connection', localised ordinals such as
 * '3.' (de/pl), '2e' (fr), '1º' → the contract's degree, or null.
 */
export function normaliseDegree(label: string | null): Degree | null {
  if (label === null) return null;
  const match = /(?:^|[^\d])([123])(?:st|nd|rd|\.|e|er|º|°|ª|\b|$)/i.exec(label);
  if (!match) return null;
  return match[1] === '1' ? '1st' : match[1] === '2' ? '2nd' : '3rd';
}

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * "1,234 members" → 1234, "12K members" → 12000, "1.2M members" → 1200000,
 * "1 234 membres", "1.234 Mitglieder" → 1234. Null when no member count is present.
 */
export function parseMemberCount(text: string | null): number | null {
  if (text === null) return null;
  const match =
    /(\d[\d.,\s\u00a0\u202f']*)\s*([kmb])?\s*(?:members?|mitglieder|membres?|miembros?|membri|leden|medlemmar|membros?)\b/i.exec(
      text,
    );
  if (!match?.[1]) return null;
  const digits = match[1].trim();
  const suffix = match[2]?.toLowerCase();
  if (suffix !== undefined) {
    const n = Number.parseFloat(digits.replace(/\s/g, '').replace(',', '.'));
    const factor = SUFFIX[suffix];
    return Number.isFinite(n) && factor !== undefined ? Math.round(n * factor) : null;
  }
  const n = Number.parseInt(digits.replace(/[^\d]/g, ''), 10);
  return Number.isFinite(n) ? n : null;
}

/** Words that make a page title not a person's name (sign-up walls, error pages, bare brand). */
const NON_PERSON_TITLE =
  /^(?:linkedin|sign ?up|sign ?in|log ?in|join(?: linkedin)?|profile not found|page not found|security verification|linkedin: .*)$/i;

export type TitleShape =
  | 'none'
  | 'brand-only'
  | 'person'
  | 'person-with-count'
  | 'person-with-title-parts'
  | 'multi-section'
  | 'wall-or-error'
  | 'unrecognised';

export interface ParsedTitle {
  shape: TitleShape;
  /** The leading name part when the title looks like a person's page, else null. */
  name: string | null;
  /** The part before "| LinkedIn" (after the notification count), for group titles. */
  head: string | null;
}

/**
 * Parse "Name | LinkedIn", "(3) Name | LinkedIn", "Name - Headline | LinkedIn",
 * "Name – Title – Company | LinkedIn". Sub-pages and searches ("Experience | Name | LinkedIn")
 * have several pipe-separated parts and are not a person's title.
 */
export function parseTitle(raw: string | null): ParsedTitle {
  const title = clean(raw);
  if (title === null) return { shape: 'none', name: null, head: null };
  const counted = /^\(\d+\+?\)\s*/.exec(title);
  const rest = counted ? title.slice(counted[0].length) : title;
  if (/^linkedin$/i.test(rest)) return { shape: 'brand-only', name: null, head: null };
  const branded = /^(.*?)\s+[|·–-]\s+linkedin$/i.exec(rest);
  if (!branded?.[1]) {
    const shape = NON_PERSON_TITLE.test(rest) ? 'wall-or-error' : 'unrecognised';
    return { shape, name: null, head: null };
  }
  const head = branded[1];
  if (NON_PERSON_TITLE.test(head)) return { shape: 'wall-or-error', name: null, head };
  if (head.includes(' | ')) return { shape: 'multi-section', name: null, head };
  const parts = head.split(/\s+[-–—]\s+/);
  const name = clean(parts[0]);
  const shape = parts.length > 1 ? 'person-with-title-parts' : counted ? 'person-with-count' : 'person';
  return { shape, name, head };
}

/** Member photos live on media CDNs; ghosts are data: URIs, static.licdn.com assets or "ghost" images. */
export function realPhotoUrl(url: string | null | undefined): string | null {
  const value = clean(url);
  if (value === null || !/^https?:\/\//i.test(value)) return null;
  if (/^https?:\/\/static\.licdn\.com\//i.test(value) || /ghost/i.test(value)) return null;
  return value;
}

/** The URL inside `background-image: url("…")`. */
export function backgroundImageUrl(style: string | null): string | null {
  if (style === null) return null;
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(style);
  return match?.[2] ?? null;
}
