/**
 * Parser for LinkedIn's `Connections.csv` export ("Get a copy of your data" → Connections).
 *
 * Pure: text in, plain data out. Never throws; every problem ends up in `errors`.
 *
 * What real exports look like (see tests/unit/import/connections-csv.test.ts, which runs on
 * the real files in ../shared/fixtures/csv):
 *   - 2018:  header `First Name,Last Name,Email Address,Company,Position,Connected On`
 *            (no URL column), dates `1/8/18, 6:14 PM`, email sometimes `urn:li:member:123`.
 *   - 2020+: a `Notes:` line, one quoted paragraph, one blank line, then the header.
 *            Dates `17 Jul 2022`. From ~2023 a `URL` column follows `Last Name`.
 *   - Owners' edits: Notes lines removed; re-saved by Excel with CRLF and `9-Sep-22` dates.
 *   - Members who hide their data are written by LinkedIn as a row whose every column is
 *     empty EXCEPT `Connected On` (e.g. `,,,,,09 Oct 2024`). Those rows are counted in
 *     `skipped`. Lines with no content at all (blank lines, `,,,,,,`) are ignored and not
 *     counted: LinkedIn itself only writes the blank line between the notes and the header.
 *
 * Choices worth knowing:
 *   - Text is trimmed and runs of white space (and control characters) collapse to one space.
 *     Absent optional values are null, never ''. `firstName`/`lastName` are strings: a row
 *     with only one of them is kept and the other is '' (rows with neither are skipped).
 *   - `email` is null unless the value contains '@' (2018 exports put `urn:li:member:…` there).
 *   - `profileUrl` is the URL as written (trimmed); `slug` is decoded and lower-cased.
 *   - `connectedOn` is the calendar date as written (the 2018 time of day is dropped).
 *     Slash dates are month-first (LinkedIn's format) unless the file contains a slash
 *     date that can only be day-first (first number > 12), e.g. a UK Excel re-save.
 *   - A file saved by Excel with `;` or tab as separator is accepted too.
 *   - Up to MAX_CSV_CHARS characters are parsed (a 50 MB file is fine); larger input is refused.
 */
import Papa from 'papaparse';
import { parseConnectionDate, slashDateParts, type SlashDateOrder } from './connection-date';
import { slugFromProfileUrl } from './profile-url';

export { slugFromProfileUrl } from './profile-url';
export { parseConnectionDate } from './connection-date';

export type ConnectionRow = {
  firstName: string;
  lastName: string;
  slug: string | null;
  profileUrl: string | null;
  email: string | null;
  company: string | null;
  position: string | null;
  /** ISO date, YYYY-MM-DD */
  connectedOn: string | null;
};

export type ConnectionsCsvError = { line: number; message: string };

export type ConnectionsCsv = {
  /** One per named person, in file order. */
  rows: ConnectionRow[];
  /** Rows with no name (LinkedIn blanks members who hide their data). */
  skipped: number;
  /** `line` is the 1-based line of the original file; file-level problems use line 1. */
  errors: ConnectionsCsvError[];
};

/** Largest input (in UTF-16 code units, ≈ bytes for CSV text) that will be parsed. */
export const MAX_CSV_CHARS = 64 * 1024 * 1024;
/** At most this many per-line errors are listed; the rest are summarised in one entry. */
export const MAX_LISTED_ERRORS = 500;
/** The header must appear within this many CSV records (the Notes preamble is 3 lines). */
const HEADER_SEARCH_ROWS = 100;

// ---------------------------------------------------------------------------------------------
// User-facing messages
// ---------------------------------------------------------------------------------------------

