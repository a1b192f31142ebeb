// @vitest-environment jsdom
/**
 * The popup's static first screen (components/popup/first-paint.ts, drawn before React loads) must
 * be what React's first render draws for the same FirstScreen: React then replaces it without
 * anything visibly changing. Both are drawn into a container and compared element by element
 * (tags, attributes, text, input state); the ids React makes up (useId) are compared by position.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { paintFirstScreen } from '../../../components/popup/first-paint';
import { type FirstScreen, readFirstScreen } from '../../../components/popup/reads';
import type { RapportDB } from '../../../lib/db/db';
import type { ActivityKind, Goal } from '../../../lib/db/schema';
import { recordActivity } from '../../../lib/domain/activities';
import { writeSettings } from '../../../lib/domain/settings';
import { plusDays } from '../../../lib/goals/periods';
import { addContact, addReminder, freshDb } from '../reminders/helpers';

const TODAY = '2026-03-05'; // a Thursday: a share-expertise day by default
const NOW = new Date(`${TODAY}T10:00:00`);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** React's first render of the popup for `screen` (read before React started, as in the popup). */
function reactDom(screen: FirstScreen | null): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(<PopupApp first={Promise.resolve(screen)} initial={{ value: screen }} />));
  const copy = container.cloneNode(true) as HTMLElement;
  root.unmount();
  container.remove();
  return copy;
}

function staticDom(screen: FirstScreen | null, today = TODAY): HTMLElement {
  const container = document.createElement('div');
  paintFirstScreen(container, screen, today);
  return container;
}

/** The DOM as text: sorted attributes, merged text, input state; ids replaced by their order of appearance. */
function serialize(root: HTMLElement): string {
  const ids = new Map<string, string>();
  const base = (id: string) => id.replace(/-\d+$/, '');
  for (const el of root.querySelectorAll('[id]')) if (!ids.has(base(el.id))) ids.set(base(el.id), `id${ids.size + 1}`);
  const fix = (v: string) => v.replace(/^(.*?)(-\d+)?$/, (_, b: string, n = '') => (ids.get(b) ?? b) + n);
  const out: string[] = [];
  const walk = (node: Node, depth: number) => {
    const pad = '  '.repeat(depth);
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(`${pad}"${node.textContent}"`);
      return;
    }
    const el = node as HTMLElement;
    const attrs = [...el.attributes]
      .filter((a) => a.name !== 'inert')
      .map((a) => `${a.name}="${['id', 'for', 'aria-labelledby'].includes(a.name) ? fix(a.value) : a.value}"`)
      .sort();
    if (el instanceof HTMLInputElement) attrs.push(`.checked=${el.checked}`, `.value=${el.value}`);
    if (el instanceof HTMLButtonElement) attrs.push(`.disabled=${el.disabled}`);
    out.push(`${pad}<${el.tagName.toLowerCase()} ${attrs.join(' ')}>`);
    el.normalize();
    el.childNodes.forEach((c) => walk(c, depth + 1));
  };
  root.childNodes.forEach((c) => walk(c, 0));
  return out.join('\n');
}

function expectSame(screen: FirstScreen | null): string {
  const react = serialize(reactDom(screen));
  expect(serialize(staticDom(screen))).toBe(react);
  return react;
}

async function goals(db: RapportDB, list: Pick<Goal, 'metric' | 'target' | 'period'>[]) {
  for (const g of list) await db.goals.add({ ...g, active: true, createdAt: 1, updatedAt: 1 } as Goal);
}

async function activities(db: RapportDB, kind: ActivityKind, days: string[]) {
  for (const date of days) await recordActivity(db, { kind, date, source: 'popup' }, NOW);
}

