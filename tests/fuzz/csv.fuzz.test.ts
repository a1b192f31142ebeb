/**
 * Property tests for parseConnectionsCsv. Replay a failure with the printed seed:
 *   FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run tests/fuzz/csv.fuzz.test.ts
 * `npm run fuzz` runs 2000 cases per property.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  MAX_LISTED_ERRORS,
  parseConnectionsCsv,
  type ConnectionsCsv,
} from '../../lib/import/connections-csv';
import { INVENTED_CSV_DIR, SHARED_CSV_DIR, SHARED_CSV_EXISTS } from '../unit/import/fixtures';

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
// CI replays a fixed seed (a red CI blocks everyone); local runs and `npm run fuzz` explore new ones.
const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20261126 : Date.now() % 2_147_483_647));
console.log(`csv fuzz: seed=${seed} runs=${numRuns} (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns})`);
const params = { seed, numRuns };

// ---------------------------------------------------------------------------------------------
// Corpus: invented fixtures always; real exports from ../shared when present.
// ---------------------------------------------------------------------------------------------

function listCsv(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(path.basename(f)))
    .map((f) => path.join(dir, f))
    .sort();
}

const invented = listCsv(INVENTED_CSV_DIR, /^connections-.*\.csv$/);
if (!SHARED_CSV_EXISTS) console.warn('../shared/fixtures/csv not found: fuzzing the invented fixtures only');
const real = SHARED_CSV_EXISTS ? listCsv(SHARED_CSV_DIR, /^Connections.*\.csv$/) : [];
type CorpusEntry = {
  name: string;
  text: string;
  parsed: ConnectionsCsv;
  /** Header row and the data records of the same width (preamble dropped), read by Papa directly. */
  table: string[][];
};

function tableOf(text: string): string[][] {
  const records = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ',' }).data;
  const h = records.findIndex((r) => r[0]?.replace(/^\ufeff/, '') === 'First Name');
  if (h < 0) throw new Error('corpus file without a header');
  return records.slice(h).filter((r) => r.length === records[h]?.length);
}

const corpus: CorpusEntry[] = [...invented, ...real].map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const name = path.basename(path.dirname(file)) + '/' + path.basename(file);
  return { name, text, parsed: parseConnectionsCsv(text), table: tableOf(text) };
});

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNCLEAN = /^\s|\s$|\s\s|[\u0000-\u001f\u007f]|[^\S ]/;

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function check(condition: boolean, what: string, value?: unknown): void {
  if (!condition) throw new Error(`${what}${value === undefined ? '' : `: ${JSON.stringify(value)}`}`);
}

const ROW_KEYS = 'company,connectedOn,email,firstName,lastName,position,profileUrl,slug';
const NULLABLE = ['slug', 'profileUrl', 'email', 'company', 'position', 'connectedOn'] as const;

/**
 * Throws (so fast-check can shrink) when a result breaks the contract. Plain checks rather than
 * expect() per value: this runs on hundreds of thousands of rows.
 */
