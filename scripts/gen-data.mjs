#!/usr/bin/env node
/**
 * Synthetic data for the benchmark suite — every person is invented, and the output is a pure
 * function of the seed (same seed → byte-identical output).
 *
 *   node scripts/gen-data.mjs [--seed 7] [--contacts 30000] [--reminders 5000] [--out .output/bench/data]
 *
 * Writes:
 *   bundle.json        { contacts, notes, interactions, activities, reminders } — the shape of
 *                      `manage.restoreContacts` (records with ids), used to seed the database
 *   goals.json         a few active goals (what the popup draws)
 *   Connections.csv    LinkedIn's 2025 export format: a `Notes:` preamble, a blank line, the header
 *                      `First Name,Last Name,URL,Email Address,Company,Position,Connected On`
 *                      (quoted where needed, dates like `31 Dec 2024`)
 *   import-records.json the contact records an import of Connections.csv creates (for the raw
 *                      IndexedDB baseline of the import scenario)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

// Invented name parts, combined: no real person is described.
const FIRST = [
  'Ada', 'Bram', 'Cleo', 'Dario', 'Elin', 'Femi', 'Greta', 'Hugo', 'Iris', 'Jonas', 'Kaia', 'Luca', 'Mira', 'Nils',
  'Oona', 'Pavel', 'Quinn', 'Rosa', 'Soren', 'Tala', 'Uma', 'Viggo', 'Wren', 'Xavi', 'Yara', 'Zeno', 'Amara', 'Björn',
  'Chiara', 'Dmitri', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ilse', 'Jarek', 'Keiko', 'Lior', 'Maël', 'Noor', 'Otto',
  'Priya', 'Rafael', 'Saoirse', 'Tomasz', 'Ulla', 'Vera', 'Wim', 'Yusuf', 'Zofia', 'Ines', 'Jürgen', 'Ngozi', 'Aiyana',
];
const LAST = [
  'Abernathy', 'Brightwater', 'Castellano', 'Dunmore', 'Eskildsen', 'Fairweather', 'Galloway', 'Halvorsen', 'Ibarra',
  'Juniper', 'Kowalczyk', 'Lindqvist', 'Marchetti', 'Nakamura', 'Okonkwo', 'Pemberton', 'Quintero', 'Rasmussen',
  'Sandoval', 'Thorsby', 'Underhill', 'Vasquez', 'Whitlock', 'Xanthos', 'Yilmaz', 'Zielinski', 'Ashdown', 'Bellweather',
  'Crowhurst', 'Delacroix', 'Emberley', 'Fitzroy', 'Grünwald', 'Hollister', 'Ingram', 'Jovanović', "O'Hara", 'Kessler',
  'Lockwood', 'Montague', 'Norcross', 'Oakhurst', 'Pryce', 'Rookwood', 'Stanhope', 'Tennant', 'Van der Berg', 'Waverly',
];
const COMPANIES = [
  'Northwind Analytics', 'Bluefin Robotics', 'Cedar & Pine Consulting', 'Example Health', 'Lumen Logistics', 'Orbital Foods',
  'Quarry Labs', 'Riverstone Bank', 'Silverleaf Energy', 'Tidewater Media', 'Umber Architects', 'Vantage Learning',
  'Willow Biotech', 'Zephyr Games', 'Acme Example GmbH', 'Halcyon Insurance', 'Ironbark Security', 'Juno Fashion',
];
const POSITIONS = [
  'Data Engineer', 'Product Manager', 'Head of Partnerships', 'UX Researcher', 'Staff Software Engineer', 'Recruiter',
  'Chief Financial Officer', 'Marketing Lead', 'Solutions Architect', 'Operations Manager', 'Design Director',
  'Clinical Data Scientist', 'Account Executive', 'Community Manager', 'Founder', 'Talent Partner, EMEA',
];
const CITIES = ['Lisbon, Portugal', 'Oslo, Norway', 'Austin, Texas, United States', 'Nairobi, Kenya', 'Osaka, Japan',
  'Melbourne, Victoria, Australia', 'Toronto, Ontario, Canada', 'Utrecht, Netherlands', 'Kraków, Poland', 'Pune, India'];
const TAGS = ['ml', 'fintech', 'climate', 'hiring', 'speaker', 'alumni', 'design', 'board', 'investor', 'open-source'];
const RELS = ['mentor', 'mentee', 'peer', 'collaborator', 'expert', 'recruiter', 'friend'];
const NOTE_BITS = [
  'Met at the Lisbon data meetup; interested in streaming pipelines.',
  'Offered to review my talk proposal before the deadline.',
  'Looking for a mentor in product strategy — suggested a monthly call.',
  'Introduced me to the platform team at their company.',
  'Shares great threads on hiring fairly; ask about their rubric.',
  'Runs the regional women-in-tech group; volunteer slots open in spring.',
  'We co-wrote the migration guide; follow up on the second edition.',
  'Prefers e-mail over messages; busy in Q4.',
];
const INTERACTION_KINDS = ['message', 'call', 'met-at-event', 'mentorship', 'collaboration', 'introduction', 'help-given', 'help-received', 'expertise-shared'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const BASE = Date.UTC(2026, 0, 15); // fixed: output must not depend on the clock

export function slugify(s) {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
function normaliseName(name) {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** People: the shared identity of the CSV rows and the database contacts. */
export function generatePeople(n, seed) {
  const r = rng(seed);
  const people = [];
  for (let i = 0; i < n; i++) {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const name = `${first} ${last}`;
    const slug = `${slugify(name)}-${(i + 1).toString(36)}${r.int(100, 999)}`;
    const connected = new Date(BASE - r.int(1, 3650) * 86400_000);
    people.push({
      first, last, name, slug,
      company: r.chance(0.9) ? r.pick(COMPANIES) : null,
      position: r.chance(0.9) ? r.pick(POSITIONS) : null,
      email: r.chance(0.15) ? `${slugify(first)}.${slugify(last)}${i}@example.com` : null,
      location: r.pick(CITIES),
      connectedOn: isoDay(connected),
    });
  }
  return people;
}

