/**
 * Structured data embedded in profile pages: JSON-LD, the logged-in 2016 `top_card-content` JSON
 * and the 2018–25 voyager `<code>` payloads. `<code>` payloads also describe the VIEWER and can be
 * stale (left over from the previous SPA page), so they are only used when they name the slug of
 * the URL being read.
 */
import { metaSelectors } from './selectors';
import { profileSlugFromUrl } from './detect';
import { clean, normaliseDegree, realPhotoUrl, type Degree } from './text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface SourceValues {
  slug: string | null;
  name: string | null;
  headline: string | null;
  location: string | null;
  company: string | null;
  degree: Degree | null;
  photoUrl: string | null;
}

export const emptyValues = (): SourceValues => ({
  slug: null, name: null, headline: null, location: null, company: null, degree: null, photoUrl: null,
});

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: Json | undefined): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

function get(value: Json | undefined, ...path: string[]): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** Raw text of a `<code>` element; 2016 pages wrap the JSON in an HTML comment. */
function codeText(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 8 || node.nodeType === 3) text += (node as CharacterData).data;
  }
  return text.trim();
}

function slugOf(url: string | null): string | null {
  return url === null ? null : profileSlugFromUrl(url);
}

// ---------------------------------------------------------------- JSON-LD (public pages)

function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** Top-level nodes only: Articles on public pages carry their own author `Person`. */
function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (!script.matches(metaSelectors.jsonLd)) continue;
    const data = parseJson(script.textContent ?? '');
    const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data ?? null];
    for (const node of list) if (isObject(node)) nodes.push(node);
  }
  return nodes;
}

export interface JsonLdProfile extends SourceValues {
  found: boolean;
}

export function readJsonLd(doc: Document): JsonLdProfile {
  const out: JsonLdProfile = { ...emptyValues(), found: false };
  const nodes = jsonLdNodes(doc);
  const person = nodes.find((n) => hasType(n, 'Person'));
  if (person) {
    out.found = true;
    out.name = str(person['name']);
    out.slug = slugOf(str(person['url'])) ?? slugOf(str(person['sameAs']));
    out.location = str(get(person, 'address', 'addressLocality'));
    const works = person['worksFor'];
    out.company = Array.isArray(works) ? str(get(works[0], 'name')) : null;
    out.photoUrl = realPhotoUrl(str(get(person, 'image', 'contentUrl')) ?? str(person['image']));
  }
  const page = nodes.find((n) => hasType(n, 'WebPage') || hasType(n, 'ProfilePage'));
  if (out.slug === null && page) out.slug = slugOf(str(page['url']));
  return out;
}

// ------------------------------------------------------ <code> JSON (logged-in, server render)

/** Logged-in 2016 own-profile edit page: the top card is rendered client-side from this JSON. */
function read2016TopCard(root: Json, slug: string): SourceValues | null {
  const content = get(root, 'content');
  const topCard = get(content, 'TopCard');
  if (!isObject(topCard)) return null;
  const ownerSlug = slugOf(str(get(topCard, 'public_url', 'canonicalUrl')));
  if (ownerSlug !== slug) return null;
  const current = get(topCard, 'positionsMpr', 'topCurrent');
  const distance = get(topCard, 'distance', 'distance');
  return {
    slug: ownerSlug,
    name: str(topCard['fmt__full_name']) ?? str(get(content, 'BasicInfo', 'basic_info', 'fullname')),
    headline: str(get(topCard, 'basic_info', 'memberHeadline')),
    location: str(get(content, 'BasicInfo', 'basic_info', 'location_highlight')),
    company:
      str(get(topCard, 'positionsMpr', 'firstTopCurrentPosition', 'companyName')) ??
      (Array.isArray(current) ? str(get(current[0], 'companyName')) : null),
    degree: typeof distance === 'number' ? normaliseDegree(String(distance)) : null,
    photoUrl: realPhotoUrl(str(topCard['img_200'])),
  };
}

function voyagerDegree(relationship: Json | undefined): Degree | null {
  if (isObject(get(relationship, 'memberRelationship', 'connection'))) return '1st';
  const distance = str(get(relationship, 'memberRelationship', 'noConnection', 'memberDistance'));
  return distance === null ? null : normaliseDegree(distance.replace('DISTANCE_', ''));
}

/** Voyager photo: rootUrl + the 400px artifact (what the 2024–25 top card shows). */
function voyagerPhoto(profile: JsonObject): string | null {
  const image = get(profile, 'profilePicture', 'displayImageReferenceResolutionResult', 'vectorImage');
  const root = str(get(image, 'rootUrl'));
  const artifacts = get(image, 'artifacts');
  if (root === null || !Array.isArray(artifacts)) return null;
  let best: JsonObject | null = null;
  for (const a of artifacts) {
    if (!isObject(a) || typeof a['width'] !== 'number' || a['width'] > 400) continue;
    if (best === null || (a['width'] as number) > (best['width'] as number)) best = a;
  }
  const segment = best ? str(best['fileIdentifyingUrlPathSegment']) : null;
  return segment === null ? null : realPhotoUrl(root + segment);
}

/** 2018–25 voyager payload (`{data, included: [...]}`), e.g. a page saved before hydration. */
function readVoyager(root: Json, slug: string): SourceValues | null {
  const included = get(root, 'included');
  if (!Array.isArray(included)) return null;
  const byUrn = new Map<string, JsonObject>();
  for (const item of included) if (isObject(item) && typeof item['entityUrn'] === 'string') byUrn.set(item['entityUrn'], item);
  const profile = included.find(
    (item): item is JsonObject =>
      isObject(item) && str(item['publicIdentifier'])?.toLowerCase() === slug && typeof item['firstName'] === 'string',
  );
  if (!profile) return null;
  const geoUrn = str(get(profile, 'geoLocation', '*geo'));
  const relUrn = str(profile['*memberRelationship']);
  return {
    slug,
    name: clean(`${str(profile['firstName']) ?? ''} ${str(profile['lastName']) ?? ''}`),
    headline: str(profile['headline']),
    location: geoUrn === null ? null : str(byUrn.get(geoUrn)?.['defaultLocalizedName']),
    company: null, // the profile query carries no position data
    degree: relUrn === null ? null : voyagerDegree(byUrn.get(relUrn)),
    photoUrl: voyagerPhoto(profile),
  };
}

/**
 * Values from `<code>` JSON that describes the person at `slug` (never the viewer, never a stale
 * page). Only blobs whose raw text names the slug are parsed, each at most once.
 */
export function readCodeJson(doc: Document, slug: string): SourceValues | null {
  const needles: string[] = [];
  for (const s of new Set([slug, slug.replace(/-/g, '\\u002d')])) {
    needles.push(`"publicIdentifier":"${s}"`, `/in/${s}"`, `\\/in\\/${s}"`);
  }
  for (const el of Array.from(doc.getElementsByTagName(metaSelectors.codeBlobs))) {
    const text = codeText(el);
    if (text[0] !== '{' || !needles.some((n) => text.includes(n))) continue;
    const root = parseJson(text);
    if (root === undefined) continue;
    const values = read2016TopCard(root, slug) ?? readVoyager(root, slug);
    if (values) return values;
  }
  return null;
}
