import { describe, expect, it } from 'vitest';
import { clean, normaliseDegree, parseMemberCount, parseTitle, realPhotoUrl } from '../../../lib/linkedin/text';

describe('text helpers', () => {
  it('collapses white space and turns empty text into null', () => {
    expect(clean('  Ada \n\t  Example  ')).toBe('Ada Example');
    expect(clean(' \u00a0 ')).toBeNull();
    expect(clean(undefined)).toBeNull();
  });

  it('normalises degree labels, including localised ones', () => {
    const cases: Array<[string, string | null]> = [
      ['1st', '1st'], ['· 2nd', '2nd'], ['3rd+', '3rd'], ['2nd degree connection', '2nd'],
      ['3.', '3rd'], ['3 .', '3rd'], ['2e', '2nd'], ['1er', '1st'], ['1º', '1st'], ['Out of network', null], ['', null], ['21st', null],
    ];
    for (const [label, want] of cases) expect(normaliseDegree(label), label).toBe(want);
  });

  it('parses member counts', () => {
    const cases: Array<[string, number | null]> = [
      ['1,234 members', 1234], ['12K members', 12000], ['1.2M members', 1200000], ['1 member', 1],
      ['1.234 Mitglieder', 1234], ['1 234 membres', 1234], ['12,5K members', 12500], ['Group · 45,678 members', 45678],
      ['no count here', null], ['members', null],
    ];
    for (const [text, want] of cases) expect(parseMemberCount(text), text).toBe(want);
  });

  it('reads a person name from the title shapes of every era', () => {
    const cases: Array<[string, string | null, string]> = [
      ['Ada Example | LinkedIn', 'Ada Example', 'person'],
      ['(3) Ada Example | LinkedIn', 'Ada Example', 'person-with-count'],
      ['(99+) Ada Example | LinkedIn', 'Ada Example', 'person-with-count'],
      ['Ada Example - Engine Programmer | LinkedIn', 'Ada Example', 'person-with-title-parts'],
      ['Ada Example – Programmer – Example Engines | LinkedIn', 'Ada Example', 'person-with-title-parts'],
      ['Jean-Luc Exemple | LinkedIn', 'Jean-Luc Exemple', 'person'],
      ['Experience | Ada Example | LinkedIn', null, 'multi-section'],
      ['Sign Up | LinkedIn', null, 'wall-or-error'],
      ['LinkedIn: Log In or Sign Up', null, 'wall-or-error'],
      ['Profile Not Found | LinkedIn', null, 'wall-or-error'],
      ['LinkedIn', null, 'brand-only'],
      ['', null, 'none'],
      ['Some other site', null, 'unrecognised'],
    ];
    for (const [title, name, shape] of cases) expect(parseTitle(title), title).toMatchObject({ name, shape });
  });

  it('rejects placeholder photos', () => {
    expect(realPhotoUrl('https://media.licdn.com/dms/image/X/profile-displayphoto-shrink_200_200/0/1')).not.toBeNull();
    expect(realPhotoUrl('data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP')).toBeNull();
    expect(realPhotoUrl('https://static.licdn.com/aero-v1/sc/h/9c8pery4andzj6ohjkjp54ma2')).toBeNull();
    expect(realPhotoUrl('https://static.licdn.com/scds/common/u/images/themes/katy/ghosts/person/ghost_person_200x200_v1.png')).toBeNull();
    expect(realPhotoUrl('')).toBeNull();
  });
});
