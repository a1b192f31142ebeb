/**
 * CSV export and spreadsheet formula injection: a contact whose page text starts with = + - @,
 * tab or carriage return must not become a live formula when the export is opened in Excel,
 * LibreOffice or Google Sheets. Every cell is parsed back (papaparse) and checked.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../lib/export/csv';
import { apiCaller, freshDb } from '../../fuzz/helpers';

const RISKY = ['=cmd|"/c calc"!A1', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://evil.example","click")'];

describe('CSV export escapes cells a spreadsheet would execute', () => {
  it('csvCell: each dangerous start gets a leading apostrophe, and the value survives otherwise', () => {
    for (const v of RISKY) {
      const cell = csvCell(v);
      const [parsed] = Papa.parse<string[]>(cell, { delimiter: ',' }).data[0] ?? [];
      expect(parsed, JSON.stringify(v)).toBe(`'${v}`);
    }
    expect(csvCell('Plain, with comma')).toBe('"Plain, with comma"');
    expect(csvCell('Ada "the Countess"')).toBe('"Ada ""the Countess"""');
  });

  it('export.contacts: no cell of the file starts with a formula character', async () => {
    const db = freshDb('export-injection');
    const api = apiCaller(db);
    for (const [i, v] of RISKY.entries()) {
      const { contact } = await api('contact.save', { slug: `risky-${i}-test`, name: `${v} Name`, company: v, headline: v, location: v });
      await api('note.add', { targetType: 'contact', targetId: contact.id, text: `${v} in a note` });
      await api('contact.update', { id: contact.id, patch: { tags: [v.trim() || 'x'] } });
    }
    const { text } = await api<{ text: string }>('export.contacts', { format: 'csv' });
    const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ',', skipEmptyLines: true }).data;
    expect(rows.length).toBe(RISKY.length + 1);
    const cells = rows.flat();
    for (const c of cells) expect(c, JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r]/);
    // The values are still there, readable, behind the apostrophe.
    expect(cells).toContain(`'=cmd|"/c calc"!A1`);
    db.close();
  });
});
