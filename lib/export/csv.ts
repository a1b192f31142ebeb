/**
 * Contacts as CSV for a spreadsheet. Cells a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) get a leading apostrophe; quotes are doubled; every cell that
 * needs it is quoted. UTF-8 with a BOM and CRLF line ends, so Excel opens it correctly.
 */
import type { Contact, Note } from '../db/schema';
import { RELATIONSHIP_LABELS, STATUS_LABELS } from '../db/constants';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped against formula injection and quoted when needed. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n;]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

export const CONTACT_CSV_COLUMNS = [
  'Name', 'Headline', 'Position', 'Company', 'Location', 'Email', 'LinkedIn URL', 'Status', 'Connected on',
  'Relationships', 'Tags', 'Last interaction', 'Next follow-up', 'Notes',
] as const;

function relationshipLabel(r: string): string {
  return (RELATIONSHIP_LABELS as Record<string, string>)[r] ?? r;
}

/** The CSV text (with BOM) for these contacts; `notes` are joined per contact, oldest first. */
export function contactsToCsv(contacts: readonly Contact[], notes: readonly Note[] = []): string {
  const byContact = new Map<number, Note[]>();
  for (const n of notes) {
    if (n.targetType !== 'contact') continue;
    const list = byContact.get(n.targetId);
    if (list) list.push(n);
    else byContact.set(n.targetId, [n]);
  }
  const lines = [csvLine(CONTACT_CSV_COLUMNS)];
  for (const c of contacts) {
    const ns = (byContact.get(c.id) ?? []).sort((a, b) => a.createdAt - b.createdAt).map((n) => n.text);
    lines.push(csvLine([
      c.name, c.headline, c.position, c.company, c.location, c.email, c.profileUrl, STATUS_LABELS[c.status], c.connectedOn,
      c.relationships.map(relationshipLabel).join('; '), c.tags.join('; '), c.lastInteraction, c.nextFollowUp,
      ns.join('\n\n'),
    ]));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
