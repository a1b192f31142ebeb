import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeCsvProblem,
  MESSAGES,
  parseConnectionsCsv,
  type ConnectionRow,
  type ConnectionsCsv,
} from '../../../lib/import/connections-csv';
import { readInvented, readShared, SHARED_CSV_DIR, SHARED_CSV_EXISTS } from './fixtures';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Invariants every parse result must satisfy. */
function expectWellFormed(result: ConnectionsCsv): void {
  for (const row of result.rows) {
    expect(row.firstName.length + row.lastName.length).toBeGreaterThan(0);
    for (const key of ['slug', 'profileUrl', 'email', 'company', 'position', 'connectedOn'] as const) {
      expect(row[key]).not.toBe('');
    }
    for (const value of Object.values(row)) {
      if (typeof value === 'string') expect(value).toBe(value.replace(/\s+/g, ' ').trim());
    }
    if (row.connectedOn !== null) expect(row.connectedOn).toMatch(ISO_DATE);
  }
}

type Expected = Pick<ConnectionRow, 'firstName' | 'lastName' | 'slug' | 'company' | 'position' | 'connectedOn'>;

function pick(row: ConnectionRow | undefined): Expected | undefined {
  if (!row) return undefined;
  const { firstName, lastName, slug, company, position, connectedOn } = row;
  return { firstName, lastName, slug, company, position, connectedOn };
}

// ---------------------------------------------------------------------------------------------
// Real exports from ../shared/fixtures/csv (counts read from the files with an independent
// Python csv reader: named rows, rows with neither first nor last name, dates).
// ---------------------------------------------------------------------------------------------

if (!SHARED_CSV_EXISTS) console.warn('../shared/fixtures/csv not found: skipping real-CSV tests');

type RealCase = {
  file: string;
  header: 'no-url' | 'url';
  preamble: boolean;
  rows: number;
  skipped: number;
  withEmail: number;
  minDate: string;
  maxDate: string;
  first: Expected;
  last: Expected;
};

const REAL: RealCase[] = [
  {
    file: 'abhishekwebcode-export-2018-11/Connections.csv', // 2018, "1/8/18, 6:14 PM", urn in one e-mail cell
    header: 'no-url',
    preamble: false,
    rows: 41,
    skipped: 0,
    withEmail: 40,
    minDate: '2015-07-21',
    maxDate: '2018-10-18',
    first: { firstName: 'Claus', lastName: 'Bergh', slug: null, company: 'ApproveIT', position: 'Owner', connectedOn: '2018-01-08' },
    last: { firstName: 'Vidit', lastName: 'kumar', slug: null, company: 'ISTEPS', position: 'CTO', connectedOn: '2018-10-18' },
  },
  {
    file: 'alvimokw-network-visualizer-2022-08/Connections.csv', // Notes preamble, "17 Jul 2022"
    header: 'no-url',
    preamble: true,
    rows: 284,
    skipped: 1,
    withEmail: 1,
    minDate: '2020-07-21',
    maxDate: '2022-07-17',
    first: { firstName: 'Young Il', lastName: 'Park', slug: null, company: 'Kookmin University', position: 'Student Researcher', connectedOn: '2022-07-17' },
    // "Finity Technologies " has a trailing space in the file
    last: { firstName: 'Matthew', lastName: 'Chiu', slug: null, company: 'Finity Technologies', position: "Founder's Associate Intern", connectedOn: '2020-07-21' },
  },
  {
    file: 'banana0000-linkedin-analysis-2025-01/Connections.csv', // Notes preamble + URL column
    header: 'url',
    preamble: true,
    rows: 360,
    skipped: 8,
    withEmail: 19,
    minDate: '2022-03-31',
    maxDate: '2024-12-31',
    first: { firstName: 'Wilco', lastName: 'Nagtzaam', slug: 'wilco-nagtzaam-5635a017', company: 'KPN', position: 'Data Analytics Consultant', connectedOn: '2024-12-31' },
    last: { firstName: 'Laszlo', lastName: 'Nemeth', slug: 'laszlo-nemeth-hun', company: 'Magyar Nemzeti Bank', position: 'System Administrator', connectedOn: '2022-03-31' },
  },
  {
    file: 'banana0000-linkedin-analysis-2025-01/Connections.user-edited-no-notes.csv', // preamble removed
    header: 'url',
    preamble: false,
    rows: 360,
    skipped: 8,
    withEmail: 19,
    minDate: '2022-03-31',
    maxDate: '2024-12-31',
    first: { firstName: 'Wilco', lastName: 'Nagtzaam', slug: 'wilco-nagtzaam-5635a017', company: 'KPN', position: 'Data Analytics Consultant', connectedOn: '2024-12-31' },
    last: { firstName: 'Laszlo', lastName: 'Nemeth', slug: 'laszlo-nemeth-hun', company: 'Magyar Nemzeti Bank', position: 'System Administrator', connectedOn: '2022-03-31' },
  },
  {
    file: 'sajiah-mylinkedindata-2022-09/Connections.csv', // Notes preamble, Arabic names
    header: 'no-url',
    preamble: true,
    rows: 306,
    skipped: 7,
    withEmail: 4,
    minDate: '2017-03-01',
    maxDate: '2022-09-09',
    first: { firstName: 'Ashwathy', lastName: 'Rameshan', slug: null, company: 'Syracuse University', position: 'Computer Science Grader', connectedOn: '2022-09-09' },
    last: { firstName: 'Shahriar', lastName: 'Quayser', slug: null, company: 'Reprise Digital', position: 'Paid Search Account Analyst', connectedOn: '2017-03-01' },
  },
  {
    file: 'sajiah-mylinkedindata-2022-09/Connections.user-edited-excel.csv', // Excel: CRLF, "9-Sep-22"
    header: 'no-url',
    preamble: false,
    rows: 306,
    skipped: 7,
    withEmail: 4,
    minDate: '2017-03-01',
    maxDate: '2022-09-09',
    first: { firstName: 'Ashwathy', lastName: 'Rameshan', slug: null, company: 'Syracuse University', position: 'Computer Science Grader', connectedOn: '2022-09-09' },
    last: { firstName: 'Shahriar', lastName: 'Quayser', slug: null, company: 'Reprise Digital', position: 'Paid Search Account Analyst', connectedOn: '2017-03-01' },
  },
];

