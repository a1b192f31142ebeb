/**
 * Read the person (or group) a LinkedIn page shows, as rendered. Pure DOM reads, no
 * dependencies, never throws. Selectors: ./selectors.ts. Embedded JSON: ./sources.ts.
 */
import {
  groupIdFromUrl,
  isNonProfileSection,
  profileSlugFromUrl,
  profileSubPath,
} from './detect';
import { groupSelectors, metaSelectors, profileSelectors, react2026, topCardRoots, type Era } from './selectors';
import { emptyValues, readCodeJson, readJsonLd, type JsonLdProfile, type SourceValues } from './sources';
import {
  backgroundImageUrl,
  clean,
  normaliseDegree,
  parseMemberCount,
  parseTitle,
  realPhotoUrl,
  type Degree,
  type TitleShape,
} from './text';

export type ProfileSnapshot = {
  slug: string | null;
  name: string | null;
  headline: string | null;
  location: string | null;
  company: string | null;
  degree: '1st' | '2nd' | '3rd' | null;
  photoUrl: string | null;
};

export type GroupSnapshot = {
  groupId: string;
  name: string | null;
  memberCount: number | null;
  description: string | null;
};

export type ProfileFieldName = keyof ProfileSnapshot;
export const PROFILE_FIELDS: readonly ProfileFieldName[] = [
  'slug', 'name', 'headline', 'location', 'company', 'degree', 'photoUrl',
];

/** Where a value came from: a selector list, the 2026 structure walk, embedded data, title or URL. */
export type ValueSource = 'selectors' | 'react-2026' | 'json-ld' | 'code-json' | 'title' | 'url' | 'owner-link';

/** Why `snapshot` is null (or URL-only). Never contains page text. */
export type Verdict =
  | 'top-card'
  | 'embedded-json'
  | 'url-only'
  | 'url-not-a-profile'
  | 'wall-or-error-page'
  | 'sub-page-without-top-card'
  | 'no-profile-evidence'
  | 'shows-another-profile';

export interface ProfileReading {
  snapshot: ProfileSnapshot | null;
  verdict: Verdict;
  /** Slug the page itself names as its owner (owner links, canonical, og:url, JSON-LD). */
  pageSlug: string | null;
  sources: Partial<Record<ProfileFieldName, ValueSource>>;
  era: Era | null;
  titleShape: TitleShape;
}

// ------------------------------------------------------------------------------ DOM helpers

function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null; // a selector the engine does not support must not break extraction
  }
}

function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const value = clean(query(root, selector)?.textContent);
    if (value !== null) return value;
  }
  return null;
}

function attr(root: ParentNode, selector: string, name: string): string | null {
  return clean(query(root, selector)?.getAttribute(name));
}

function photoOf(el: Element): string | null {
  if (/\bghost/.test(el.getAttribute('class') ?? '')) return null;
  const ghost = el.getAttribute('data-ghost-url');
  const src =
    el.getAttribute('src') ??
    el.getAttribute('data-delayed-url') ??
    el.getAttribute('data-src') ??
    backgroundImageUrl(el.getAttribute('style'));
  if (src !== null && ghost !== null && src === ghost) return null;
  return realPhotoUrl(src);
}

/** The first photo element decides: a ghost there means "no photo", not "look elsewhere". */
function domPhoto(root: ParentNode): { found: boolean; url: string | null } {
  for (const selector of profileSelectors.photo) {
    const el = query(root, selector);
    if (el) return { found: true, url: photoOf(el) };
  }
  return { found: false, url: null };
}

function slugFromHref(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    return profileSlugFromUrl(new URL(href, base).href);
  } catch {
    return null;
  }
}

function stripSeparators(value: string | null): string | null {
  return value === null ? null : clean(value.replace(/^[\s,·•]+|[\s,·•]+$/g, ''));
}

// ------------------------------------------------------------- 2026 React top card (no classes)

const DEGREE_LABEL = /^·?\s*\S{1,6}$/;