export const MESSAGES = {
  notText: 'No file contents were given, so there is nothing to import.',
  empty: 'This file is empty, so there are no connections to import.',
  binary:
    "This file isn't a text CSV (it looks like an image, a spreadsheet or another binary file), so it can't be LinkedIn's Connections.csv.",
  notConnections:
    "This doesn't look like LinkedIn's Connections.csv: no 'First Name' and 'Last Name' columns were found.",
  unexpected:
    'Something unexpected went wrong while reading this file, so it could not be fully imported.',
  unclosedQuote:
    'A quoted value starts on this line but is never closed, so the file looks damaged; this line and everything after it were ignored.',
  unclosedQuoteSkipped:
    'A quoted value on this line is never closed (the file may be cut off or damaged), so this line was skipped.',
  strayQuote: 'A value on this line has a stray quote mark, so this row may have been read incorrectly.',
} as const;

const TOO_LARGE_PREFIX = 'This file is too large to import';

function tooLargeMessage(chars: number): string {
  const mb = (chars / (1024 * 1024)).toFixed(0);
  const limit = (MAX_CSV_CHARS / (1024 * 1024)).toFixed(0);
  return `${TOO_LARGE_PREFIX}: it is about ${mb} MB and the limit is ${limit} MB.`;
}

const FILE_LEVEL_MESSAGES: ReadonlySet<string> = new Set([
  MESSAGES.notText,
  MESSAGES.empty,
  MESSAGES.binary,
  MESSAGES.notConnections,
  MESSAGES.unexpected,
]);

function isFileLevelMessage(message: string): boolean {
  return FILE_LEVEL_MESSAGES.has(message) || message.startsWith(TOO_LARGE_PREFIX);
}

/**
 * One user-facing sentence when the parse result is unusable (nothing to import), else null.
 * A file that yielded rows is usable even if some lines had problems (see `errors`).
 */
export function describeCsvProblem(result: ConnectionsCsv): string | null {
  if (result.rows.length > 0) return null;
  const first = result.errors[0];
  if (first) {
    if (isFileLevelMessage(first.message)) return first.message;
    const detail = first.message.charAt(0).toLowerCase() + first.message.slice(1);
    return `No connections could be read from this file; the first problem is on line ${first.line}: ${detail}`;
  }
  if (result.skipped > 0) {
    const people = result.skipped === 1 ? 'the only person' : `all ${result.skipped} people`;
    return `LinkedIn left out the names of ${people} in this file (they hide their details from exports), so there is nobody to import.`;
  }
  return 'This Connections.csv has the right columns but no connections in it.';
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

type Field = 'firstName' | 'lastName' | 'profileUrl' | 'email' | 'company' | 'position' | 'connectedOn';

/** Header cell, reduced to ASCII letters → field. Case, spacing and punctuation are ignored. */
const HEADER_ALIASES: Readonly<Record<string, Field>> = {
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  url: 'profileUrl',
  profileurl: 'profileUrl',
  linkedinurl: 'profileUrl',
  publicprofileurl: 'profileUrl',
  emailaddress: 'email',
  email: 'email',
  company: 'company',
  companyname: 'company',
  position: 'position',
  title: 'position',
  jobtitle: 'position',
  connectedon: 'connectedOn',
  connectiondate: 'connectedOn',
  connecteddate: 'connectedOn',
};

type ColumnMap = Record<Field, number>; // -1 = column absent

function headerKey(cell: string): string {
  if (cell.length > 200) return '';
  return cell.toLowerCase().replace(/[^a-z]/g, '');
}

function columnMapFor(row: readonly string[]): ColumnMap | null {
  if (row.length < 2) return null;
  const map: ColumnMap = {
    firstName: -1,
    lastName: -1,
    profileUrl: -1,
    email: -1,
    company: -1,
    position: -1,
    connectedOn: -1,
  };
  for (let i = 0; i < row.length; i++) {
    const field = HEADER_ALIASES[headerKey(row[i] ?? '')];
    if (field !== undefined && map[field] === -1) map[field] = i;
  }
  return map.firstName >= 0 && map.lastName >= 0 ? map : null;
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const SPACE_RUN_RE = /[\s\u0000-\u001f\u007f]+/g;

/** True for characters `clean` turns into (collapsed) spaces: JS white space and control characters. */
function isSpaceLike(c: number): boolean {
  if (c <= 0x20 || c === 0x7f) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Trim, collapse white space and control characters to single spaces. */
function clean(value: string | undefined): string {
  if (value === undefined || value.length === 0) return '';
  // Fast path (almost every cell): already clean, so no regex and no new string.
  let previousWasSpace = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20) {
      if (previousWasSpace) return value.replace(SPACE_RUN_RE, ' ').trim();
      previousWasSpace = true;
    } else if (isSpaceLike(c)) {
      return value.replace(SPACE_RUN_RE, ' ').trim();
    } else {
      previousWasSpace = false;
    }
  }
  return previousWasSpace ? value.replace(SPACE_RUN_RE, ' ').trim() : value;
}

function orNull(value: string): string | null {
  return value.length === 0 ? null : value;
}

function lineBreaksIn(value: string): number {
  let count = 0;
  let at = value.indexOf('\n');
  while (at !== -1) {
    count++;
    at = value.indexOf('\n', at + 1);
  }
  return count;
}

function preview(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `“${short}”`;
}

const SAMPLE_CHARS = 8192;

/** Counts of characters that never occur in a text CSV: NULs, and all junk (NUL, C0 controls, DEL, U+FFFD). */
function binaryScore(sample: string): { nul: number; junk: number } {
  let nul = 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) junk++;
  }
  return { nul, junk };
}