/** The database content: contacts with notes, interactions (and the activities they earn), reminders. */
export function generateBundle({ contacts: n = 30_000, reminders: nr = 5_000, seed = 7 } = {}) {
  const people = generatePeople(n, seed);
  const r = rng(seed * 31 + 1);
  const t0 = BASE;
  const contacts = [], notes = [], interactions = [], activities = [], reminders = [];
  let noteId = 1, interactionId = 1, activityId = 1;
  people.forEach((p, i) => {
    const id = i + 1;
    const nInteractions = r.int(0, 4);
    const dates = Array.from({ length: nInteractions }, () => isoDay(new Date(t0 - r.int(1, 720) * 86400_000))).sort();
    const last = dates.at(-1) ?? null;
    const cadence = r.chance(0.3) ? r.pick([30, 60, 90, 120]) : null;
    contacts.push({
      id, slug: p.slug, profileUrl: `https://www.linkedin.com/in/${p.slug}/`, name: p.name, nameLower: normaliseName(p.name),
      headline: p.position && p.company ? `${p.position} at ${p.company}` : null, location: p.location, company: p.company,
      position: p.position, email: p.email, photoUrl: null, degree: '1st', status: 'connected', connectedOn: p.connectedOn,
      relationships: r.chance(0.4) ? [r.pick(RELS)] : [], tags: r.chance(0.5) ? [...new Set([r.pick(TAGS), r.pick(TAGS)])] : [],
      howWeMet: r.chance(0.2) ? { kind: 'text', text: 'Conference hallway track' } : null,
      cadenceDays: cadence, lastInteraction: last,
      nextFollowUp: cadence && last ? isoDay(new Date(Date.parse(last) + cadence * 86400_000)) : null,
      followUpManual: false, source: 'csv', userFields: [], createdAt: t0 - r.int(0, 1e9), updatedAt: t0,
    });
    const nNotes = r.chance(0.7) ? r.int(1, 2) : 0;
    for (let k = 0; k < nNotes; k++) {
      const created = t0 - r.int(0, 2e9);
      notes.push({ id: noteId++, targetType: 'contact', targetId: id, text: `${r.pick(NOTE_BITS)} ${r.pick(NOTE_BITS)}`, createdAt: created, updatedAt: created });
    }
    for (const date of dates) {
      const kind = r.pick(INTERACTION_KINDS);
      const iid = interactionId++;
      interactions.push({ id: iid, contactId: id, kind, date, note: r.chance(0.5) ? r.pick(NOTE_BITS) : null, createdAt: Date.parse(date) });
      const act = { mentorship: 'mentorship', collaboration: 'collaboration', 'met-at-event': 'event-attended', 'expertise-shared': 'expertise-shared' }[kind];
      if (act) {
        activities.push({ id: activityId++, kind: act, date, contactId: id, groupId: null, eventId: null, interactionId: iid,
          reminderId: null, note: null, source: 'panel', createdAt: Date.parse(date) });
      }
    }
  });
  // As the app keeps them: share-expertise prompts done in the past, and exactly ONE open (on the
  // default Tue/Thu schedule), so the background has nothing to fix when the profile starts.
  for (let i = 0; i < nr; i++) {
    const contactId = r.int(1, n);
    const due = isoDay(new Date(t0 + r.int(-60, 120) * 86400_000));
    const last = i === nr - 1;
    const kind = last ? 'share-expertise' : r.pick(['follow-up', 'commitment', 'commitment', 'share-expertise']);
    const share = kind === 'share-expertise';
    reminders.push({
      id: i + 1, kind, title: share ? 'Answer a question in one of your groups.' : `Send ${contacts[contactId - 1].name.split(' ')[0]} the deck`,
      contactId: share ? null : contactId, groupId: null, due,
      recurrence: share ? { every: 'weekdays', weekdays: [2, 4] } : null,
      state: last || (!share && r.chance(0.85)) ? 'open' : 'done', snoozedUntil: null, doneAt: null, createdAt: t0, updatedAt: t0,
    });
  }
  return { contacts, notes, interactions, activities, reminders };
}

