// @vitest-environment jsdom
/**
 * extractProfile / extractGroup on the committed, invented fixtures (tests/fixtures/linkedin):
 * fictional people and groups shaped like each markup era, so the extractors stay tested when
 * ../shared/fixtures is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractGroup, extractProfile, findTopCard, type ProfileSnapshot } from '../../../lib/linkedin/extract';
import { extractProfileWithDiagnostics } from '../../../lib/linkedin/diagnostics';
import { topCardRoots } from '../../../lib/linkedin/selectors';

const DIR = path.resolve(__dirname, '../../fixtures/linkedin');

function html(body: string): Document {
  return new DOMParser().parseFromString(body, 'text/html');
}

function load(file: string): Document {
  return html(fs.readFileSync(path.join(DIR, file), 'utf8'));
}

const profiles: Array<[file: string, url: string, expected: ProfileSnapshot]> = [
  [
    'profile-ember-2018.html',
    'https://www.linkedin.com/in/ada-example/',
    {
      slug: 'ada-example', name: 'Ada Example', headline: 'Analytical Engine Programmer', location: 'London, United Kingdom',
      company: 'Example Engines Ltd', degree: '2nd',
      photoUrl: 'https://media.licdn.com/dms/image/INVENTED1/profile-displayphoto-shrink_800_800/0?e=1550102400&v=beta&t=invented',
    },
  ],
  [
    'profile-hashed-2024.html',
    'https://www.linkedin.com/in/bruno-placeholder/',
    {
      slug: 'bruno-placeholder', name: 'Bruno Placeholder', headline: 'Placeholder Architect | Fixture Builder', location: 'Lisbon, Portugal',
      company: 'Fixture Works', degree: '3rd', photoUrl: null,
    },
  ],
  [
    'profile-react-2026.html',
    'https://www.linkedin.com/in/chidi-sample/',
    {
      slug: 'chidi-sample', name: 'Chidi Sample', headline: 'Moral Philosophy Lecturer', location: 'Nairobi, Kenya',
      company: 'Invented University', degree: '2nd',
      photoUrl: 'https://media.licdn.com/dms/image/v2/INVENTED2/profile-displayphoto-shrink_200_200/0/1?e=1778716800&v=beta&t=invented',
    },
  ],
  [
    'profile-public-2024.html',
    'https://de.linkedin.com/in/dana-fictive-9f8e7d',
    {
      slug: 'dana-fictive-9f8e7d', name: 'Dana Fictive', headline: 'Writes mocks, stubs & fakes', location: 'Berlin, Berlin, Germany',
      company: 'Stubbs & Co',
      degree: null,
      photoUrl: 'https://media.licdn.com/dms/image/INVENTED3/profile-displayphoto-shrink_200_200/0/1?e=2147483647&v=beta&t=invented',
    },
  ],
];

describe('extractProfile on invented pages of each markup era', () => {
  for (const [file, url, expected] of profiles) {
    it(`reads every field of ${file}`, () => {
      expect(extractProfile(load(file), url)).toEqual(expected);
    });
  }

  it('takes the degree outside the 2026 alternate-state wrapper, not the hidden one nor "More profiles"', () => {
    expect(extractProfile(load('profile-react-2026.html'), 'https://www.linkedin.com/in/chidi-sample/')?.degree).toBe('2nd');
  });

  it('does not take a mutual connection\'s face for the owner\'s photo (2026)', () => {
    const doc = load('profile-react-2026.html');
    doc.querySelector('[aria-label="Profile photo"] img')?.remove(); // owner without a photo
    expect(extractProfile(doc, 'https://www.linkedin.com/in/chidi-sample/')?.photoUrl).toBeNull();
  });

  it('ignores degree badges and photos of other people (People also viewed, viewer nav bar)', () => {
    const ada = extractProfile(load('profile-ember-2018.html'), 'https://www.linkedin.com/in/ada-example/');
    expect(ada?.degree).toBe('2nd');
    expect(ada?.photoUrl).not.toContain('VIEWER');
    const bruno = extractProfile(load('profile-hashed-2024.html'), 'https://www.linkedin.com/in/bruno-placeholder/');
    expect(bruno?.photoUrl).toBeNull(); // ghost placeholder, not the viewer's nav-bar photo
  });

  it('does not trust <code> JSON that names another person (stale SPA data)', () => {
    const doc = load('profile-hashed-2024.html');
    doc.querySelector('section[data-member-id]')?.remove(); // top card not rendered (yet)
    const snapshot = extractProfile(doc, 'https://www.linkedin.com/in/bruno-placeholder/');
    expect(snapshot?.name).toBe('Bruno Placeholder'); // from the title, not "Stale Other"
    expect(snapshot?.headline).toBeNull();
    expect(extractProfile(doc, 'https://www.linkedin.com/in/stale-other-person/')?.headline).toBe('Stale headline');
  });

  it('returns only the URL when the DOM still shows the previous person', () => {
    const snapshot = extractProfile(load('profile-hashed-2024.html'), 'https://www.linkedin.com/in/next-person/');
    expect(snapshot).toEqual({
      slug: 'next-person', name: null, headline: null, location: null, company: null, degree: null, photoUrl: null,
    });
  });

  it('uses the vanity slug the page names when the URL holds a member id', () => {
    const snapshot = extractProfile(load('profile-hashed-2024.html'), 'https://www.linkedin.com/in/ACoAAAbcdefghijklmnopqrstuvwxyz/');
    expect(snapshot?.slug).toBe('bruno-placeholder');
    expect(snapshot?.name).toBe('Bruno Placeholder');
  });

  it('falls back to JSON-LD and the title on a public page whose markup is unknown', () => {
    const doc = load('profile-public-2024.html');
    doc.querySelector('section.top-card-layout')?.remove();
    expect(extractProfile(doc, 'https://de.linkedin.com/in/dana-fictive-9f8e7d/')).toEqual({
      slug: 'dana-fictive-9f8e7d', name: 'Dana Fictive', headline: null, location: 'Berlin, Berlin, Germany', company: 'Stubbs & Co', degree: null,
      photoUrl: 'https://media.licdn.com/dms/image/INVENTED3/profile-displayphoto-shrink_200_200/0/1?e=2147483647&v=beta&t=invented',
    });
  });

  it('reads a 2016 localised degree label ("3.") and 2016 layouts', () => {
    const doc = html(`<div id="top-card"><div class="profile-picture"><img src="https://media.licdn.com/mpr/mpr/shrinknp_400_400/x.jpg"></div>
      <div id="name"><h1><span class="full-name">Eve Invented</span></h1></div><abbr class="degree-icon">3<sup>.</sup></abbr>
      <div id="headline"><p class="title">Tester</p></div><div id="location"><span class="locality">Kraków, Poland</span></div>
      <table><tr id="overview-summary-current"><th><a href="#x">Obecnie</a></th><td><ol><li><a href="/company/1">Fikcja</a>, </li></ol></td></tr></table></div>`);
    expect(extractProfile(doc, 'https://pl.linkedin.com/in/eve-invented')).toEqual({
      slug: 'eve-invented', name: 'Eve Invented', headline: 'Tester', location: 'Kraków, Poland', company: 'Fikcja', degree: '3rd',
      photoUrl: 'https://media.licdn.com/mpr/mpr/shrinknp_400_400/x.jpg',
    });
  });

  it('returns null on walls, error pages, detail sub-pages and non-profile URLs', () => {
    const wall = html('<html><head><title>Sign Up | LinkedIn</title><link rel="canonical" href="/authwall"></head><body><h1>Join LinkedIn</h1></body></html>');
    expect(extractProfile(wall, 'https://www.linkedin.com/in/ada-example/')).toBeNull();
    const notFound = html('<html><head><title>Profile Not Found | LinkedIn</title></head><body><h1>An exact match could not be found.</h1></body></html>');
    expect(extractProfile(notFound, 'https://www.linkedin.com/in/ada-example/')).toBeNull();
    const details = html('<html><head><title>Experience | Ada Example | LinkedIn</title></head><body><ul><li>Job</li></ul></body></html>');
    expect(extractProfile(details, 'https://www.linkedin.com/in/ada-example/details/experience/')).toBeNull();
    expect(extractProfile(details, 'https://www.linkedin.com/in/ada-example/')).toBeNull(); // multi-part title: a sub-page
    const ada = load('profile-ember-2018.html');
    for (const url of ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/company/example/', 'https://www.linkedin.com/groups/4242/']) {
      expect(extractProfile(ada, url), url).toBeNull(); // a stale top card at a non-profile URL
    }
  });

  it('keeps the slug and title name when the markup is unknown', () => {
    const doc = html('<html><head><title>(12) Frank Madeup - Chief Example Officer | LinkedIn</title></head><body><div><div>?</div></div></body></html>');
    expect(extractProfile(doc, 'https://www.linkedin.com/in/Frank-Madeup/?trk=x#top')).toEqual({
      slug: 'frank-madeup', name: 'Frank Madeup', headline: null, location: null, company: null, degree: null, photoUrl: null,
    });
  });

  it('never throws: empty documents, random HTML, garbage URLs', () => {
    const docs = [
      html(''),
      html('<p>hello</p>'),
      html('<section componentkey="xTopcard"><a href="/in/"><h2></h2></a><p>· 9th</p></section>'),
      html('<section data-member-id><h1></h1></section><code>{not json</code><script type="application/ld+json">{]</script>'),
      html('<div id="top-card"></div><code><!--{"content":{"TopCard":null}}--></code>'),
    ];
    for (const doc of docs) {
      for (const url of ['', 'garbage', 'https://www.linkedin.com/in/%E0%A4%A/', 'https://www.linkedin.com/in/x/', 'javascript:alert(1)']) {
        expect(() => extractProfile(doc, url)).not.toThrow();
        expect(() => extractGroup(doc, url)).not.toThrow();
        expect(() => extractProfileWithDiagnostics(doc, url)).not.toThrow();
      }
    }
  });

  it('keeps every top-card root cheap to find (section… or #id… selectors only)', () => {
    for (const [selector] of topCardRoots) expect(selector, selector).toMatch(/^(section|#[\w-]+)/);
    expect(findTopCard(load('profile-react-2026.html'))?.era).toBe('react-2026');
    expect(findTopCard(load('profile-ember-2018.html'))?.era).toBe('ember-2018');
  });
});

describe('extractProfileWithDiagnostics', () => {
  it('lists the fields it could not read, the URL kind and era, without page text', () => {
    const doc = html('<html><head><title>(3) Grace Fakename | LinkedIn</title></head><body><section data-member-id="1"><h1>Grace Fakename</h1></section></body></html>');
    const { snapshot, missing, report } = extractProfileWithDiagnostics(doc, 'https://www.linkedin.com/in/grace-fakename/overlay/contact-info/');
    expect(snapshot?.name).toBe('Grace Fakename');
    expect(missing).toEqual(['headline', 'location', 'company', 'degree', 'photoUrl']);
    expect(report).toContain('url kind: profile (sub-path: overlay)');
    expect(report).toContain('markup era guess: hashed-2024');
    expect(report).toContain('title shape: person-with-count');
    expect(report).toMatch(/headline: MISSING, tried: .*section\[data-member-id\] div\.text-body-medium/);
    expect(report).toContain('name: ok (selectors)');
    for (const text of ['Grace', 'Fakename', 'grace-fakename', '(3)']) expect(report).not.toContain(text);
  });

  it('reports a URL-only reading on unknown markup', () => {
    const doc = html('<html><head><title>Hana Unknown | LinkedIn</title></head><body></body></html>');
    const { missing, report } = extractProfileWithDiagnostics(doc, 'https://www.linkedin.com/in/hana-unknown/');
    expect(missing).toEqual(['headline', 'location', 'company', 'degree', 'photoUrl']);
    expect(report).toContain('verdict: url-only');
    expect(report).toContain('markup era guess: unknown');
    expect(report).toContain('name: ok (title)');
    expect(report).not.toMatch(/Hana|Unknown|hana-unknown/);
  });
});

describe('extractGroup', () => {
  const cases: Array<[file: string, url: string, expected: unknown]> = [
    ['group-classic-2014.html', 'https://www.linkedin.com/groups?gid=4242&trk=x', {
      groupId: '4242', name: 'Example Engine Enthusiasts', memberCount: 1234, description: 'A place for people who build imaginary engines.',
    }],
    ['group-loggedin-2022.html', 'https://www.linkedin.com/groups/9876543/', {
      groupId: '9876543', name: 'Fixture Builders Guild', memberCount: 12000, description: 'We build test fixtures by hand.',
    }],
    ['group-public-2025.html', 'https://www.linkedin.com/groups/1112223', {
      groupId: '1112223', name: 'Mock Data Society', memberCount: 1200000, description: 'Where fake data is made with care.',
    }],
    ['group-title-only.html', 'https://de.linkedin.com/groups/Placeholder-Alumni-Network-5550001/about/', {
      groupId: '5550001', name: 'Placeholder Alumni Network', memberCount: 3456,
      description: 'Placeholder Alumni Network has 3,456 members. Alumni of places that never existed.',
    }],
  ];
  for (const [file, url, expected] of cases) {
    it(`reads ${file}`, () => {
      expect(extractGroup(load(file), url)).toEqual(expected);
    });
  }

  it('falls back to <title> without og: tags, and returns null on non-group URLs', () => {
    const doc = html('<html><head><title>(1) Bare Group | Groups | LinkedIn</title></head><body></body></html>');
    expect(extractGroup(doc, 'https://www.linkedin.com/groups/77/')).toEqual({ groupId: '77', name: 'Bare Group', memberCount: null, description: null });
    expect(extractGroup(doc, 'https://www.linkedin.com/in/ada-example/')).toBeNull();
    expect(extractGroup(doc, 'https://www.linkedin.com/feed/')).toBeNull();
  });
});
