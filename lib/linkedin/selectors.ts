/**
 * EVERY CSS selector used to read LinkedIn pages lives here.
 *
 * Each list is an ordered fallback: the first selector that yields a value wins. Each entry says
 * which markup era it is for (see the era table in shared/fixtures/README.md). When LinkedIn ships
 * new markup, add a line at the top of the relevant list; don't edit the old ones — old pages
 * (saved, cached, A/B buckets) keep circulating.
 *
 * Selectors are scoped to the page owner's top card wherever the page also shows other people
 * ("People also viewed", the viewer's own nav-bar photo, mutual connections).
 */

export type Era =
  | 'public-2013'
  | 'public-2015'
  | 'public-2016'
  | 'loggedin-2016'
  | 'ember-2018'
  | 'loggedin-2022'
  | 'hashed-2024'
  | 'react-2026'
  | 'public-2024';

/**
 * The owner's top card, one root per era, in priority order. Each MUST start with `section` or
 * `#id` (the extractor only tries the page's <section>s and id look-ups, never a full-document
 * scan), and the field lists below are evaluated inside the root only: cheap on 1 MB pages, and
 * "People also viewed", the nav bar and mutual-connection lists stay out of reach.
 */
export const topCardRoots: ReadonlyArray<readonly [selector: string, era: Era]> = [
  ['section[componentkey$="Topcard"]', 'react-2026'], // 2026 React, every class hashed
  ['section.pv-top-card[data-member-id]', 'loggedin-2022'], // 2022 (readable classes + data-member-id)
  ['section[data-member-id]', 'hashed-2024'], // 2024–25 (hashed classes, data-member-id kept)
  ['section.pv-top-card-section', 'ember-2018'], // 2018 Ember
  ['section.top-card-layout', 'public-2024'], // public 2024–26
  ['section.top-card', 'public-2024'], // public 2026 excerpt (stub top card)
  ['#topcard', 'public-2016'], // public 2016 (v3)
  ['#top-card', 'loggedin-2016'], // logged-in 2016, public 2015 (v2)
  ['#content.hresume', 'public-2013'], // public 2013 (hResume microformat; overview sits beside the masthead)
];

