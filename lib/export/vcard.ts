/**
 * Contacts as vCard (3.0, RFC 2426, or 4.0, RFC 6350), for address books. Text values escape
 * backslash, comma, semicolon and line breaks; lines are folded at 75 octets without splitting a
 * character; lines end with CRLF.
 */
import type { Contact, Note } from '../db/schema';

export type VCardVersion = '3.0' | '4.0';

/** Escapes a text value: \ → \\, , → \,, ; → \;, line breaks → \n. */
export function vcardEscape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line to at most 75 octets per line (continuations start with a space). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry a leading space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function splitName(name: string): { given: string; family: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { given: parts[0] ?? '', family: '' };
  return { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(' ') };
}

/** One vCard per contact, concatenated. `notes` (contact notes) become the NOTE property. */
export function contactsToVCard(contacts: readonly Contact[], version: VCardVersion = '3.0', notes: readonly Note[] = []): string {
  const byContact = new Map<number, string[]>();
  for (const n of [...notes].sort((a, b) => a.createdAt - b.createdAt)) {
    if (n.targetType !== 'contact') continue;
    const list = byContact.get(n.targetId);
    if (list) list.push(n.text);
    else byContact.set(n.targetId, [n.text]);
  }
  const cards: string[] = [];
  for (const c of contacts) {
    const { given, family } = splitName(c.name);
    const lines = ['BEGIN:VCARD', `VERSION:${version}`, `FN:${vcardEscape(c.name)}`, `N:${vcardEscape(family)};${vcardEscape(given)};;;`];
    if (version === '4.0') lines.push('KIND:individual');
    if (c.company) lines.push(`ORG:${vcardEscape(c.company)}`);
    if (c.position ?? c.headline) lines.push(`TITLE:${vcardEscape((c.position ?? c.headline)!)}`);
    if (c.email) lines.push(version === '4.0' ? `EMAIL;TYPE=work:${vcardEscape(c.email)}` : `EMAIL;TYPE=INTERNET:${vcardEscape(c.email)}`);
    if (c.profileUrl) lines.push(`URL:${c.profileUrl.replace(/[\r\n]/g, '')}`);
    if (c.location) lines.push(`ADR:;;;${vcardEscape(c.location)};;;`); // the place, as locality
    const categories = [...c.tags, ...c.relationships];
    if (categories.length) lines.push(`CATEGORIES:${categories.map(vcardEscape).join(',')}`);
    const ns = byContact.get(c.id);
    if (ns?.length) lines.push(`NOTE:${vcardEscape(ns.join('\n\n'))}`);
    lines.push('END:VCARD');
    cards.push(lines.map(foldLine).join('\r\n'));
  }
  return cards.length ? cards.join('\r\n') + '\r\n' : '';
}
