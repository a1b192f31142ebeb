/**
 * Small, dependency-free helper that turns a LinkedIn profile URL into its
 * public identifier ("slug"). Kept local to lib/import on purpose: the page
 * detector (lib/linkedin/detect.ts) is owned elsewhere and may evolve on its own.
 */

// scheme?  (sub.)*linkedin.com  (:port)?  /in/<slug>  (/ ... | ? ... | # ... )?
const PROFILE_URL_RE =
  /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(?::\d{1,5})?\/in\/([^/?#\s]+)\/*(?:[/?#].*)?$/i;

const CANONICAL_PREFIX = 'https://www.linkedin.com/in/';
/** A slug that needs no decoding or lower-casing, optionally followed by one slash. */
const SIMPLE_SLUG_RE = /^[a-z0-9_-]+\/?$/;

/** Characters that must not survive in a slug after percent-decoding. */
const BAD_SLUG_CHARS_RE = /[\s/?#\\]/;

/**
 * `https://www.linkedin.com/in/J%C3%BCrgen-M/?trk=x` → `jürgen-m`.
 *
 * Accepts http/https or no scheme, any `*.linkedin.com` sub-domain (www., de., se., …),
 * trailing slashes, sub-pages (`/in/x/details/…`), query strings and fragments.
 * The slug is percent-decoded and lower-cased. Returns null for anything that is not a
 * `/in/` profile URL (company pages, `/pub/` URLs, other hosts, malformed input).
 */
export function slugFromProfileUrl(url: string): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return null;
  // Fast path for the canonical form LinkedIn writes into Connections.csv.
  if (trimmed.startsWith(CANONICAL_PREFIX)) {
    const rest = trimmed.slice(CANONICAL_PREFIX.length);
    if (SIMPLE_SLUG_RE.test(rest)) return rest.endsWith('/') ? rest.slice(0, -1) : rest;
  }
  const match = PROFILE_URL_RE.exec(trimmed);
  const raw = match?.[1];
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Malformed percent-encoding (e.g. a lone "%"): keep the raw text rather than lose the slug.
    decoded = raw;
  }
  const slug = decoded.toLowerCase();
  if (slug.length === 0 || BAD_SLUG_CHARS_RE.test(slug)) return null;
  return slug;
}