/**
 * Text as it should be parsed, or a file-level message.
 * Strips a BOM, repairs UTF-16 text that was decoded as an 8-bit encoding (every other char NUL),
 * refuses binary data, and normalises CRLF / CR line breaks to LF (line numbers are unchanged).
 */
function prepareText(input: string): { text: string } | { problem: string } {
  let text = input;
  if (text.length > MAX_CSV_CHARS) return { problem: tooLargeMessage(text.length) };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) return { problem: MESSAGES.empty };

  let sample = text.slice(0, SAMPLE_CHARS);
  let score = binaryScore(sample);
  if (score.nul > sample.length * 0.3) {
    // Probably UTF-16 (Excel "Unicode Text") read as UTF-8/latin1: drop the NULs and the mangled BOM.
    const repaired = text.replace(/\u0000/g, '').replace(/^[\ufeff\ufffe\ufffd\u00ff\u00fe]+/, '');
    const repairedScore = binaryScore(repaired.slice(0, SAMPLE_CHARS));
    if (/\S/.test(repaired) && repairedScore.junk <= Math.min(SAMPLE_CHARS, repaired.length) * 0.01) {
      text = repaired;
      sample = text.slice(0, SAMPLE_CHARS);
      score = repairedScore;
    }
  }
  if (score.nul > 0 || score.junk > sample.length * 0.05) return { problem: MESSAGES.binary };

  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  return { text };
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

const DELIMITERS = [',', ';', '\t'] as const;

function papaParse(text: string, delimiter: string, previewRows: number): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: previewRows,
  });
}

function findHeader(text: string): { delimiter: string; headerIndex: number; columns: ColumnMap } | null {
  for (const delimiter of DELIMITERS) {
    const head = papaParse(text, delimiter, HEADER_SEARCH_ROWS);
    for (let i = 0; i < head.data.length; i++) {
      const columns = columnMapFor(head.data[i] ?? []);
      if (columns) return { delimiter, headerIndex: i, columns };
    }
  }
  return null;
}

class ErrorList {
  readonly items: ConnectionsCsvError[] = [];
  private overflow = 0;
  private overflowLine = 0;

  add(line: number, message: string): void {
    if (this.items.length < MAX_LISTED_ERRORS) {
      this.items.push({ line, message });
    } else {
      if (this.overflow === 0) this.overflowLine = line;
      this.overflow++;
    }
  }

  finish(): ConnectionsCsvError[] {
    if (this.overflow > 0) {
      const what = this.overflow === 1 ? 'problem' : 'problems';
      this.items.push({
        line: this.overflowLine,
        message: `${this.overflow} more ${what} from this line on are not listed.`,
      });
      this.overflow = 0;
    }
    return this.items;
  }
}