function checkInvariants(text: string, result: ConnectionsCsv): void {
  check(Array.isArray(result.rows), 'rows is not an array');
  check(Number.isInteger(result.skipped) && result.skipped >= 0, 'bad skipped', result.skipped);
  const lines = lineCount(text);
  // Every row or skipped member needs its own line below a header line.
  const people = result.rows.length + result.skipped;
  check(people === 0 || people <= lines - 1, `rows + skipped exceeds the ${lines - 1} data lines`, [result.rows.length, result.skipped]);
  check(result.errors.length <= MAX_LISTED_ERRORS + 1, 'too many errors listed', result.errors.length);
  for (const e of result.errors) {
    check(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, `error line outside 1..${lines}`, e);
    check(typeof e.message === 'string' && e.message.length > 0, 'empty error message', e);
  }
  for (const row of result.rows) {
    check(Object.keys(row).sort().join(',') === ROW_KEYS, 'unexpected row keys', row);
    check(typeof row.firstName === 'string' && typeof row.lastName === 'string', 'names must be strings', row);
    check(row.firstName.length + row.lastName.length > 0, 'row without a name', row);
    for (const key of NULLABLE) {
      const v = row[key];
      check(v === null || (typeof v === 'string' && v.length > 0), `${key} must be null or non-empty`, row);
    }
    for (const v of Object.values(row)) {
      if (typeof v === 'string' && v.length > 0) check(!UNCLEAN.test(v), 'value not cleaned', v);
    }
    if (row.connectedOn !== null) {
      check(ISO_DATE.test(row.connectedOn) && isRealDate(row.connectedOn), 'connectedOn not an ISO date', row.connectedOn);
    }
    if (row.slug !== null) {
      check(row.slug === row.slug.toLowerCase() && !/[/?#\s]/.test(row.slug), 'bad slug', row.slug);
    }
    if (row.email !== null) check(row.email.includes('@'), 'email without @', row.email);
  }
}

/** Deep equality, cheap when equal; vitest's diff when not. */
function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

function parseChecked(text: string): ConnectionsCsv {
  let result: ConnectionsCsv | undefined;
  expect(() => {
    result = parseConnectionsCsv(text);
  }).not.toThrow();
  if (!result) throw new Error('no result');
  checkInvariants(text, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const TOKENS = [
  ',', ',', ',', ';', '\t', '"', '""', '\n', '\n', '\r\n', '\r', ' ', '  ', '\u00a0', '\ufeff', '\u0000', '\u0007',
  'First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On', 'first  name', 'LAST NAME',
  'Notes:', 'Ada', 'Jürgen', "O'Brien", 'Zoë', '张伟', '', 'ada@example.com', 'urn:li:member:1',
  'https://www.linkedin.com/in/ada', 'https://de.linkedin.com/in/J%C3%BCrgen/', 'https://www.linkedin.com/in/%',
  'https://www.linkedin.com/company/x', '17 Jul 2022', '9-Sep-22', '6-Feb-26', '1/8/18, 6:14 PM', '31/12/2020',
  '31 Feb 2022', '0 Jan 0', '2022-07-17', 'yesterday', '99', '\ud800',
];
const csvish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));
const headerThenCsvish = fc
  .tuple(fc.constantFrom('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n', 'Notes:\n"x, y"\n\nFirst Name,Last Name,Connected On\r\n', '\ufefffirst name;last name;connected on\n'), csvish)
  .map(([h, body]) => h + body);

const corpusEntry = corpus.length > 0 ? fc.constantFrom(...corpus) : fc.constant(undefined);

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('parseConnectionsCsv fuzz', () => {
  it('has a corpus to mutate', () => {
    expect(invented.length).toBeGreaterThanOrEqual(7);
    for (const c of corpus) expect(c.parsed.rows.length).toBeGreaterThan(0);
  });

  it('never throws on random strings; results are well-formed', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), csvish, headerThenCsvish),
        (text) => {
          parseChecked(text);
        },
      ),
      params,
    );
  });

  it('a file cut at any point keeps the rows before the cut unchanged', () => {
    fc.assert(
      fc.property(corpusEntry, fc.double({ min: 0, max: 1, noNaN: true }), (entry, at) => {
        if (!entry) return;
        const cut = entry.text.slice(0, Math.floor(entry.text.length * at));
        const result = parseChecked(cut);
        expect(result.rows.length).toBeLessThanOrEqual(entry.parsed.rows.length);
        const complete = Math.max(0, result.rows.length - 1); // the last row may be cut short
        expectSame(result.rows.slice(0, complete), entry.parsed.rows.slice(0, complete));
        expect(result.skipped).toBeLessThanOrEqual(entry.parsed.skipped);
      }),
      params,
    );
  });

  it('shuffling columns, changing line endings or adding a BOM does not change the rows', () => {
    fc.assert(
      fc.property(
        corpusEntry,
        fc.infiniteStream(fc.nat()),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (entry, randoms, newline, bom) => {
          if (!entry) return;
          const table = entry.table;
          const width = table[0]?.length ?? 0;
          const order = Array.from({ length: width }, (_, i) => i);
          const it = randoms[Symbol.iterator]();
          for (let i = width - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [order[i], order[j]] = [order[j] as number, order[i] as number];
          }
          const baseline = parseChecked(Papa.unparse(table, { newline: '\n' }));
          const shuffledText = Papa.unparse(table.map((r) => order.map((i) => r[i] ?? '')), { newline });
          const shuffled = parseChecked((bom ? '\ufeff' : '') + shuffledText);
          expectSame(shuffled.rows, baseline.rows);
          expect(shuffled.skipped).toBe(baseline.skipped);
          expectSame(baseline.rows, entry.parsed.rows);
          expect(baseline.skipped).toBe(entry.parsed.skipped);
        },
      ),
      params,
    );
  });

  it('giant fields anywhere are handled', () => {
    fc.assert(
      fc.property(
        corpusEntry,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 10_000, max: 100_000 }),
        fc.constantFrom('x', ' ', ',', '"', 'é', '\n', 'a,"b"\n'),
        (entry, at, size, unit) => {
          if (!entry) return;
          const pos = Math.floor(entry.text.length * at);
          const giant = unit.repeat(Math.ceil(size / unit.length));
          parseChecked(entry.text.slice(0, pos) + giant + entry.text.slice(pos));
          parseChecked(entry.text.slice(0, pos) + `"${giant.replace(/"/g, '""')}"` + entry.text.slice(pos));
        },
      ),
      { ...params, numRuns: Math.max(1, Math.ceil(numRuns / 4)) },
    );
  });

  it('wrong decodings (latin1-decoded UTF-8, UTF-16, random bytes) never break the contract', () => {
    fc.assert(
      fc.property(
        corpusEntry,
        fc.constantFrom('latin1-of-utf8', 'utf16le-as-latin1', 'utf16le-as-utf8', 'windows-1252-of-utf8'),
        (entry, how) => {
          if (!entry) return;
          const utf8 = Buffer.from(entry.text, 'utf8');
          let text: string;
          if (how === 'latin1-of-utf8') text = utf8.toString('latin1');
          else if (how === 'windows-1252-of-utf8') text = new TextDecoder('windows-1252').decode(utf8);
          else if (how === 'utf16le-as-latin1') text = Buffer.from(entry.text, 'utf16le').toString('latin1');
          else text = Buffer.from(entry.text, 'utf16le').toString('utf8');
          const result = parseChecked(text);
          if (how === 'latin1-of-utf8' || how === 'windows-1252-of-utf8') {
            // Mojibake changes letters, never the structure.
            expect(result.rows.length).toBe(entry.parsed.rows.length);
            expect(result.skipped).toBe(entry.parsed.skipped);
          }
        },
      ),
      { ...params, numRuns: Math.min(numRuns, 50) },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('utf-8', 'latin1', 'utf-16le'), (bytes, enc) => {
        parseChecked(new TextDecoder(enc).decode(bytes));
      }),
      params,
    );
  });

  it('random edits (delete, duplicate, insert quotes/commas/newlines) never break the contract', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.nat({ max: 200 }),
      insert: fc.constantFrom('', '"', ',', '\n', '\r', '\r\n', '""', ',,,,,,', '\u0000', 'First Name,Last Name\n'),
      duplicate: fc.boolean(),
    });
    fc.assert(
      fc.property(corpusEntry, fc.array(edit, { minLength: 1, maxLength: 8 }), (entry, edits) => {
        if (!entry) return;
        let text = entry.text;
        for (const e of edits) {
          const pos = Math.floor(text.length * e.at);
          const removed = text.slice(pos, pos + e.len);
          text = text.slice(0, pos) + e.insert + (e.duplicate ? removed + removed : '') + text.slice(pos + e.len);
        }
        parseChecked(text);
      }),
      params,
    );
  });

  it('100,000 generated rows (once)', () => {
    const rnd = fc.sample(
      fc.record({
        hidden: fc.double({ min: 0, max: 1, noNaN: true }),
        first: fc.constantFrom('Ada', 'Jürgen', 'Zoë', '张', 'O\'Brien', '  Pat  '),
        company: fc.constantFrom('', 'Acme', '"Acme, Inc"', '"Multi\nline"', 'Beispiel GmbH'),
        date: fc.constantFrom('17 Jul 2022', '9-Sep-22', '1/8/18, 6:14 PM', '', 'not a date'),
        url: fc.constantFrom('', 'https://www.linkedin.com/in/ada', 'https://de.linkedin.com/in/J%C3%BCrgen-M/'),
      }),
      { seed, numRuns: 1000 },
    );
    const lines = ['Notes:', '"Generated, for the fuzz test."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    let named = 0;
    let hidden = 0;
    let badDates = 0;
    let undated = 0;
    let lastNamed = -1;
    for (let i = 0; i < 100_000; i++) {
      const r = rnd[i % rnd.length];
      if (!r) throw new Error('no sample');
      if (r.hidden < 0.02) {
        lines.push(`,,,,,,${r.date}`); // a hidden member, or (no date either) an all-empty row
        if (r.date !== '') hidden++;
      } else {
        lines.push(`${r.first},Example${i},${r.url},,${r.company},Role,${r.date}`);
        named++;
        lastNamed = i;
        if (r.date === 'not a date') badDates++;
        if (r.date === 'not a date' || r.date === '') undated++;
      }
    }
    const text = lines.join('\r\n');
    const result = parseChecked(text);
    expect(result.rows).toHaveLength(named);
    expect(result.skipped).toBe(hidden);
    expect(result.rows.filter((r) => r.connectedOn === null)).toHaveLength(undated);
    expect(result.errors).toHaveLength(Math.min(badDates, MAX_LISTED_ERRORS) + (badDates > MAX_LISTED_ERRORS ? 1 : 0));
    expect(result.rows.at(-1)?.lastName).toBe(`Example${lastNamed}`);
  }, 30_000);
});
