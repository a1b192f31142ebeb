/**
 * Which LinkedIn page is this URL? Pure, never throws.
 *
 * Each detector answers for one kind only, so a test can name the detector that
 * claimed (or missed) a URL. `detectPage` combines them; a URL claimed by more
 * than one detector is a bug the URL corpus test catches.
 */

export type LinkedInPage =
  | { kind: 'profile'; slug: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'other' };

/** `linkedin.com`, `www.linkedin.com` and country/mobile sub-domains (`se.`, `de.`, `m.`). */
const LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com$/;
/** Slugs may hold any letter (after decoding) but no separator, white space, control or replacement character. */
const BAD_SLUG_CHAR = /[\s/\\?#<>"'\u0000-\u001f\u007f\ufffd]/;

function parseLinkedInUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return LINKEDIN_HOST.test(parsed.hostname.toLowerCase()) ? parsed : null;
}

/** Path segments, empty ones dropped: `/in/ada/` → ['in', 'ada']. */
function segments(parsed: URL): string[] {
  return parsed.pathname.split('/').filter((s) => s !== '');
}

function decodeSlug(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // malformed %-escape: not a usable profile address
  }
  const slug = decoded.trim().toLowerCase();
  if (slug === '' || slug.length > 200 || BAD_SLUG_CHAR.test(slug)) return null;
  return slug;
}

/** Profile detector: `/in/<slug>` with any sub-path. Returns the decoded, lower-case slug. */
export function profileSlugFromUrl(url: string): string | null {
  const parsed = parseLinkedInUrl(url);
  if (!parsed) return null;
  const [first, second] = segments(parsed);
  if (first?.toLowerCase() !== 'in' || second === undefined) return null;
  return decodeSlug(second);
}

/**
 * Group detector: `/groups/<id>` (and sub-paths), the 2014 `/groups/<Name>-<id>` form and
 * the classic `/groups?gid=<id>` query form.
 */
export function groupIdFromUrl(url: string): string | null {
  const parsed = parseLinkedInUrl(url);
  if (!parsed) return null;
  const [first, second] = segments(parsed);
  if (first?.toLowerCase() !== 'groups') return null;
  if (second === undefined) {
    const gid = parsed.searchParams.get('gid');
    return gid !== null && /^\d+$/.test(gid) ? gid : null;
  }
  const match = /^(?:[^/]*-)?(\d+)$/.exec(second);
  return match?.[1] ?? null;
}

/** Sub-path after the slug, e.g. 'details' for `/in/x/details/experience/`; '' for the profile itself. */
export function profileSubPath(url: string): string {
  const parsed = parseLinkedInUrl(url);
  if (!parsed) return '';
  return (segments(parsed)[2] ?? '').toLowerCase();
}

/**
 * Top-level sections that are never a person's profile, even when a stale top card is still in
 * the DOM (SPA) — used by the extractor to refuse early.
 */
const NON_PROFILE_SECTIONS = new Set([
  'feed', 'search', 'company', 'school', 'showcase', 'jobs', 'messaging', 'notifications',
  'mynetwork', 'groups', 'authwall', 'login', 'signup', 'checkpoint', 'uas', 'learning',
  'events', 'posts', 'pulse', 'premium', 'sales', 'talent', 'help', 'legal', 'settings',
]);

export function isNonProfileSection(url: string): boolean {
  const parsed = parseLinkedInUrl(url);
  if (!parsed) return false;
  const first = segments(parsed)[0];
  return first !== undefined && NON_PROFILE_SECTIONS.has(first.toLowerCase());
}

export function detectPage(url: string): LinkedInPage {
  const slug = profileSlugFromUrl(url);
  if (slug !== null) return { kind: 'profile', slug };
  const groupId = groupIdFromUrl(url);
  if (groupId !== null) return { kind: 'group', groupId };
  return { kind: 'other' };
}

/** Same page for the panel? (hash/query changes on one profile or group are the same page.) */
export function samePage(a: LinkedInPage, b: LinkedInPage): boolean {
  if (a.kind === 'profile' && b.kind === 'profile') return a.slug === b.slug;
  if (a.kind === 'group' && b.kind === 'group') return a.groupId === b.groupId;
  return a.kind === 'other' && b.kind === 'other';
}