type Accumulator = { rows: ConnectionRow[]; skipped: number; errors: ErrorList };

function chooseSlashOrder(data: readonly string[][], from: number, column: number): SlashDateOrder {
  if (column < 0) return 'month-first';
  let firstOver12 = false;
  let secondOver12 = false;
  for (let i = from; i < data.length; i++) {
    const value = data[i]?.[column];
    if (value === undefined || value.indexOf('/') === -1) continue;
    const parts = slashDateParts(value);
    if (!parts) continue;
    if (parts[0] > 12) firstOver12 = true;
    if (parts[1] > 12) secondOver12 = true;
  }
  return firstOver12 && !secondOver12 ? 'day-first' : 'month-first';
}

/** Every value empty once cleaned (white space and control characters only). */
function isBlankRow(row: readonly string[]): boolean {
  for (const value of row) {
    if (clean(value).length > 0) return false;
  }
  return true;
}

type Layout = {
  columns: ColumnMap;
  headerWidth: number;
  slashOrder: SlashDateOrder;
  dateCache: Map<string, string | null>;
};

/**
 * Turns parsed records into rows. Records before `firstData` (preamble, header) are only
 * counted for line numbers. Returns the line of a record whose quoted value is never closed
 * (Papa puts the rest of the input into that value), or null when the segment was clean.
 */
function readRecords(
  segment: string,
  parsed: Papa.ParseResult<string[]>,
  firstData: number,
  firstLine: number,
  layout: Layout,
  acc: Accumulator,
): number | null {
  const data = parsed.data;
  const { columns, headerWidth, slashOrder, dateCache } = layout;

  // Papa's errors, by record index. Only quote problems can occur with a fixed delimiter.
  let unclosedAt = -1;
  const strayAt = new Set<number>();
  for (const err of parsed.errors) {
    if (typeof err.row !== 'number') continue;
    if (err.code === 'MissingQuotes') unclosedAt = unclosedAt === -1 ? err.row : Math.min(unclosedAt, err.row);
    else if (err.code === 'InvalidQuotes') strayAt.add(err.row);
  }

  const cell = (row: readonly string[], index: number): string => (index < 0 ? '' : clean(row[index]));

  // Line numbers: each record spans one line plus the line breaks inside its quoted values.
  // When the segment has exactly one line break per record boundary, no value holds one and
  // record r simply starts on line firstLine + r (the common case; skips scanning every value).
  const simpleLines = unclosedAt === -1 && lineBreaksIn(segment) <= data.length - 1;
  let line = firstLine; // line of the original file where the current record starts
  for (let r = 0; r < data.length; r++) {
    const row = data[r] ?? [];
    const rowLine = simpleLines ? firstLine + r : line;
    if (!simpleLines) {
      let breaks = 0;
      for (const value of row) if (value.indexOf('\n') !== -1) breaks += lineBreaksIn(value);
      line += 1 + breaks;
    }

    if (r === unclosedAt) return rowLine;
    if (r < firstData) continue; // preamble and header

    const firstName = cell(row, columns.firstName);
    const lastName = cell(row, columns.lastName);
    if (firstName.length === 0 && lastName.length === 0) {
      // Blank line or ",,,,,,": not a person, not counted. Anything else is a hidden member.
      if (!isBlankRow(row)) acc.skipped++;
      continue;
    }
    if (firstName.length === 10 && firstName.toLowerCase() === 'first name' && columnMapFor(row)) continue; // repeated header

    if (strayAt.has(r)) acc.errors.add(rowLine, MESSAGES.strayQuote);
    if (row.length < headerWidth) {
      acc.errors.add(
        rowLine,
        `This line has ${row.length} of the ${headerWidth} expected values, so the missing ones were left empty.`,
      );
    } else if (row.length > headerWidth && !isBlankRow(row.slice(headerWidth))) {
      acc.errors.add(
        rowLine,
        `This line has ${row.length} values instead of ${headerWidth} (perhaps an unquoted comma), so some values may be in the wrong place.`,
      );
    }

    const profileUrl = orNull(cell(row, columns.profileUrl));
    const email = cell(row, columns.email);
    const rawDate = cell(row, columns.connectedOn);
    let connectedOn: string | null = null;
    if (rawDate.length > 0) {
      const cached = dateCache.get(rawDate);
      if (cached !== undefined) {
        connectedOn = cached;
      } else {
        connectedOn = parseConnectionDate(rawDate, slashOrder);
        dateCache.set(rawDate, connectedOn);
      }
      if (connectedOn === null) {
        acc.errors.add(
          rowLine,
          `The “Connected On” date ${preview(rawDate)} isn't a date this importer understands, so it was left empty.`,
        );
      }
    }

    acc.rows.push({
      firstName,
      lastName,
      slug: profileUrl === null ? null : slugFromProfileUrl(profileUrl),
      profileUrl,
      email: email.indexOf('@') === -1 ? null : email,
      company: orNull(cell(row, columns.company)),
      position: orNull(cell(row, columns.position)),
      connectedOn,
    });
  }
  return null;
}