function isDegreeLabel(el: Element): boolean {
  const text = clean(el.textContent);
  return text !== null && DEGREE_LABEL.test(text) && normaliseDegree(text) !== null;
}

function directChildren(el: Element, tag: string): Element[] {
  return Array.from(el.children).filter((c) => c.tagName === tag);
}

/** Walk up from the name heading to the block whose direct <p> children are headline and company. */
function infoBlock(root: Element, heading: Element): Element | null {
  for (let el = heading.parentElement; el && el !== root; el = el.parentElement) {
    if (directChildren(el, 'P').some((p) => !isDegreeLabel(p))) return el;
  }
  return null;
}

function read2026(root: Element, base: string): SourceValues {
  const out = emptyValues();
  const heading = query(root, react2026.nameHeading);
  out.name = clean(heading?.textContent);
  out.slug = slugFromHref(heading?.closest('a')?.getAttribute('href') ?? null, base);

  let hidden: Degree | null = null;
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if (!isDegreeLabel(p)) continue;
    const wrapper = p.closest(react2026.alternateWrapper);
    const degree = normaliseDegree(p.textContent);
    if (wrapper && root.contains(wrapper)) hidden ??= degree;
    else {
      out.degree = degree;
      break;
    }
  }
  out.degree ??= hidden;

  const block = heading ? infoBlock(root, heading) : null;
  if (block) {
    const lines = directChildren(block, 'P').filter((p) => !isDegreeLabel(p));
    out.headline = clean(lines[0]?.textContent);
    out.company = stripSeparators(clean(lines[1]?.textContent)?.split(' · ')[0] ?? null);
    const contact = query(block, react2026.contactLink);
    const row = contact?.closest('p')?.parentElement ?? directChildren(block, 'DIV').find((d) => d.querySelector('p'));
    const first = row?.querySelector('p');
    out.location = first && !first.contains(contact ?? null) ? clean(first.textContent) : null;
  }
  return out;
}

// ---------------------------------------------------------------------------- page evidence

const WALL_PAGE_KEY = /auth_?wall|guest-home|login|signup|not_?found/i;
const WALL_PATH = /\/(?:authwall|login|signup|checkpoint|uas\/|public-profile\/)/i;
/** Sub-paths that still show the top card (overlays over the profile, edit dialogs). */
const TOP_CARD_SUB_PATHS = new Set(['', 'overlay', 'edit', 'detail']);

/** `<head>` holds the metadata; searching it alone keeps 1 MB bodies out of the scan. */
function head(doc: Document): ParentNode {
  return doc.head ?? doc;
}

function isWallOrError(doc: Document, titleShape: TitleShape): boolean {
  if (titleShape === 'wall-or-error') return true;
  if (WALL_PAGE_KEY.test(attr(head(doc), metaSelectors.pageKey, 'content') ?? '')) return true;
  const canonical = attr(head(doc), metaSelectors.canonical, 'href') ?? attr(head(doc), metaSelectors.ogUrl, 'content');
  return canonical !== null && WALL_PATH.test(canonical);
}

