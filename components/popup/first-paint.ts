/**
 * The popup's first screen as plain DOM, drawn by entrypoints/popup/first.ts as soon as its raw
 * IndexedDB read answers, before React (≈220 KB) has loaded. It is the markup PopupApp draws on
 * its first render for the same FirstScreen (same elements, classes, test ids and text; the texts
 * come from format.ts, shared with the components), so when React mounts into the same container
 * (its first commit replaces the container's children in one go) nothing moves or flickers.
 * tests/unit/popup/first-paint.test.tsx checks both give the same DOM.
 *
 * Until React is in, the static screen is `inert`: it looks the same but its buttons and links do
 * nothing and take no focus (a click in those ~100 ms is dropped, not replayed).
 * Text from the database is only ever set as text (text nodes, attribute values), never as HTML.
 */
import { STARTER_GOALS, describeGoal, unit } from '../../lib/goals/starters';
import { PERIOD_LABELS } from '../../lib/goals/periods';
import {
  type DueBody, NO_FOLLOW_UPS, NO_GOALS, PACE_MARK_TITLE, QUICK_LOG_CHOICES, STARTER_HINT, STREAK_TITLE,
  dueItemView, goalView, longToday, moreText, nextText, offerStarters,
} from './format';
import type { DueView, FirstScreen } from './reads';

type Attrs = Record<string, string | number | null | undefined>;
type Child = Node | string | null | false | undefined;

/** An element: attributes (null/undefined: left out) and children (strings become text nodes). */
function h(tag: string, attrs: Attrs | null, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null) continue;
      if (k === 'width' || k === 'left') el.style.setProperty(k, String(v));
      else el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) if (c) el.append(c);
  return el;
}

/**
 * Draws the first screen into `container` (replacing what is there), as PopupApp's first render
 * does for `screen` (null: nothing read, "Loading…" as React shows it) on the local day `today`.
 */
export function paintFirstScreen(container: HTMLElement, screen: FirstScreen | null, today: string): void {
  const shown = screen && screen.day === today ? screen : null;
  let n = 0;
  const newId = () => `ps${++n}`;
  const main = h('main', { class: 'p-root', 'data-testid': 'popup-root' },
    h('header', { class: 'p-header' },
      h('h1', { class: 'p-brand' }, h('span', { class: 'p-logo', 'aria-hidden': 'true' }), 'Rapport'),
      h('span', { class: 'p-muted p-small' }, longToday(today)),
      h('button', { type: 'button', class: 'p-link p-small' }, 'Options')),
    reminders(shown?.due, today, newId()),
    goals(shown, newId),
    quickLog(newId()),
    h('div', { class: 'p-status', role: 'status', 'aria-live': 'polite' }));
  main.inert = true;
  container.replaceChildren(main);
}

function section(id: string, title: string, head: Child, ...body: Child[]): HTMLElement {
  return h('section', { class: 'p-section', 'aria-labelledby': id },
    h('div', { class: 'p-section-head' }, h('h2', { id }, title), head), ...body);
}

const loading = () => h('p', { class: 'p-muted' }, 'Loading…');

function reminders(due: DueView | undefined, today: string, id: string): HTMLElement {
  if (!due) return section(id, 'Due today', null, loading());
  if (!due.entries.length) {
    const next = nextText(due, today);
    return section(id, 'Due today', null, h('div', { class: 'p-empty' },
      h('p', null, h('strong', null, 'You are all caught up.')),
      next !== null && h('p', { class: 'p-muted' }, next),
      !due.hasFollowUps && h('p', { class: 'p-muted' }, NO_FOLLOW_UPS)));
  }
  const count = due.total != null && due.total > 0 ? h('span', { class: 'p-count', 'aria-label': `${due.total} due` }, String(due.total)) : null;
  return section(id, 'Due today', count,
    h('ul', { class: 'p-list', 'aria-label': 'Things due' }, due.entries.map((e) => {
      const v = dueItemView(e, due, today);
      const when = h('span', { class: `p-when ${v.overdue ? 'p-late' : 'p-muted'}` }, v.when);
      return h('li', { class: `p-item kind-${v.kindClass}`, 'data-testid': 'reminder-item', 'data-kind': v.kindClass },
        v.body.type === 'share' ? shareBody(v.body, when) : personBody(v.body, when),
        h('div', { class: 'p-item-foot' },
          h('div', { class: 'p-actions', role: 'group', 'aria-label': `Actions for ${v.name}` },
            h('button', { type: 'button', class: 'p-btn p-primary', title: v.doneTitle }, 'Done'),
            h('button', { type: 'button', class: 'p-btn', 'aria-label': `Snooze ${v.name}` }, 'Snooze'),
            h('button', { type: 'button', class: 'p-btn p-quiet', 'aria-label': `Skip ${v.name}` }, 'Skip'))));
    })),
    due.more && h('button', { type: 'button', class: 'p-more' }, moreText(due.total, due.entries.length)));
}