/** Offset of the start of line `target`, scanning forward from `offset` (which starts line `line`); -1 past the end. */
function offsetOfLine(text: string, offset: number, line: number, target: number): number {
  let at = offset;
  for (let l = line; l < target; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return -1;
    at = nl + 1;
  }
  return at < text.length ? at : -1;
}

function parseInto(input: string, acc: Accumulator): void {
  const prepared = prepareText(input);
  if ('problem' in prepared) {
    acc.errors.add(1, prepared.problem);
    return;
  }
  const { text } = prepared;

  const header = findHeader(text);
  if (!header) {
    acc.errors.add(1, MESSAGES.notConnections);
    return;
  }

  let segment = text;
  let parsed = papaParse(segment, header.delimiter, 0);
  const layout: Layout = {
    columns: header.columns,
    headerWidth: parsed.data[header.headerIndex]?.length ?? 0,
    slashOrder: chooseSlashOrder(parsed.data, header.headerIndex + 1, header.columns.connectedOn),
    dateCache: new Map(),
  };

  // A quote that is never closed makes Papa swallow the rest of the file into one value.
  // Recover by skipping that line and parsing again from the next one, within a work budget
  // so that a file full of stray quotes stays linear-ish rather than quadratic.
  let budget = text.length * 2 + 1_000_000;
  let segmentStart = 0;
  let segmentLine = 1;
  let firstData = header.headerIndex + 1;
  for (;;) {
    const unclosedLine = readRecords(segment, parsed, firstData, segmentLine, layout, acc);
    if (unclosedLine === null) return;
    const next = offsetOfLine(text, segmentStart, segmentLine, unclosedLine + 1);
    if (next === -1) {
      acc.errors.add(unclosedLine, MESSAGES.unclosedQuoteSkipped);
      return;
    }
    budget -= text.length - next; // the re-parse below reads the rest of the text again
    if (budget < 0) {
      acc.errors.add(unclosedLine, MESSAGES.unclosedQuote);
      return;
    }
    acc.errors.add(unclosedLine, MESSAGES.unclosedQuoteSkipped);
    segmentStart = next;
    segmentLine = unclosedLine + 1;
    firstData = 0;
    segment = text.slice(next);
    parsed = papaParse(segment, header.delimiter, 0);
  }
}

/**
 * Parses the text of LinkedIn's Connections.csv (any export year, with or without the Notes
 * preamble or the URL column, LF/CRLF, BOM, Excel re-saves). Never throws.
 */
export function parseConnectionsCsv(text: string): ConnectionsCsv {
  const acc: Accumulator = { rows: [], skipped: 0, errors: new ErrorList() };
  try {
    if (typeof text !== 'string') {
      acc.errors.add(1, MESSAGES.notText);
    } else {
      parseInto(text, acc);
    }
  } catch {
    acc.errors.add(1, MESSAGES.unexpected);
  }
  return { rows: acc.rows, skipped: acc.skipped, errors: acc.errors.finish() };
}
