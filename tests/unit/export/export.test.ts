import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { contactsToCsv, csvCell } from '../../../lib/export/csv';
import { contactsToVCard, foldLine, vcardEscape } from '../../../lib/export/vcard';
import type { Contact, Note } from '../../../lib/db/schema';
import { api, freshDb } from '../import-apply/helpers';

function contact(over: Partial<Contact>): Contact {
  return {
    id: 1, slug: 'ada-example', profileUrl: 'https://www.linkedin.com/in/ada-example/', name: 'Ada Example', nameLower: 'ada example',
    headline: null, location: null, company: null, position: null, email: null, photoUrl: null, degree: null, status: 'connected',
    connectedOn: '2024-03-01', relationships: [], tags: [], howWeMet: null, cadenceDays: null, lastInteraction: null,
    nextFollowUp: null, followUpManual: false, source: 'page', userFields: [], createdAt: 1, updatedAt: 1, ...over,
  };
}

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe("\"'\rcmd\"");
    expect(csvCell('Plain text')).toBe('Plain text');
    expect(csvCell('a = b')).toBe('a = b');
  });

  it('doubles quotes and quotes cells with commas, semicolons or line breaks', () => {
    expect(csvCell('He said "hi"')).toBe('"He said ""hi"""');
    expect(csvCell("O'Brien, Pat & Partners")).toBe('"O\'Brien, Pat & Partners"');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell(null)).toBe('');
  });

  it('writes contacts a spreadsheet reads back cell for cell, with their notes', () => {
    const cs = [contact({ company: '=cmd|" /C calc"!A0', tags: ['ai', 'ml'], relationships: ['mentor'] }), contact({ id: 2, slug: null, name: 'Pat "PJ" O\'Brien', position: 'Director, Sales' })];
    const notes: Note[] = [
      { id: 1, targetType: 'contact', targetId: 1, text: 'Second\nnote', createdAt: 20, updatedAt: 20 },
      { id: 2, targetType: 'contact', targetId: 1, text: 'First note', createdAt: 10, updatedAt: 10 },
    ];
    const text = contactsToCsv(cs, notes);
    expect(text.startsWith('\ufeffName,')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(parsed).toHaveLength(3);
    const header = parsed[0]!;
    const ada = Object.fromEntries(header.map((h, i) => [h, parsed[1]![i]]));
    expect(ada).toMatchObject({ Name: 'Ada Example', Company: `'=cmd|" /C calc"!A0`, Tags: 'ai; ml', Relationships: 'Mentor', Notes: 'First note\n\nSecond\nnote' });
    const pat = Object.fromEntries(header.map((h, i) => [h, parsed[2]![i]]));
    expect(pat).toMatchObject({ Name: 'Pat "PJ" O\'Brien', Position: 'Director, Sales' });
  });

  it('names each connection status as the panel and the contact list do', () => {
    const cs = [contact({ status: 'none' }), contact({ id: 2, slug: 'b', status: 'invited' }), contact({ id: 3, slug: 'c', status: 'connected' })];
    const rows = Papa.parse<string[]>(contactsToCsv(cs).slice(1).trimEnd(), { newline: '\r\n' }).data;
    const col = rows[0]!.indexOf('Status');
    expect(rows.slice(1).map((r) => r[col])).toEqual(['Not connected', 'Invitation sent', 'Connected']);
  });
});

describe('vCard export', () => {
  it('escapes backslash, comma, semicolon and line breaks', () => {
    expect(vcardEscape('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = 'NOTE:' + 'ü'.repeat(100);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('writes valid 3.0 and 4.0 cards', () => {
    const c = contact({ name: "Pat O'Brien", company: 'O\'Brien, Pat; Partners', position: 'Director', email: 'pat@example.ie', tags: ['a,b'], location: 'Cork, Ireland' });
    const notes: Note[] = [{ id: 1, targetType: 'contact', targetId: 1, text: 'Line one\nLine two; with \\ backslash', createdAt: 1, updatedAt: 1 }];
    for (const v of ['3.0', '4.0'] as const) {
      const card = contactsToVCard([c], v, notes);
      const lines = card.split('\r\n');
      expect(lines[0]).toBe('BEGIN:VCARD');
      expect(lines[1]).toBe(`VERSION:${v}`);
      expect(lines).toContain("FN:Pat O'Brien");
      expect(lines).toContain("N:O'Brien;Pat;;;");
      expect(lines).toContain("ORG:O'Brien\\, Pat\\; Partners");
      expect(lines).toContain('CATEGORIES:a\\,b');
      expect(lines).toContain('NOTE:Line one\\nLine two\\; with \\\\ backslash');
      expect(lines).toContain('ADR:;;;Cork\\, Ireland;;;');
      expect(card.endsWith('END:VCARD\r\n')).toBe(true);
      expect(card).not.toMatch(/[^\r]\n/);
    }
  });
});

describe('export.contacts op', () => {
  it('exports every stored contact with notes as CSV and vCard', async () => {
    const db = freshDb();
    const { contact: c } = await api(db, 'contact.save', { slug: 'ada-example', name: 'Ada Example', company: '@Example' });
    await api(db, 'note.add', { targetType: 'contact', targetId: c.id, text: 'Invented note' });
    const csv = await api(db, 'export.contacts', { format: 'csv' });
    expect(csv).toMatchObject({ count: 1, mime: 'text/csv;charset=utf-8' });
    expect(csv.fileName).toMatch(/^rapport-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text).toContain("'@Example");
    expect(csv.text).toContain('Invented note');
    const vcf = await api(db, 'export.contacts', { format: 'vcard4' });
    expect(vcf.text).toContain('VERSION:4.0');
    expect(vcf.text).toContain('NOTE:Invented note');
  });
});