describe.skipIf(!SHARED_CSV_EXISTS)('real Connections.csv exports (../shared/fixtures/csv)', () => {
  it('covers every Connections*.csv in the shared fixtures', () => {
    const found = fs
      .readdirSync(SHARED_CSV_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => /(^|[/\\])Connections[^/\\]*\.csv$/.test(f))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(found).toEqual(REAL.map((c) => c.file).sort());
  });

  describe.each(REAL)('$file', (c) => {
    const text = SHARED_CSV_EXISTS ? readShared(c.file) : '';
    const result = parseConnectionsCsv(text);

    it('has the file traits this case claims', () => {
      expect(text.startsWith('Notes:')).toBe(c.preamble);
      expect(/^(?:Notes:[\s\S]*?\n)?First Name,Last Name,URL,/m.test(text)).toBe(c.header === 'url');
    });

    it('counts named rows and hidden members, with no errors', () => {
      expect(result.rows).toHaveLength(c.rows);
      expect(result.skipped).toBe(c.skipped);
      expect(result.errors).toEqual([]);
      expect(describeCsvProblem(result)).toBeNull();
    });

    it('reads the first and last rows', () => {
      expect(pick(result.rows[0])).toEqual(c.first);
      expect(pick(result.rows.at(-1))).toEqual(c.last);
    });

    it('reads every date, URL and e-mail', () => {
      expectWellFormed(result);
      const dates = result.rows.map((r) => r.connectedOn);
      expect(dates.every((d) => d !== null && ISO_DATE.test(d))).toBe(true);
      const sorted = [...(dates as string[])].sort();
      expect(sorted[0]).toBe(c.minDate);
      expect(sorted.at(-1)).toBe(c.maxDate);
      expect(result.rows.filter((r) => r.email !== null)).toHaveLength(c.withEmail);
      expect(result.rows.every((r) => r.email === null || r.email.includes('@'))).toBe(true);
      if (c.header === 'url') {
        expect(result.rows.every((r) => r.profileUrl !== null && r.slug !== null)).toBe(true);
        for (const r of result.rows) {
          expect(r.slug).toBe(r.slug?.toLowerCase());
          expect(r.slug).not.toMatch(/[%/?#\s]/);
        }
      } else {
        expect(result.rows.every((r) => r.profileUrl === null && r.slug === null)).toBe(true);
      }
    });
  });

  it('2025: decodes percent-encoded slugs (38 of them hold non-ASCII letters)', () => {
    const result = parseConnectionsCsv(readShared('banana0000-linkedin-analysis-2025-01/Connections.csv'));
    const encoded = result.rows.filter((r) => r.profileUrl?.includes('%'));
    expect(encoded).toHaveLength(38);
    for (const r of encoded) {
      expect(r.slug).toMatch(/[^\x00-\x7f]/);
      expect(r.slug).toBe(decodeURIComponent(r.profileUrl?.split('/in/')[1] ?? '').toLowerCase());
    }
  });

  it('2018: an urn:li:member value in the e-mail column is not an e-mail', () => {
    const text = readShared('abhishekwebcode-export-2018-11/Connections.csv');
    expect(text).toContain(',urn:li:member:');
    const result = parseConnectionsCsv(text);
    expect(result.rows.filter((r) => r.email === null)).toHaveLength(1);
  });

  it('the same export with and without the Notes preamble parses identically', () => {
    const a = parseConnectionsCsv(readShared('banana0000-linkedin-analysis-2025-01/Connections.csv'));
    const b = parseConnectionsCsv(readShared('banana0000-linkedin-analysis-2025-01/Connections.user-edited-no-notes.csv'));
    expect(b.rows).toEqual(a.rows);
    expect(b.skipped).toBe(a.skipped);
  });

  it('the Excel re-save (CRLF, 9-Sep-22) parses identically to the original export', () => {
    const excelText = readShared('sajiah-mylinkedindata-2022-09/Connections.user-edited-excel.csv');
    expect(excelText).toContain('\r\n');
    expect(excelText).toContain(',9-Sep-22\r\n');
    const original = parseConnectionsCsv(readShared('sajiah-mylinkedindata-2022-09/Connections.csv'));
    const excel = parseConnectionsCsv(excelText);
    expect(excel.rows).toEqual(original.rows);
    expect(excel.skipped).toBe(original.skipped);
  });

  it('hidden members are rows whose only value is the date (as LinkedIn writes them)', () => {
    // Checked on the real files: every nameless row is ",,,,,[,]<date>"; none is fully empty.
    for (const c of REAL) {
      const lines = readShared(c.file).split(/\r?\n/);
      const nameless = lines.filter((l) => l.startsWith(',,'));
      expect(nameless).toHaveLength(c.skipped);
      for (const l of nameless) expect(l).toMatch(/^,{5,6}\S.*$/);
    }
  });

  it('the 2014 groups CSV is reported as not a Connections.csv', () => {
    const result = parseConnectionsCsv(readShared('kevwill-linkedin-group-scraper-2014-03/linkedin-groups.csv'));
    expect(result.rows).toEqual([]);
    expect(result.skipped).toBe(0);
    expect(result.errors).toEqual([{ line: 1, message: MESSAGES.notConnections }]);
    expect(describeCsvProblem(result)).toBe(
      "This doesn't look like LinkedIn's Connections.csv: no 'First Name' and 'Last Name' columns were found.",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Invented fixtures (tests/fixtures/csv): every field asserted.
// ---------------------------------------------------------------------------------------------

const ADA_NO_URL = {
  firstName: 'Ada',
  lastName: 'Example',
  slug: null,
  profileUrl: null,
  company: 'Analytical Engines Ltd',
  position: 'Programmer',
} as const;

describe('invented fixtures', () => {
  it('2018 export without URL column, "20 Nov 2018" dates, quoted commas', () => {
    const text = readInvented('connections-2018-no-url.csv');
    expect(text.endsWith('\n')).toBe(false);
    const result = parseConnectionsCsv(text);
    expect(result).toEqual({
      rows: [
        { ...ADA_NO_URL, email: 'ada@example.com', connectedOn: '2018-11-20' },
        {
          firstName: 'Pat',
          lastName: "O'Brien",
          slug: null,
          profileUrl: null,
          email: null,
          company: "O'Brien, Pat & Partners",
          position: 'Director, Sales',
          connectedOn: '2018-03-02',
        },
        {
          firstName: 'Jürgen',
          lastName: 'Müßig',
          slug: null,
          profileUrl: null,
          email: null,
          company: 'Beispiel GmbH',
          position: 'Geschäftsführer',
          connectedOn: '2017-01-01',
        },
      ],
      skipped: 0,
      errors: [],
    });
    expect(describeCsvProblem(result)).toBeNull();
  });

  it('2018 "1/8/18, 6:14 PM" dates (month first, time dropped, 99 → 1999) and urn e-mails', () => {
    const result = parseConnectionsCsv(readInvented('connections-2018-ampm.csv'));
    expect(result).toEqual({
      rows: [
        { ...ADA_NO_URL, email: 'ada@example.com', connectedOn: '2018-01-08' },
        {
          firstName: 'Grace',
          lastName: 'Sample',
          slug: null,
          profileUrl: null,
          email: null,
          company: null,
          position: null,
          connectedOn: '2017-11-17',
        },
        {
          firstName: 'Alan',
          lastName: 'Placeholder',
          slug: null,
          profileUrl: null,
          email: 'alan@example.org',
          company: 'Bletchley Example Park',
          position: 'Cryptanalyst, Hut 8',
          connectedOn: '1999-12-31',
        },
      ],
      skipped: 0,
      errors: [],
    });
  });

  it('2022 export with Notes preamble, "17 Jul 2022", a hidden member and untidy white space', () => {
    const text = readInvented('connections-2022-notes.csv');
    expect(text.startsWith('Notes:\n"')).toBe(true);
    const result = parseConnectionsCsv(text);
    expect(result).toEqual({
      rows: [
        { ...ADA_NO_URL, email: null, connectedOn: '2022-07-17' },
        {
          firstName: 'Chidi',
          lastName: 'Anagonye',
          slug: null,
          profileUrl: null,
          email: null,
          company: 'Ethics, Inc.',
          position: 'Professor of Moral Philosophy',
          connectedOn: '2020-02-29',
        },
        {
          firstName: 'Zoë',
          lastName: 'Testperson',
          slug: null,
          profileUrl: null,
          email: 'zoe@example.net',
          company: null,
          position: null,
          connectedOn: '2020-07-21',
        },
      ],
      skipped: 1,
      errors: [],
    });
  });

  it('2025 export with URL column: percent-encoded slug, country sub-domain, trailing slash', () => {
    const result = parseConnectionsCsv(readInvented('connections-2025-url.csv'));
    expect(result).toEqual({
      rows: [
        {
          firstName: 'Ada',
          lastName: 'Example',
          slug: 'ada-example-1a2b3c',
          profileUrl: 'https://www.linkedin.com/in/ada-example-1a2b3c',
          email: null,
          company: 'Analytical Engines Ltd',
          position: 'Programmer',
          connectedOn: '2024-12-31',
        },
        {
          firstName: 'Jürgen',
          lastName: 'Müßig',
          slug: 'jürgen-müßig',
          profileUrl: 'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BC%C3%9Fig',
          email: 'juergen@example.de',
          company: 'Beispiel GmbH',
          position: 'Leiter, Vertrieb',
          connectedOn: '2024-10-09',
        },
        {
          firstName: 'Pat',
          lastName: "O'Brien",
          slug: 'pat-obrien',
          profileUrl: 'https://ie.linkedin.com/in/pat-obrien/',
          email: null,
          company: "O'Brien, Pat & Partners",
          position: 'Director',
          connectedOn: '2022-04-05',
        },
        {
          firstName: 'Søren',
          lastName: 'Åberg',
          slug: null,
          profileUrl: null,
          email: null,
          company: null,
          position: null,
          connectedOn: '2022-03-31',
        },
      ],
      skipped: 1,
      errors: [],
    });
  });

  it('Excel re-save with CRLF and "9-Sep-22" / "6-Feb-26" dates', () => {
    const text = readInvented('connections-excel-crlf.csv');
    expect(text.split('\r\n')).toHaveLength(6); // CRLF kept byte-exact (see .gitattributes)
    const result = parseConnectionsCsv(text);
    expect(result).toEqual({
      rows: [
        { ...ADA_NO_URL, email: null, connectedOn: '2022-09-09' },
        {
          firstName: 'Pat',
          lastName: "O'Brien",
          slug: null,
          profileUrl: null,
          email: 'pat@example.ie',
          company: "O'Brien, Pat & Partners",
          position: 'Director',
          connectedOn: '2026-02-06',
        },
        {
          firstName: 'Grace',
          lastName: 'Sample',
          slug: null,
          profileUrl: null,
          email: null,
          company: null,
          position: null,
          connectedOn: '2017-03-01',
        },
      ],
      skipped: 1,
      errors: [],
    });
  });

  it('BOM before the header; http:// + country sub-domain + query string URL', () => {
    const text = readInvented('connections-bom.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const result = parseConnectionsCsv(text);
    expect(result).toEqual({
      rows: [
        {
          firstName: 'Ada',
          lastName: 'Example',
          slug: 'ada-example-1a2b3c',
          profileUrl: 'https://www.linkedin.com/in/ada-example-1a2b3c',
          email: null,
          company: 'Analytical Engines Ltd',
          position: 'Programmer',
          connectedOn: '2022-07-17',
        },
        {
          firstName: 'Jürgen',
          lastName: 'Müßig',
          slug: 'juergen-muessig',
          profileUrl: 'http://de.linkedin.com/in/juergen-muessig?trk=people-guest',
          email: null,
          company: 'Beispiel GmbH',
          position: null,
          connectedOn: '2018-11-20',
        },
      ],
      skipped: 0,
      errors: [],
    });
  });

  it('hidden members are skipped and counted; empty lines and all-empty rows are ignored', () => {
    const result = parseConnectionsCsv(readInvented('connections-hidden-members.csv'));
    expect(result).toEqual({
      rows: [
        {
          firstName: 'Ada',
          lastName: 'Example',
          slug: 'ada-example-1a2b3c',
          profileUrl: 'https://www.linkedin.com/in/ada-example-1a2b3c',
          email: null,
          company: null,
          position: null,
          connectedOn: '2024-05-21',
        },
        // Only a first name: kept (a person is named); the missing last name is ''.
        {
          firstName: 'Grace',
          lastName: '',
          slug: null,
          profileUrl: null,
          email: null,
          company: null,
          position: null,
          connectedOn: null,
        },
      ],
      skipped: 3,
      errors: [],
    });
  });

  it('only hidden members: describeCsvProblem explains that nobody can be imported', () => {
    const result = parseConnectionsCsv('First Name,Last Name,Connected On\n,,09 Oct 2024\n,,10 Oct 2024\n');
    expect(result).toEqual({ rows: [], skipped: 2, errors: [] });
    expect(describeCsvProblem(result)).toMatch(/all 2 people .*nobody to import/);
  });

  it('header only: describeCsvProblem says there are no connections', () => {
    const result = parseConnectionsCsv('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n');
    expect(result).toEqual({ rows: [], skipped: 0, errors: [] });
    expect(describeCsvProblem(result)).toBe('This Connections.csv has the right columns but no connections in it.');
  });

  it("LinkedIn's invented-messages-export.csv is not a Connections.csv", () => {
    const result = parseConnectionsCsv(readInvented('invented-messages-export.csv'));
    expect(result).toEqual({ rows: [], skipped: 0, errors: [{ line: 1, message: MESSAGES.notConnections }] });
  });
});

// ---------------------------------------------------------------------------------------------
// Header and layout tolerance
// ---------------------------------------------------------------------------------------------

describe('header and layout', () => {
  it('matches the header case- and white-space-insensitively, in any column order', () => {
    const text = '  connected on ,EMAIL ADDRESS, first  name,LAST NAME,url,Company,position\n' +
      '17 Jul 2022,ada@example.com,Ada,Example,https://www.linkedin.com/in/ada-x,Acme,CTO\n';
    expect(parseConnectionsCsv(text).rows).toEqual([
      {
        firstName: 'Ada',
        lastName: 'Example',
        slug: 'ada-x',
        profileUrl: 'https://www.linkedin.com/in/ada-x',
        email: 'ada@example.com',
        company: 'Acme',
        position: 'CTO',
        connectedOn: '2022-07-17',
      },
    ]);
  });

  it('finds the header after a preamble of any (reasonable) length', () => {
    const preamble = 'Notes:\n"line one,\nline two"\nsome other line\n\n\n';
    const result = parseConnectionsCsv(`${preamble}First Name,Last Name,Connected On\nAda,Example,17 Jul 2022\n`);
    expect(result.rows.map((r) => r.firstName)).toEqual(['Ada']);
    expect(result.errors).toEqual([]);
  });

  it('accepts semicolon- and tab-separated re-saves', () => {
    const semi = parseConnectionsCsv('First Name;Last Name;Company;Connected On\r\nAda;Example;"Acme; Inc";17.07.2022\r\n');
    expect(semi.rows).toEqual([
      { firstName: 'Ada', lastName: 'Example', slug: null, profileUrl: null, email: null, company: 'Acme; Inc', position: null, connectedOn: '2022-07-17' },
    ]);
    const tab = parseConnectionsCsv('First Name\tLast Name\tConnected On\nAda\tExample\t2022-07-17\n');
    expect(tab.rows.map((r) => [r.firstName, r.connectedOn])).toEqual([['Ada', '2022-07-17']]);
  });

  it('ignores a repeated header row (two exports pasted together)', () => {
    const h = 'First Name,Last Name,Connected On\n';
    const result = parseConnectionsCsv(`${h}Ada,Example,17 Jul 2022\n${h}Grace,Sample,18 Jul 2022\n`);
    expect(result.rows.map((r) => r.firstName)).toEqual(['Ada', 'Grace']);
    expect(result.skipped).toBe(0);
  });

  it('keeps values with embedded line breaks, collapsed to one line', () => {
    const result = parseConnectionsCsv('First Name,Last Name,Position,Connected On\nAda,Example,"Head of\r\n  Engines",17 Jul 2022\n');
    expect(result.rows[0]?.position).toBe('Head of Engines');
  });

  it('uses day-first slash dates when the file can only be day-first (e.g. a UK re-save)', () => {
    const result = parseConnectionsCsv('First Name,Last Name,Connected On\nAda,Example,25/12/2021\nGrace,Sample,01/02/2022\n');
    expect(result.rows.map((r) => r.connectedOn)).toEqual(['2021-12-25', '2022-02-01']);
    const us = parseConnectionsCsv('First Name,Last Name,Connected On\nAda,Example,12/25/2021\nGrace,Sample,01/02/2022\n');
    expect(us.rows.map((r) => r.connectedOn)).toEqual(['2021-12-25', '2022-01-02']);
  });
});

// ---------------------------------------------------------------------------------------------
// Per-line problems: reported with 1-based lines of the original file
// ---------------------------------------------------------------------------------------------

describe('per-line problems', () => {
  const NOTES = 'Notes:\n"Some text,\nover two lines"\n\n'; // lines 1–4; header on line 5

  it('an invalid date leaves connectedOn null and reports that line', () => {
    const text = `${NOTES}First Name,Last Name,Connected On\nAda,Example,31 Feb 2022\nGrace,Sample,"Head\nline",yesterday\nAlan,Placeholder,someday\n`;
    // header on line 5, Ada 6, Grace 7 (spans 7–8 and has one value too many), Alan 9
    const result = parseConnectionsCsv(text);
    expect(result.rows.map((r) => [r.firstName, r.connectedOn])).toEqual([
      ['Ada', null],
      ['Grace', null],
      ['Alan', null],
    ]);
    expect(result.errors.map((e) => e.line)).toEqual([6, 7, 7, 9]);
    expect(result.errors[0]?.message).toBe(
      "The “Connected On” date “31 Feb 2022” isn't a date this importer understands, so it was left empty.",
    );
    expect(result.errors[1]?.message).toMatch(/4 values instead of 3/);
    expect(result.errors[2]?.message).toMatch(/“Head line”/);
    expect(result.errors[3]?.message).toMatch(/“someday”/);
    expect(describeCsvProblem(result)).toBeNull();
  });

  it('line numbers count CRLF line breaks the same as LF', () => {
    const text = 'First Name,Last Name,Connected On\r\n\r\nAda,Example,bad date\r\n';
    expect(parseConnectionsCsv(text).errors.map((e) => e.line)).toEqual([3]);
  });

  it('a row with fewer values than the header keeps what it has and reports the line', () => {
    const result = parseConnectionsCsv('First Name,Last Name,Company,Connected On\nAda,Example\n');
    expect(result.rows).toEqual([
      { firstName: 'Ada', lastName: 'Example', slug: null, profileUrl: null, email: null, company: null, position: null, connectedOn: null },
    ]);
    expect(result.errors).toEqual([{ line: 2, message: 'This line has 2 of the 4 expected values, so the missing ones were left empty.' }]);
  });

  it('trailing empty values beyond the header are not a problem', () => {
    const result = parseConnectionsCsv('First Name,Last Name,Connected On\nAda,Example,17 Jul 2022,,\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('lists at most MAX_LISTED_ERRORS problems and summarises the rest', () => {
    const lines = ['First Name,Last Name,Connected On'];
    for (let i = 0; i < 600; i++) lines.push(`P${i},Q,not a date`);
    const result = parseConnectionsCsv(lines.join('\n'));
    expect(result.rows).toHaveLength(600);
    expect(result.errors).toHaveLength(501);
    expect(result.errors[500]).toEqual({ line: 502, message: '100 more problems from this line on are not listed.' });
  });
});