function personBody(body: Extract<DueBody, { type: 'person' }>, when: HTMLElement): HTMLElement {
  const { name, url } = body;
  return h('div', { class: 'p-item-body' },
    h('div', { class: 'p-item-title' },
      name === null ? h('span', { class: 'p-name' }, 'A contact') : url
        ? h('a', { href: url, class: 'p-name', 'aria-label': `${name} — open LinkedIn profile in a new tab` },
          h('bdi', null, name), h('span', { 'aria-hidden': 'true', class: 'p-ext' }, '↗'))
        : h('span', { class: 'p-name' }, h('bdi', null, name)),
      body.tag && h('span', { class: 'p-tag' }, body.tag),
      when),
    body.text !== null && h('div', { class: 'p-item-text' }, h('bdi', null, body.text)),
    body.context !== null && h('div', { class: 'p-muted p-small' }, h('bdi', null, body.context)));
}

function shareBody(body: Extract<DueBody, { type: 'share' }>, when: HTMLElement): HTMLElement {
  return h('div', { class: 'p-item-body' },
    h('div', { class: 'p-item-title' }, h('span', { class: 'p-name' }, 'Share your expertise'), when),
    h('div', { class: 'p-item-text' }, h('bdi', null, body.text)),
    h('div', { class: 'p-muted p-small' }, body.since));
}

function goals(shown: FirstScreen | null, newId: () => string): HTMLElement {
  const id = newId();
  const list = shown?.goals;
  const settings = shown?.settings;
  const add = list && list.length > 0 && h('button', { type: 'button', class: 'p-link' }, '+ Add goal');
  if (!list || !settings) return section(id, 'Goals', add, loading());
  if (offerStarters(list, settings)) return section(id, 'Goals', add, starterOffer(newId()));
  if (!list.length) {
    return section(id, 'Goals', add, h('div', { class: 'p-empty' },
      h('p', null, h('strong', null, 'No goals yet.')),
      h('p', { class: 'p-muted' }, NO_GOALS),
      h('button', { type: 'button', class: 'p-btn p-primary' }, 'Set a goal')));
  }
  return section(id, 'Goals', add, h('ul', { class: 'p-goals' }, list.map((item) => {
    const v = goalView(item);
    return h('li', { class: `p-goal is-${v.status}`, 'data-testid': 'goal-item', 'data-metric': item.goal.metric },
      h('div', { class: 'p-goal-top' },
        h('span', { class: 'p-goal-name' }, v.name, ' ', h('span', { class: 'p-muted' }, '· ', v.period)),
        h('span', { class: 'p-goal-num', 'data-testid': 'goal-progress' }, v.count)),
      h('div', {
        class: 'p-bar', role: 'progressbar', 'aria-label': v.barLabel, 'aria-valuemin': 0,
        'aria-valuemax': item.progress.target, 'aria-valuenow': v.barNow, 'aria-valuetext': v.barText,
      },
      h('div', { class: 'p-bar-fill', width: `${v.pct}%` }),
      v.pacePct !== null && h('div', { class: 'p-bar-pace', left: `${v.pacePct}%`, title: PACE_MARK_TITLE })),
      h('div', { class: 'p-goal-foot' },
        h('span', { class: `p-pace is-${v.status}` }, v.pace),
        v.streak && h('span', { class: 'p-streak', title: STREAK_TITLE }, v.streak),
        h('button', { type: 'button', class: 'p-link p-small', 'aria-expanded': 'false', 'aria-label': v.editLabel }, 'Edit')));
  })));
}

function starterOffer(id: string): HTMLElement {
  return h('div', { class: 'p-card p-starter', 'data-testid': 'starter-goals' },
    h('p', null, h('strong', null, 'Start with three small goals')),
    h('p', { class: 'p-muted p-small' }, STARTER_HINT),
    h('ul', { class: 'p-starter-list' }, STARTER_GOALS.map((d, i) => {
      return h('li', null,
        h('input', { type: 'checkbox', id: `${id}-${i}`, checked: '', 'aria-label': `Use goal: ${describeGoal(d)}` }),
        h('input', {
          type: 'number', class: 'p-num', min: 1, max: 1000, value: d.target,
          'aria-label': `Target for ${unit(d.metric, 2)} per ${d.period}`,
        }),
        h('label', { for: `${id}-${i}` }, unit(d.metric, d.target), ' ', PERIOD_LABELS[d.period].adverb));
    })),
    h('div', { class: 'p-form-row' },
      h('button', { type: 'button', class: 'p-btn p-primary' }, 'Set these goals'),
      h('button', { type: 'button', class: 'p-btn p-quiet' }, 'Not now')));
}

function quickLog(id: string): HTMLElement {
  return section(id, 'Log something', null,
    h('div', { class: 'p-chips', role: 'group', 'aria-label': 'What did you do?' },
      QUICK_LOG_CHOICES.map((c) => h('button', { type: 'button', class: 'p-chip ', 'aria-pressed': 'false' }, c.label))));
}