/** Owner slug from the top card's owner links, else (unknown markup) from the page's links. */
function ownerSlug(doc: Document, root: Element | null, base: string): string | null {
  if (root) {
    for (const selector of profileSelectors.ownerLink) {
      const slug = slugFromHref(attr(root, selector, 'href'), base);
      if (slug !== null) return slug;
    }
  } else {
    const anyOwnerLink = profileSelectors.ownerLink.join(',');
    const link = Array.from(doc.getElementsByTagName('a')).find(
      (a) => (a.getAttribute('href') ?? '').includes('/in/') && matches(a, anyOwnerLink),
    );
    const slug = slugFromHref(link?.getAttribute('href') ?? null, base);
    if (slug !== null) return slug;
  }
  return (
    slugFromHref(attr(head(doc), metaSelectors.canonical, 'href'), base) ??
    slugFromHref(attr(head(doc), metaSelectors.ogUrl, 'content'), base)
  );
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * The owner's top card and its markup era. Every root is a `section…` or an `#id…` selector, so
 * the candidates are the page's sections plus a few id look-ups: no full-document selector scan.
 */
export function findTopCard(doc: Document): { root: Element; era: Era } | null {
  const sections = Array.from(doc.getElementsByTagName('section'));
  for (const [selector, era] of topCardRoots) {
    const id = /^#([\w-]+)/.exec(selector)?.[1];
    const byId = id === undefined ? null : doc.getElementById(id);
    const candidates = id === undefined ? sections : byId ? [byId] : [];
    const root = candidates.find((el) => matches(el, selector));
    if (root) return { root, era };
  }
  return null;
}

function documentTitle(doc: Document): string | null {
  return clean(doc.title) ?? attr(head(doc), metaSelectors.ogTitle, 'content');
}

/** A member-id URL (`/in/ACoAA…`) names the same person as the vanity slug shown on the page. */
function isMemberIdSlug(slug: string): boolean {
  return /^acoa[a-z0-9_-]{20,}$/i.test(slug);
}

// ------------------------------------------------------------------------------ the reader

type Values = Omit<ProfileSnapshot, 'slug'>;
type ValueField = keyof Values;
const VALUE_FIELDS: readonly ValueField[] = ['name', 'headline', 'location', 'company', 'degree', 'photoUrl'];

function fill(
  target: Values,
  sources: Partial<Record<ProfileFieldName, ValueSource>>,
  from: Partial<SourceValues> | null,
  source: ValueSource,
  fields: readonly ValueField[] = VALUE_FIELDS,
): void {
  if (!from) return;
  for (const field of fields) {
    const value = from[field];
    if (target[field] === null && value !== null && value !== undefined) {
      (target as Record<ValueField, string | null>)[field] = value;
      sources[field] = source;
    }
  }
}

function selectorValues(root: Element): SourceValues {
  const out = emptyValues();
  out.name = firstText(root, profileSelectors.name);
  out.headline = firstText(root, profileSelectors.headline);
  out.location = firstText(root, profileSelectors.location);
  out.company = stripSeparators(firstText(root, profileSelectors.company));
  out.degree = normaliseDegree(firstText(root, profileSelectors.degree));
  return out;
}

function emptyReading(verdict: Verdict, titleShape: TitleShape, era: Era | null): ProfileReading {
  return { snapshot: null, verdict, pageSlug: null, sources: {}, era, titleShape };
}

/** The full reading (snapshot + provenance). `extractProfile` is the contract-facing wrapper. */
export function readProfile(doc: Document, url: string): ProfileReading {
  const title = parseTitle(documentTitle(doc));
  const card = findTopCard(doc);
  const era = card?.era ?? null;
  if (isNonProfileSection(url)) return emptyReading('url-not-a-profile', title.shape, era);
  if (isWallOrError(doc, title.shape)) return emptyReading('wall-or-error-page', title.shape, era);

  const base = /^https?:/i.test(url) ? url : 'https://www.linkedin.com/';
  const urlSlug = profileSlugFromUrl(url);
  const sources: Partial<Record<ProfileFieldName, ValueSource>> = {};
  const values: Values = { name: null, headline: null, location: null, company: null, degree: null, photoUrl: null };

  let photoFound = false;
  let reactSlug: string | null = null;
  if (card) {
    if (card.era === 'react-2026') {
      const react = read2026(card.root, base);
      reactSlug = react.slug;
      fill(values, sources, react, 'react-2026');
    }
    fill(values, sources, selectorValues(card.root), 'selectors');
    const photo = domPhoto(card.root);
    photoFound = photo.found || values.photoUrl !== null;
    if (photo.found) fill(values, sources, { photoUrl: photo.url }, 'selectors');
  }
  const hasTopCard = values.name !== null;

  // JSON-LD (public pages) is parsed lazily: complete logged-in top cards never need it.
  let jsonLd: JsonLdProfile | null = null;
  const getJsonLd = (): JsonLdProfile => (jsonLd ??= readJsonLd(doc));
  const pageSlug = reactSlug ?? ownerSlug(doc, card?.root ?? null, base) ?? getJsonLd().slug;
  const jsonLdUsable = (): boolean => {
    const ld = getJsonLd();
    return ld.found && (urlSlug === null || ld.slug === null || ld.slug === urlSlug);
  };
  const code = !hasTopCard && urlSlug !== null ? readCodeJson(doc, urlSlug) : null;

  if (hasTopCard) {
    // Displayed fields come from the top card only; JSON-LD may fill a photo the excerpt lacks.
    if (!photoFound && jsonLdUsable()) fill(values, sources, getJsonLd(), 'json-ld', ['photoUrl']);
  } else {
    fill(values, sources, code, 'code-json');
    if (jsonLdUsable()) fill(values, sources, getJsonLd(), 'json-ld', ['name', 'location', 'company', 'photoUrl']);
    fill(values, sources, { name: title.name }, 'title', ['name']);
  }

  let verdict: Verdict;
  if (hasTopCard) verdict = 'top-card';
  else if (code) verdict = 'embedded-json';
  else if (urlSlug !== null && !TOP_CARD_SUB_PATHS.has(profileSubPath(url)))
    return emptyReading('sub-page-without-top-card', title.shape, era);
  else if (title.shape === 'multi-section') return emptyReading('no-profile-evidence', title.shape, era);
  else if (urlSlug !== null || getJsonLd().slug !== null) verdict = 'url-only';
  else return emptyReading('no-profile-evidence', title.shape, era);

  let slug = urlSlug ?? pageSlug;
  sources.slug = urlSlug !== null ? 'url' : 'owner-link';
  if (urlSlug !== null && pageSlug !== null && pageSlug !== urlSlug) {
    if (isMemberIdSlug(urlSlug)) slug = pageSlug;
    else {
      // Stale SPA DOM (or a redirect in flight): the page shows someone else. Keep only the URL.
      const snapshot: ProfileSnapshot = { slug: urlSlug, name: null, headline: null, location: null, company: null, degree: null, photoUrl: null };
      return { snapshot, verdict: 'shows-another-profile', pageSlug, sources: { slug: 'url' }, era, titleShape: title.shape };
    }
  }
  if (slug === null) delete sources.slug;
  return { snapshot: { slug, ...values }, verdict, pageSlug, sources, era, titleShape: title.shape };
}

/** The person a profile page shows, or null when the page is not a person's profile. Never throws. */
export function extractProfile(doc: Document, url: string): ProfileSnapshot | null {
  try {
    return readProfile(doc, url).snapshot;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------ groups

const GROUPS_SUFFIX = /\s+\|\s+(?:groups?|gruppen|groupes|grupos|gruppi|groepen)$/i;

function groupTitleName(doc: Document): string | null {
  for (const raw of [attr(doc, metaSelectors.ogTitle, 'content'), clean(doc.title)]) {
    const head = parseTitle(raw).head;
    if (head !== null) return clean(head.replace(GROUPS_SUFFIX, ''));
  }
  return null;
}

/** The group a group page shows; null when the URL is not a group's. Never throws. */
export function extractGroup(doc: Document, url: string): GroupSnapshot | null {
  try {
    const groupId = groupIdFromUrl(url);
    if (groupId === null) return null;
    const descriptionMeta = attr(doc, metaSelectors.ogDescription, 'content') ?? attr(doc, metaSelectors.description, 'content');
    return {
      groupId,
      name: firstText(doc, groupSelectors.name) ?? groupTitleName(doc),
      memberCount: parseMemberCount(firstText(doc, groupSelectors.memberCount)) ?? parseMemberCount(descriptionMeta),
      description: firstText(doc, groupSelectors.description) ?? descriptionMeta,
    };
  } catch {
    return null;
  }
}
