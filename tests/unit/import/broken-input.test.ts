import { describe, expect, it } from 'vitest';
import {
  describeCsvProblem,
  MAX_CSV_CHARS,
  MESSAGES,
  parseConnectionsCsv,
  type ConnectionsCsv,
} from '../../../lib/import/connections-csv';
import { readInvented } from './fixtures';

function parse(text: string): ConnectionsCsv {
  let result: ConnectionsCsv | undefined;
  expect(() => {
    result = parseConnectionsCsv(text);
  }).not.toThrow();
  if (!result) throw new Error('no result');
  return result;
}

/** The file is unusable: no rows, one clear file-level error, and describeCsvProblem says so. */
function expectUnusable(result: ConnectionsCsv, message: string | RegExp): void {
  expect(result.rows).toEqual([]);
  expect(result.skipped).toBe(0);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]?.line).toBe(1);
  if (typeof message === 'string') expect(result.errors[0]?.message).toBe(message);
  else expect(result.errors[0]?.message).toMatch(message);
  expect(describeCsvProblem(result)).toBe(result.errors[0]?.message);
}

/** PNG signature + IHDR chunk + some deflate-looking bytes, decoded as the browser would (UTF-8). */
function pngAsText(encoding: 'utf-8' | 'latin1'): string {
  const bytes = new Uint8Array(2048);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  let x = 12345;
  for (let i = 16; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new TextDecoder(encoding).decode(bytes);
}

describe('broken input never throws and says what is wrong', () => {
  it('empty file', () => {
    expectUnusable(parse(''), MESSAGES.empty);
    expectUnusable(parse('\ufeff'), MESSAGES.empty);
    expectUnusable(parse(' \r\n\n\t\n'), MESSAGES.empty);
    expect(describeCsvProblem(parse(''))).toBe('This file is empty, so there are no connections to import.');
  });

  it('a random CSV / another export (wrong header)', () => {
    expectUnusable(parse('Group;URL;Group ID\nSome group;https://example.com;1\n'), MESSAGES.notConnections);
    expectUnusable(parse(readInvented('invented-messages-export.csv')), MESSAGES.notConnections);
    expectUnusable(parse('name,email\nAda,ada@example.com\n'), MESSAGES.notConnections);
    expectUnusable(parse('just some text without commas'), MESSAGES.notConnections);
    expect(MESSAGES.notConnections).toBe(
      "This doesn't look like LinkedIn's Connections.csv: no 'First Name' and 'Last Name' columns were found.",
    );
  });

  it('the header must appear near the top, not after 100 records of something else', () => {
    const junk = Array.from({ length: 150 }, (_, i) => `row ${i},x`).join('\n');
    expectUnusable(parse(`${junk}\nFirst Name,Last Name\nAda,Example\n`), MESSAGES.notConnections);
  });

  it('a binary file (PNG bytes decoded as UTF-8 or latin1)', () => {
    expectUnusable(parse(pngAsText('utf-8')), MESSAGES.binary);
    expectUnusable(parse(pngAsText('latin1')), MESSAGES.binary);
  });

  it('NUL bytes', () => {
    expectUnusable(parse('\u0000'.repeat(100)), MESSAGES.binary);
    expectUnusable(parse('First Name,Last Name\nAda,Ex\u0000ample\n\u0000\u0000\u0000'), MESSAGES.binary);
  });

  it('an .xlsx (zip) file read as text', () => {
    const zip = new Uint8Array(1024);
    zip.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]);
    for (let i = 8; i < zip.length; i++) zip[i] = (i * 7919) % 256;
    expectUnusable(parse(new TextDecoder('utf-8').decode(zip)), MESSAGES.binary);
  });

  it('UTF-16 text read as an 8-bit encoding is repaired (Excel "Unicode Text")', () => {
    const csv = 'First Name,Last Name,Connected On\r\nAda,Example,17 Jul 2022\r\n';
    const utf16 = new Uint8Array(2 + csv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) utf16[2 + i * 2] = csv.charCodeAt(i);
    const result = parse(new TextDecoder('latin1').decode(utf16));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.firstName, r.lastName, r.connectedOn])).toEqual([['Ada', 'Example', '2022-07-17']]);
  });

  it('a truncated quote (unterminated quoted field at EOF): keeps the complete rows before it', () => {
    const text = 'First Name,Last Name,Company,Connected On\nAda,Example,Acme,17 Jul 2022\nGrace,Sample,"Acme, In';
    const result = parse(text);
    expect(result.rows.map((r) => r.firstName)).toEqual(['Ada']);
    expect(result.errors).toEqual([{ line: 3, message: MESSAGES.unclosedQuoteSkipped }]);
    expect(describeCsvProblem(result)).toBeNull(); // partial parse is still usable
  });

  it('an unclosed quote in the middle skips only that line and reads on', () => {
    const text = 'First Name,Last Name,Company,Connected On\n"Ada,Example,Acme,17 Jul 2022\nGrace,Sample,Acme Inc,18 Jul 2022\n';
    const result = parse(text);
    expect(result.rows.map((r) => [r.firstName, r.company, r.connectedOn])).toEqual([['Grace', 'Acme Inc', '2022-07-18']]);
    expect(result.errors).toEqual([{ line: 2, message: MESSAGES.unclosedQuoteSkipped }]);
  });

  it('an unbalanced quote that pairs with a later one is reported, and later rows are intact', () => {
    // CSV-wise the quote on line 2 closes on line 3, so lines 2–3 are one (garbled) record.
    const text =
      'First Name,Last Name,Company,Connected On\n"Ada,Example,Acme,17 Jul 2022\nGrace,Sample,"Acme, Inc",18 Jul 2022\nAlan,Placeholder,X,19 Jul 2022\n';
    const result = parse(text);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.line === 2)).toBe(true);
    expect(result.errors[0]?.message).toBe(MESSAGES.strayQuote);
    expect(result.rows.at(-1)).toEqual({
      firstName: 'Alan', lastName: 'Placeholder', slug: null, profileUrl: null, email: null, company: 'X', position: null, connectedOn: '2022-07-19',
    });
  });

  it('a stray quote after a quoted value: that line is skipped, the rest is read', () => {
    const result = parse('First Name,Last Name,Company,Connected On\nAda,Example,"Acme" Corp,17 Jul 2022\nGrace,Sample,X,18 Jul 2022\n');
    expect(result.rows.map((r) => r.firstName)).toEqual(['Grace']);
    expect(result.errors).toEqual([{ line: 2, message: MESSAGES.unclosedQuoteSkipped }]);
  });

  it('a truncated quote on the only row: nothing usable, and describeCsvProblem explains why', () => {
    const result = parse('First Name,Last Name\n"Ada');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, message: MESSAGES.unclosedQuoteSkipped }]);
    expect(describeCsvProblem(result)).toBe(
      'No connections could be read from this file; the first problem is on line 2: a quoted value on this line is never closed (the file may be cut off or damaged), so this line was skipped.',
    );
  });

  it('a file truncated inside the Notes preamble is not recognised', () => {
    expectUnusable(parse('Notes:\n"When exporting your connection data, you may'), MESSAGES.notConnections);
  });

  it('a file full of unclosed quotes gives up after a bounded amount of work', () => {
    const lines = ['First Name,Last Name,Connected On'];
    for (let i = 0; i < 5000; i++) lines.push(`"P${i},Q,17 Jul 2022`);
    const result = parse(lines.join('\n'));
    expect(result.rows).toEqual([]);
    const last = result.errors.at(-1);
    expect(last?.message).toBe(MESSAGES.unclosedQuote);
    expect(result.errors.length).toBeLessThan(5000);
    expect(result.errors.slice(0, -1).every((e, i) => e.line === i + 2 && e.message === MESSAGES.unclosedQuoteSkipped)).toBe(true);
  });

  it('a file cut in the middle of a row keeps the partial row and reports it', () => {
    const result = parse('First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Example,https://www.linkedin.com/in/ada,,Ac');
    expect(result.rows).toEqual([
      {
        firstName: 'Ada',
        lastName: 'Example',
        slug: 'ada',
        profileUrl: 'https://www.linkedin.com/in/ada',
        email: null,
        company: 'Ac',
        position: null,
        connectedOn: null,
      },
    ]);
    expect(result.errors).toEqual([{ line: 2, message: 'This line has 5 of the 7 expected values, so the missing ones were left empty.' }]);
  });

  it('non-string input (from untyped callers) is an error, not a crash', () => {
    const result = parseConnectionsCsv(undefined as unknown as string);
    expect(result).toEqual({ rows: [], skipped: 0, errors: [{ line: 1, message: MESSAGES.notText }] });
  });

  it('more than MAX_CSV_CHARS is refused with a clear "too large" message', () => {
    const result = parse('x'.repeat(MAX_CSV_CHARS + 1));
    expectUnusable(result, /^This file is too large to import: it is about 64 MB and the limit is 64 MB\.$/);
  });

  it('a 50 MB export (300,000 rows) is parsed completely', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
    const lines: string[] = [header];
    const filler = 'x'.repeat(80);
    for (let i = 0; i < 300_000; i++) {
      lines.push(
        i % 100 === 99
          ? ',,,,,,01 Jan 2020'
          : `Person${i},Example,https://www.linkedin.com/in/person-${i},,"Company ${i % 500}, ${filler}",Role ${i % 37},${(i % 28) + 1} Mar 2021`,
      );
    }
    const text = lines.join('\r\n');
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(text.length).toBeLessThan(MAX_CSV_CHARS);
    const result = parse(text);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toBe(3000);
    expect(result.rows).toHaveLength(297_000);
    expect(result.rows[0]).toEqual({
      firstName: 'Person0',
      lastName: 'Example',
      slug: 'person-0',
      profileUrl: 'https://www.linkedin.com/in/person-0',
      email: null,
      company: `Company 0, ${filler}`,
      position: 'Role 0',
      connectedOn: '2021-03-01',
    });
    expect(result.rows.at(-1)?.firstName).toBe('Person299998');
  }, 20_000);
});
