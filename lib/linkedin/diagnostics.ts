/**
 * A copyable report of what the extractor could and could not read on a page, for bug reports
 * when LinkedIn ships new markup. It names selectors, sources, the URL kind, the title's SHAPE and
 * a markup-era guess — never page text, names, slugs or URLs.
 */
import { detectPage, profileSubPath } from './detect';
import { PROFILE_FIELDS, readProfile, type ProfileFieldName, type ProfileReading, type ProfileSnapshot } from './extract';
import { metaSelectors, profileSelectors, type ProfileField } from './selectors';

export interface ProfileDiagnostics {
  snapshot: ProfileSnapshot | null;
  /** Fields of a profile snapshot that are null (empty when the page is not a profile). */
  missing: ProfileFieldName[];
  report: string;
}

function urlKind(url: string): string {
  const page = detectPage(url);
  if (page.kind !== 'profile') return page.kind;
  const sub = profileSubPath(url);
  return sub === '' ? 'profile' : `profile (sub-path: ${sub.replace(/[^a-z-]/g, '?')})`;
}

/** What was tried for each field, in order (selector groups and data sources). */
function attempts(field: ProfileFieldName): string[] {
  const group = (name: ProfileField) => `selectors.profile.${name} [${profileSelectors[name].join(' | ')}]`;
  switch (field) {
    case 'slug':
      return ['url /in/<slug>', `selectors.profile.ownerLink [${profileSelectors.ownerLink.join(' | ')}]`, 'canonical / og:url', 'json-ld Person.url'];
    case 'name':
      return ['react-2026 structure', group('name'), 'code-json (owner-checked)', 'json-ld Person.name', 'title / og:title'];
    case 'headline':
      return ['react-2026 structure', group('headline'), 'code-json (owner-checked)'];
    case 'location':
    case 'company':
      return ['react-2026 structure', group(field), 'code-json (owner-checked)', 'json-ld (only without a top card)'];
    case 'degree':
      return ['react-2026 structure', group('degree'), 'code-json (owner-checked)'];
    case 'photoUrl':
      return ['react-2026 structure', `${group('photo')} (ghosts rejected)`, 'code-json (owner-checked)', 'json-ld Person.image'];
  }
}

/** Elements of `tag` matching `selector` (tag look-up first: no full-document selector scan). */
function count(doc: Document, tag: string, selector: string): number {
  try {
    return Array.from(doc.getElementsByTagName(tag)).filter((el) => el.matches(selector)).length;
  } catch {
    return 0;
  }
}

/** The diagnostics for a reading already made (the navigation watcher reuses its own). */
export function describeReading(doc: Document, url: string, reading: ProfileReading): ProfileDiagnostics {
  const { snapshot } = reading;
  const missing = snapshot ? PROFILE_FIELDS.filter((field) => snapshot[field] === null) : [];
  const lines = [
    'Rapport page-reader diagnostics (no personal data)',
    `url kind: ${urlKind(url)}`,
    `verdict: ${reading.verdict}`,
    `markup era guess: ${reading.era ?? 'unknown'}`,
    `title shape: ${reading.titleShape}`,
    `embedded data: json-ld scripts=${count(doc, 'script', metaSelectors.jsonLd)}, og tags=${count(doc, 'meta', 'meta[property^="og:"]')}, canonical=${count(doc, 'link', metaSelectors.canonical)}, code blobs=${count(doc, metaSelectors.codeBlobs, metaSelectors.codeBlobs)}`,
    `page names its owner: ${reading.pageSlug === null ? 'no' : 'yes'}`,
  ];
  if (snapshot) {
    lines.push('fields:');
    for (const field of PROFILE_FIELDS) {
      if (snapshot[field] !== null) lines.push(`  ${field}: ok (${reading.sources[field] ?? 'unknown source'})`);
      else lines.push(`  ${field}: MISSING, tried: ${attempts(field).join('; ')}`);
    }
  }
  return { snapshot, missing, report: lines.join('\n') };
}

/** extractProfile plus which fields it could not read and a copyable, personal-data-free report. */
export function extractProfileWithDiagnostics(doc: Document, url: string): ProfileDiagnostics {
  try {
    return describeReading(doc, url, readProfile(doc, url));
  } catch (error) {
    const kind = error instanceof Error ? error.name : 'unknown';
    return { snapshot: null, missing: [], report: `Rapport page-reader diagnostics\nextractor error: ${kind}` };
  }
}
