import { describe, expect, it } from 'vitest';
import { parseConnectionDate } from '../../../lib/import/connections-csv';

describe('parseConnectionDate', () => {
  it.each([
    // LinkedIn 2018
    ['1/8/18, 6:14 PM', '2018-01-08'],
    ['11/17/17, 9:40 PM', '2017-11-17'],
    ['12/31/99, 11:59 am', '1999-12-31'],
    ['1/8/2018', '2018-01-08'],
    ['01/08/2018 18:14', '2018-01-08'],
    // LinkedIn 2020+
    ['17 Jul 2022', '2022-07-17'],
    ['05 Apr 2022', '2022-04-05'],
    ['20 Nov 2018', '2018-11-20'],
    ['1 sept 2021', '2021-09-01'],
    ['17 July 2022', '2022-07-17'],
    // Excel re-saves
    ['6-Feb-26', '2026-02-06'],
    ['9-Sep-22', '2022-09-09'],
    ['09-Sep-2022', '2022-09-09'],
    ['1-Mar-70', '1970-03-01'],
    ['1-Mar-69', '2069-03-01'],
    ['1-Mar-00', '2000-03-01'],
    ['1-Mar-99', '1999-03-01'],
    // other spreadsheet shapes
    ['2022-07-17', '2022-07-17'],
    ['2022-07-17T10:00:00Z', '2022-07-17'],
    ['Jul 17, 2022', '2022-07-17'],
    ['17.07.2022', '2022-07-17'],
    ['29 Feb 2024', '2024-02-29'],
    ['  17 Jul 2022  ', '2022-07-17'],
  ])('%s → %s', (text, iso) => {
    expect(parseConnectionDate(text)).toBe(iso);
  });

  it.each([
    [''],
    ['yesterday'],
    ['31 Feb 2022'],
    ['29 Feb 2023'],
    ['29 Feb 1900'],
    ['0 Jan 2022'],
    ['32 Jan 2022'],
    ['17 Foo 2022'],
    ['13/13/22'],
    ['0/1/22'],
    ['2022-13-01'],
    ['17 Jul 22022'],
    ['17 Jul 999'],
    ['44758'], // Excel serial number
    ['1'.repeat(100)],
  ])('%j → null', (text) => {
    expect(parseConnectionDate(text)).toBeNull();
  });

  it('reads slash dates day-first when asked', () => {
    expect(parseConnectionDate('25/12/2021', 'day-first')).toBe('2021-12-25');
    expect(parseConnectionDate('1/8/18, 6:14 PM', 'day-first')).toBe('2018-08-01');
    expect(parseConnectionDate('25/12/2021')).toBeNull();
  });
});
