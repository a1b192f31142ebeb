/** The options page's "New contact" form: what the user typed, checked and turned into `contact.save` input. */
import { canonicalProfileUrl } from '../db/compact';
import { profileSlugFromUrl } from '../linkedin/detect';

export interface NewContactForm {
  name: string;
  profileUrl: string;
  headline: string;
  company: string;
  relationships: string[];
  /** Comma-separated. */
  tags: string;
}

export const EMPTY_NEW_CONTACT: NewContactForm = { name: '', profileUrl: '', headline: '', company: '', relationships: [], tags: '' };

/**
 * The slug of a LinkedIn profile address, with or without `https://` (`linkedin.com/in/ada-q`).
 * null for an empty field; an error message for anything that is not a profile address.
 */
export function slugFromProfileInput(raw: string): { slug: string; profileUrl: string } | { error: string } | null {
  const text = raw.trim();
  if (!text) return null;
  const url = /^https?:\/\//i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  const slug = profileSlugFromUrl(url);
  if (!slug) return { error: 'This is not a LinkedIn profile address. It looks like linkedin.com/in/their-name.' };
  return { slug, profileUrl: canonicalProfileUrl(slug) };
}

export function splitTags(raw: string): string[] {
  return [...new Set(raw.split(',').map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** The `contact.save` input for the form, or a message saying what to fix. */
export function newContactInput(form: NewContactForm): { input: Record<string, unknown> } | { error: string } {
  const name = form.name.replace(/\s+/g, ' ').trim();
  if (!name) return { error: 'A contact needs a name.' };
  const link = slugFromProfileInput(form.profileUrl);
  if (link && 'error' in link) return { error: link.error };
  const tags = splitTags(form.tags);
  const bad = tags.find((t) => t.length > 60);
  if (bad) return { error: `The tag “${bad.slice(0, 20)}…” is too long (60 characters at most).` };
  const headline = form.headline.trim() || null;
  const company = form.company.trim() || null;
  const typedFields = ['name', ...(headline ? ['headline'] : []), ...(company ? ['company'] : []), ...(link ? ['profileUrl'] : [])];
  return {
    input: {
      slug: link?.slug ?? null, profileUrl: link?.profileUrl ?? null, name, headline, company,
      relationships: form.relationships, tags, source: 'manual', typedFields, ifExists: 'conflict',
    },
  };
}