describe("the popup's static first screen is React's first render", () => {
  it('nothing read yet (no database): the header and "Loading…"; the static screen is inert', async () => {
    const html = expectSame(null);
    expect(html).toContain('"Loading…"');
    const dom = staticDom(null);
    expect(dom.querySelectorAll('[data-testid="popup-root"]')).toHaveLength(1);
    expect((dom.firstElementChild as HTMLElement).inert).toBe(true);
  });

  it('first run: starter goals offered, nothing due, advice on follow-ups', async () => {
    const db = freshDb();
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [2, 4], prompts: ['Offer an hour.'] } });
    const screen = await readFirstScreen(db, NOW, TODAY);
    const html = expectSame(screen);
    expect(html).toContain('data-testid="starter-goals"');
    expect(html).toContain('"You are all caught up."');
    expect(html).toContain('Save people from their LinkedIn profile');
  });

  it('no goals (starters declined), nothing due today but something later', async () => {
    const db = freshDb();
    await writeSettings(db, { starterGoalsOffered: true, shareExpertise: { enabled: false, weekdays: [2, 4], prompts: ['Offer an hour.'] } });
    await addContact(db, { name: 'Ada Invented', nextFollowUp: plusDays(TODAY, 3) });
    const screen = await readFirstScreen(db, NOW, TODAY);
    const html = expectSame(screen);
    expect(html).toContain('"No goals yet."');
    expect(html).toContain('Next: Keep in touch with Ada Invented');
    expect(html).not.toContain('data-testid="goal-item"');
  });

  it('goals met and behind, overdue follow-ups, commitments, the share-expertise prompt, more than a page due', async () => {
    const db = freshDb();
    await writeSettings(db, { starterGoalsOffered: true, weekStart: 1 });
    await goals(db, [
      { metric: 'new-connection', target: 2, period: 'week' },
      { metric: 'expertise-shared', target: 30, period: 'month' },
      { metric: 'event-attended', target: 1, period: 'quarter' },
    ]);
    await activities(db, 'expertise-shared', ['2026-03-01']);
    await activities(db, 'event-attended', ['2026-01-20', '2026-02-02']);
    for (let i = 0; i < 3; i++) await addContact(db, { connectedOn: plusDays(TODAY, -i) });
    const ada = await addContact(db, {
      name: 'Ada \u202EInvented', profileUrl: 'https://www.linkedin.com/in/ada-invented/', nextFollowUp: plusDays(TODAY, -9),
      relationships: ['mentor'], lastInteraction: '2026-01-02', connectedOn: '2024-05-01',
    });
    await addContact(db, { name: '<b>Not bold</b>', profileUrl: 'javascript:alert(1)', nextFollowUp: plusDays(TODAY, -1) });
    await addContact(db, { name: 'Due Today', nextFollowUp: TODAY });
    await addReminder(db, { kind: 'commitment', title: 'Send the <i>deck</i>', contactId: ada, due: plusDays(TODAY, -2) });
    await addReminder(db, { kind: 'follow-up', title: 'Ask about the meetup', contactId: null, due: plusDays(TODAY, -3) });
    await addReminder(db, { kind: 'share-expertise', title: 'Answer a question in a group', due: plusDays(TODAY, -60) });
    for (let i = 0; i < 30; i++) await addContact(db, { nextFollowUp: TODAY });
    const screen = await readFirstScreen(db, NOW, TODAY);
    expect(screen.due.more).toBe(true);
    expect(screen.goals.map((g) => g.progress.status)).toContain('met');
    expect(screen.goals.map((g) => g.progress.status)).toContain('behind');
    const html = expectSame(screen);
    expect(html.match(/data-testid="goal-item"/g)).toHaveLength(3);
    expect(html.match(/data-testid="reminder-item"/g)).toHaveLength(25);
    expect(html).toContain('data-kind="share-expertise"');
    expect(html).toContain('"Answer a question in a group"');
    expect(html).toContain('"Send the <i>deck</i>"'); // text, not markup
    expect(html).toContain('"Ada ⟨U+202E⟩Invented"');
    expect(html).toContain('days overdue');
    expect(html).toContain('href="https://www.linkedin.com/in/ada-invented/"');
    expect(html).toContain('"Promised"');
    expect(html).toContain('"Follow-up"');
    expect(html).toContain('"Show more"');
    // Database text is never parsed as HTML.
    const dom = staticDom(screen);
    expect(dom.querySelector('b, i')).toBeNull();
    expect(dom.querySelector('a[href^="javascript"]')).toBeNull();
    // Read without the total (the popup's own read): no count until the popup has counted.
    expect(html).not.toContain('class="p-count"');

    // The first screen the background keeps ready knows the total: the count shows at once, in both.
    const kept = { ...screen, due: { ...screen.due, total: 37 } };
    const withTotal = expectSame(kept);
    expect(withTotal).toContain('<span aria-label="37 due" class="p-count">');
    expect(withTotal).toContain('"Show more (12 more due)"');
  });

  it('a first screen read for another day is not shown (React shows "Loading…" too)', async () => {
    const db = freshDb();
    await writeSettings(db, { starterGoalsOffered: true });
    const screen = await readFirstScreen(db, NOW, plusDays(TODAY, -1));
    const react = serialize(reactDom(screen));
    expect(serialize(staticDom(screen))).toBe(react);
    expect(react).toContain('"Loading…"');
  });

  it('React draws over the static screen: one popup root, the same goal items, no leftovers', async () => {
    const db = freshDb();
    await writeSettings(db, { starterGoalsOffered: true });
    await goals(db, [{ metric: 'new-connection', target: 2, period: 'week' }]);
    await addContact(db, { name: 'Grace Invented', nextFollowUp: TODAY });
    const screen = await readFirstScreen(db, NOW, TODAY);
    const container = document.createElement('div');
    document.body.append(container);
    paintFirstScreen(container, screen, TODAY);
    const root = createRoot(container);
    flushSync(() => root.render(<PopupApp first={Promise.resolve(screen)} initial={{ value: screen }} />));
    expect(container.querySelectorAll('[data-testid="popup-root"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="goal-item"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="reminder-item"]')).toHaveLength(1);
    expect(container.querySelector('[inert]')).toBeNull();
    root.unmount();
  });
});
