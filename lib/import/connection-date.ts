/**
 * Date parsing for the "Connected On" column of LinkedIn's Connections.csv.
 *
 * Formats seen in real exports:
 *   - 2018:            `1/8/18, 6:14 PM`   (month/day/two-digit year, time ignored)
 *   - 2020 – 2025:     `17 Jul 2022`, `05 Apr 2022`
 *   - Excel re-saves:  `9-Sep-22`, `6-Feb-26`
 * Also accepted, because spreadsheet round-trips produce them: `2022-07-17`, `Jul 17, 2022`,
 * `17.07.2022`, `09-Sep-2022`, full month names.
 *
 * Two-digit years: 00–69 → 20xx, 70–99 → 19xx.
 */

export type SlashDateOrder = 'month-first' | 'day-first';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

const TIME = String.raw`(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)`;
// 1/8/18, 6:14 PM   |   1/8/2018   |   01/08/2018 18:14
const SLASH_RE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s*${TIME})?$`, 'i');
// 17 Jul 2022 | 9-Sep-22 | 09-Sep-2022 | 17 July, 2022 | 17 Jul. 2022
const DAY_MONTH_YEAR_RE = /^(\d{1,2})(?:\s+|\s*-\s*)([a-z]{3,9})\.?(?:,?\s+|\s*-\s*)(\d{2}|\d{4})$/i;
// Jul 17, 2022 | July 17 2022
const MONTH_DAY_YEAR_RE = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
// 2022-07-17 | 2022-07-17T10:00:00Z | 2022/07/17
const ISO_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s].*)?$/i;
// 17.07.2022 | 17.07.22 (European spreadsheets)
const DOTTED_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;

function expandYear(text: string): number {
  const n = Number(text);
  if (text.length === 2) return n <= 69 ? 2000 + n : 1900 + n;
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase()] ?? null;
}

/**
 * Reads the first two numbers of a `a/b/yy` date, or null when the text is not such a date.
 * Used to decide, per file, whether slash dates are month-first (LinkedIn's own 2018 format)
 * or day-first (a spreadsheet re-save in a day-first locale).
 */
export function slashDateParts(text: string): [number, number] | null {
  const m = SLASH_RE.exec(text.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2])];
}

/**
 * Parses one "Connected On" value into `YYYY-MM-DD`.
 * Returns null when the text is not a date we understand, or is not a real calendar date.
 * The time of day (2018 exports) is dropped: the date is kept as written.
 */
export function parseConnectionDate(text: string, slashOrder: SlashDateOrder = 'month-first'): string | null {
  const s = text.trim();
  if (s.length === 0 || s.length > 64) return null;

  let m = DAY_MONTH_YEAR_RE.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === null ? null : toIso(expandYear(m[3] ?? ''), month, Number(m[1]));
  }
  m = SLASH_RE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = expandYear(m[3] ?? '');
    return slashOrder === 'month-first' ? toIso(year, a, b) : toIso(year, b, a);
  }
  m = ISO_RE.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY_YEAR_RE.exec(s);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month === null ? null : toIso(Number(m[3]), month, Number(m[2]));
  }
  m = DOTTED_RE.exec(s);
  if (m) return toIso(expandYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  return null;
}