/** Goals the popup draws (schema: lib/db/schema.ts goalSchema). */
export function generateGoals() {
  const t = BASE;
  return [
    { id: 1, metric: 'new-connection', target: 10, period: 'month', active: true, createdAt: t, updatedAt: t },
    { id: 2, metric: 'expertise-shared', target: 2, period: 'week', active: true, createdAt: t, updatedAt: t },
    { id: 3, metric: 'event-attended', target: 3, period: 'quarter', active: true, createdAt: t, updatedAt: t },
  ];
}

function csvField(v) {
  if (v == null) return '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** LinkedIn's 2025 `Connections.csv`. */
export function generateConnectionsCsv({ contacts: n = 30_000, seed = 7 } = {}) {
  const people = generatePeople(n, seed + 1000); // different people than the database: an import of new contacts
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. Invented benchmark data: this paragraph only mimics the shape of LinkedIn\'s notes, with a link https://www.example.com/help, commas, and no real data."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (const p of people) {
    const [y, m, d] = p.connectedOn.split('-');
    const date = `${d} ${MONTHS[Number(m) - 1]} ${y}`;
    lines.push([p.first, p.last, `https://www.linkedin.com/in/${p.slug}`, p.email, p.company, p.position, date].map(csvField).join(','));
  }
  return { text: lines.join('\n') + '\n', people };
}

/** The contact records an import of these people creates (same fields and indexes as the app's). */
export function importRecords(people) {
  const t = BASE;
  return people.map((p) => ({
    slug: p.slug, profileUrl: `https://www.linkedin.com/in/${p.slug}`, name: p.name, nameLower: normaliseName(p.name),
    headline: null, location: null, company: p.company, position: p.position, email: p.email, photoUrl: null, degree: '1st',
    status: 'connected', connectedOn: p.connectedOn, relationships: [], tags: [], howWeMet: null, cadenceDays: null,
    lastInteraction: null, nextFollowUp: null, followUpManual: false, source: 'csv', userFields: [], createdAt: t, updatedAt: t,
  }));
}

export function writeAll({ out, seed = 7, contacts = 30_000, reminders = 5_000 }) {
  mkdirSync(out, { recursive: true });
  const bundle = generateBundle({ contacts, reminders, seed });
  writeFileSync(resolve(out, 'bundle.json'), JSON.stringify(bundle));
  writeFileSync(resolve(out, 'goals.json'), JSON.stringify(generateGoals()));
  const csv = generateConnectionsCsv({ contacts, seed });
  writeFileSync(resolve(out, 'Connections.csv'), csv.text);
  writeFileSync(resolve(out, 'import-records.json'), JSON.stringify(importRecords(csv.people)));
  return { bundle, csvBytes: Buffer.byteLength(csv.text) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const out = resolve(arg('out', '.output/bench/data'));
  const { bundle, csvBytes } = writeAll({ out, seed: Number(arg('seed', 7)), contacts: Number(arg('contacts', 30_000)), reminders: Number(arg('reminders', 5_000)) });
  console.log(`wrote ${out}: ${bundle.contacts.length} contacts, ${bundle.notes.length} notes, ${bundle.interactions.length} interactions, ` +
    `${bundle.activities.length} activities, ${bundle.reminders.length} reminders; Connections.csv ${(csvBytes / 1e6).toFixed(1)} MB`);
}