export const profileSelectors = {
  name: [
    'section[componentkey$="Topcard"] a[href*="/in/"] h2', // 2026 React: h2 inside the link to the profile
    'section[data-member-id] h1', // 2022 and 2024–25 (h1 class hashed in 2025)
    '.pv-text-details__left-panel h1', // 2022 variant without data-member-id
    'h1.pv-top-card-section__name', // 2018 Ember
    'h1.top-card-layout__title', // public 2024–26
    'h1#name', // public 2016 (v3)
    '#name .full-name', // public 2013, public 2015 (v2), logged-in 2016
  ],
  headline: [
    'section[data-member-id] div.text-body-medium.break-words', // 2022 and 2024–25
    '.pv-text-details__left-panel .text-body-medium', // 2022 variant
    'h2.pv-top-card-section__headline', // 2018 Ember
    'h2.top-card-layout__headline', // public 2024–26
    'p.headline.title', // public 2016 (v3)
    '#headline .title', // public 2015 (v2), logged-in 2016
    'p.headline-title', // public 2013
  ],
  location: [
    'section[data-member-id] span.text-body-small.inline.t-black--light.break-words', // 2022 and 2024–25
    'h3.pv-top-card-section__location', // 2018 Ember
    '.top-card-layout__first-subline .not-first-middot > span:first-child', // public 2024–26
    '.top-card-layout__first-subline .top-card__subline-item:first-child', // public 2020–23
    '#demographics .locality', // public 2016 (v3)
    '#location .locality', // public 2015 (v2), logged-in 2016
    'dl#headline > dd', // public 2013: locality + "(metro area)" as displayed
  ],
  company: [
    'section[data-member-id] button[aria-label^="Current company"]', // 2024–25 (English UI)
    'section[data-member-id] [aria-label="Current company"]', // 2022 (English UI)
    '.pv-top-card-v2-section__company-name', // 2018 Ember (May–Dec)
    'h3.pv-top-card-section__company', // 2018 Ember (Feb)
    '[data-section="currentPositionsDetails"] .top-card-link__description', // public 2024–26
    '[data-section="currentPositionsDetails"] .org', // public 2016 (v3, Aug)
    'table.extra-info tr:first-child .org', // public 2016 (v3, Jan: no data-section)
    '#overview-summary-current li a', // public 2015 (v2), logged-in 2016
    'dd.summary-current .org', // public 2013
  ],
  degree: [
    'section[data-member-id] .distance-badge .dist-value', // 2022 and 2024–25
    '.pv-top-card-section__distance-badge .dist-value', // 2018 Ember
    '#top-card .degree-icon', // logged-in 2016 (localised: "3." in pl/de UIs)
  ],
  /** Elements carrying the owner's photo: `src`, `data-delayed-url` or a CSS background. */
  photo: [
    'section[componentkey$="Topcard"] [aria-label="Profile photo"] img', // 2026 React (English UI)
    'section[componentkey$="Topcard"] a[href*="/in/"] img[src*="profile-displayphoto"]', // 2026 React, any UI language (mutual-connection faces link to search, not /in/)
    'section[data-member-id] img.pv-top-card-profile-picture__image--show', // 2024–25
    'section[data-member-id] img.pv-top-card-profile-picture__image', // 2022
    'section[data-member-id] .pv-top-card__photo img', // 2022–25, class-hashed image
    'img.profile-photo-edit__preview', // 2018 Ember, own profile
    '.pv-top-card-section__photo', // 2018 Ember, other member (style background-image)
    'img.top-card-layout__entity-image', // public 2024–26
    '#topcard .profile-picture img', // public 2016 (v3, lazy: data-delayed-url)
    '#top-card .profile-picture img', // public 2015 (v2), logged-in 2016
    '#profile-picture img', // public 2013
  ],
  /** Links (inside the top card, or anywhere on unknown markup) that only ever point at the owner. */
  ownerLink: [
    'section[componentkey$="Topcard"] a[href*="/in/"]', // 2026 React: first link is the cover/photo/name
    'a[href*="/overlay/contact-info"]', // 2022–26 "Contact info"
    'a[href*="/overlay/about-this-profile"]', // 2024–25 name link
    'a[href*="/detail/contact-info"]', // 2018 Ember "See contact info"
    'a[href*="/edit/topcard"]', // 2018 Ember own profile "Edit Profile"
  ],
} as const;

export type ProfileField = keyof typeof profileSelectors;

/** 2026 React top card: no readable classes, so the extractor walks the structure from these. */
export const react2026 = {
  topCard: 'section[componentkey$="Topcard"]', // 2026 React
  nameHeading: 'a[href*="/in/"] h2', // 2026 React
  contactLink: 'a[href*="/overlay/contact-info"]', // 2026 React: the location row holds this link
  /** Alternate-state wrapper: a degree label inside it is not the displayed one. */
  alternateWrapper: 'div[data-display-contents="true"]', // 2026 React
} as const;

/** Page-level metadata (all eras that have a <head>). */
export const metaSelectors = {
  canonical: 'link[rel="canonical"]',
  ogUrl: 'meta[property="og:url"]',
  ogTitle: 'meta[property="og:title"]',
  ogImage: 'meta[property="og:image"]',
  ogDescription: 'meta[property="og:description"]',
  description: 'meta[name="description"]',
  pageKey: 'meta[name="pageKey"]',
  jsonLd: 'script[type="application/ld+json"]',
  /** Server-rendered JSON: logged-in 2016 `top_card-content` and 2018–25 voyager `bpr-guid-*`. */
  codeBlobs: 'code',
} as const;

/** Group pages. No real group page was available; these follow the profile eras' conventions. */
export const groupSelectors = {
  name: [
    'section[componentkey$="GroupTopcard"] h1', // 2026 React (assumed like the profile top card)
    'h1.groups-entity-top-card__title', // logged-in 2019–25
    'h1.top-card-layout__title', // public 2022–26 guest group page
    '.groups-header .group-name', // classic 2014
  ],
  memberCount: [
    '.groups-entity-top-card__member-count', // logged-in 2019–25
    '.top-card-layout__first-subline', // public 2022–26 guest group page
    '.groups-header .member-count', // classic 2014
  ],
  description: [
    '.groups-entity-about__description', // logged-in 2019–25
    '.groups-guest-about__description', // public 2022–26 guest group page
    '.core-section-container__content .about-description', // public 2022–26 (older guest layout)
    '#group-description .description', // classic 2014
  ],
} as const;
