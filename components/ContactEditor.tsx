/**
 * Everything the user keeps about one contact: relationship, tags, connection status, how you met,
 * keep-in-touch cadence and follow-up, commitments, one-click interaction logging, the timeline and
 * notes. Self-contained (reads through `useApi`, writes through `call()`), so the in-page panel,
 * the side panel and the options page all use it as is.
 */
import { useEffect, useId, useState } from 'react';
import { call } from '../lib/api/client';
import type { ContactView } from '../lib/api/ops/contacts';
import type { Contact, Interaction, InteractionKind, Reminder, Settings } from '../lib/db/schema';
import { addDays, today } from '../lib/domain/dates';
import { effectiveCadence } from '../lib/domain/followup';
import { draftKey } from './panel/drafts';
import { EventSelect } from './panel/EventPicker';
import { displayText } from './safeText';
import {
  INTERACTION_KEYS, INTERACTION_NAMES, INTERACTION_SHORT, RELATIONSHIP_KEYS, STATUS_NAMES, formatDay, relationshipName,
} from './panel/labels';
import { NotesSection } from './panel/NotesSection';
import { ErrorText, Icon, Section } from './panel/ui';
import { useAction } from './useAction';
import { TagInput } from './TagInput';
import { useApi } from './useApi';

export interface ContactEditorProps {
  contactId: number;
  /** Which sections to show (all by default), in this order. */
  sections?: Array<'notes' | 'log' | 'keep-in-touch' | 'about' | 'timeline'>;
}

const ALL_SECTIONS = ['notes', 'log', 'keep-in-touch', 'about', 'timeline'] as const;

export function ContactEditor({ contactId, sections = [...ALL_SECTIONS] }: ContactEditorProps) {
  const { data: view, error, reload } = useApi('contact.get', { id: contactId });
  const settings = useApi('settings.get', {}, ['settings']).data;
  if (error) return <p className="r-error" role="alert">{error.message}</p>;
  if (view === undefined) return <p className="r-muted">Loading…</p>;
  if (view === null) return <p className="r-muted">This contact no longer exists.</p>;
  const c = view.contact;
  const key = draftKey('contact', c.slug ?? `id-${c.id}`);
  return (
    <div className="r-editor">
      {sections.map((s) => {
        switch (s) {
          case 'notes': return <NotesSection key={s} targetType="contact" targetId={c.id} notes={view.notes} draftKey={key} onChanged={reload} />;
          case 'log': return <LogInteraction key={s} contact={c} onChanged={reload} />;
          case 'keep-in-touch': return <KeepInTouch key={s} view={view} settings={settings} onChanged={reload} />;
          case 'about': return <About key={s} contact={c} settings={settings} onChanged={reload} />;
          case 'timeline': return <Timeline key={s} interactions={view.interactions} onChanged={reload} />;
          default: return null;
        }
      })}
    </div>
  );
}

function useUpdate(contactId: number, onChanged: () => void) {
  const action = useAction();
  const update = (patch: Parameters<typeof call<'contact.update'>>[1]['patch']) =>
    action.run(async () => {
      const v = await call('contact.update', { id: contactId, patch });
      onChanged();
      return v;
    });
  return { ...action, update };
}

/* ---------- one-click logging ---------- */

function LogInteraction({ contact, onChanged }: { contact: Contact; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [date, setDate] = useState(today());
  const [done, setDone] = useState<string | null>(null);
  // "Met at event" first asks which event (optional): attending a recorded event counts toward goals.
  const [atEvent, setAtEvent] = useState<number | null>(null);
  const events = useApi('event.list', atEvent === null ? null : {}, ['events']).data ?? [];
  const { run, busy, error } = useAction();
  const noteId = useId();
  const dateId = useId();
  const log = async (kind: InteractionKind, eventId?: number) => {
    const ok = await run(() => call('interaction.log', { contactId: contact.id, kind, date, note: note.trim() || null, ...(eventId ? { eventId } : {}) }));
    if (ok) {
      const where = eventId ? ` at ${displayText(events.find((e) => e.id === eventId)?.name ?? 'the event')}` : '';
      setDone(`Logged: ${INTERACTION_NAMES[kind]}${where}${date === today() ? ' today' : ` on ${formatDay(date)}`}.`);
      setNote('');
      setDate(today());
      setAtEvent(null);
      onChanged();
    }
  };
  return (
    <Section title="Log an interaction">
      <div className="r-row r-log-inputs">
        <div className="r-grow">
          <label className="r-sr" htmlFor={noteId}>Interaction note (optional)</label>
          <input id={noteId} className="r-input" placeholder="Short note (optional)" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div>
          <label className="r-sr" htmlFor={dateId}>Interaction date</label>
          <input id={dateId} type="date" className="r-input r-date" value={date} max={addDays(today(), 366)} onChange={(e) => setDate(e.target.value || today())} />
        </div>
      </div>
      <div className="r-chips" role="group" aria-label="Log what happened">
        {INTERACTION_KEYS.map((k) => (
          <button key={k} type="button" className="r-pill" disabled={busy} title={INTERACTION_NAMES[k]} data-kind={k}
            aria-expanded={k === 'met-at-event' ? atEvent !== null : undefined}
            onClick={() => (k === 'met-at-event' ? setAtEvent(atEvent === null ? 0 : null) : void log(k))}>
            {INTERACTION_SHORT[k]}
          </button>
        ))}
      </div>
      {atEvent !== null ? (
        <div className="r-notice r-met-at-event" data-testid="met-at-event">
          <p className="r-label">Which event? <span className="r-muted">(optional; a recorded event counts toward your events goal once)</span></p>
          <EventSelect label="Event where you met" events={events} value={atEvent} onChange={setAtEvent} noneLabel="Not a recorded event" />
          <div className="r-row r-row-end">
            <button type="button" className="r-btn r-btn-sm" onClick={() => setAtEvent(null)}>Cancel</button>
            <button type="button" className="r-btn r-btn-primary r-btn-sm" disabled={busy} onClick={() => void log('met-at-event', atEvent || undefined)}>Log meeting</button>
          </div>
        </div>
      ) : null}
      <p className="r-status" role="status" aria-live="polite">{done}</p>
      <ErrorText error={error} />
    </Section>
  );
}

/* ---------- timeline ---------- */

function Timeline({ interactions, onChanged }: { interactions: Interaction[]; onChanged: () => void }) {
  const { run, error } = useAction();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? interactions : interactions.slice(0, 6);
  return (
    <Section title={`Timeline${interactions.length ? ` (${interactions.length})` : ''}`}>
      {interactions.length === 0 ? <p className="r-muted">Nothing logged yet.</p> : (
        <ol className="r-list r-timeline">
          {shown.map((i) => (
            <li key={i.id} className="r-tl-item" data-testid="interaction-item">
              <span className="r-tl-dot" aria-hidden="true" />
              <div className="r-grow">
                <div className="r-tl-head"><strong>{INTERACTION_NAMES[i.kind]}</strong><span className="r-muted"> · {formatDay(i.date)}</span></div>
                {i.note ? <p className="r-tl-note"><bdi>{displayText(i.note)}</bdi></p> : null}
              </div>
              <button type="button" className="r-icon-btn" aria-label={`Delete ${INTERACTION_NAMES[i.kind]} on ${formatDay(i.date)}`} title="Delete"
                onClick={() => void run(async () => { await call('interaction.delete', { id: i.id }); onChanged(); })}>
                <Icon name="trash" />
              </button>
            </li>
          ))}
        </ol>
      )}
      {interactions.length > 6 ? (
        <button type="button" className="r-link" onClick={() => setShowAll(!showAll)}>{showAll ? 'Show fewer' : `Show all ${interactions.length}`}</button>
      ) : null}
      <ErrorText error={error} />
    </Section>
  );
}

/* ---------- keep in touch ---------- */

function KeepInTouch({ view, settings, onChanged }: { view: ContactView; settings: Settings | undefined; onChanged: () => void }) {
  const c = view.contact;
  const { update, error, busy } = useUpdate(c.id, onChanged);
  const [cadence, setCadence] = useState(c.cadenceDays ? String(c.cadenceDays) : '');
  useEffect(() => setCadence(c.cadenceDays ? String(c.cadenceDays) : ''), [c.cadenceDays]);
  const cadenceId = useId();
  const nextId = useId();
  const defaultCadence = settings ? effectiveCadence({ cadenceDays: null, relationships: c.relationships }, settings) : null;
  const saveCadence = () => {
    const n = cadence.trim() ? Math.round(Number(cadence)) : null;
    if (n !== null && (!Number.isFinite(n) || n < 1 || n > 3650)) return;
    if (n !== c.cadenceDays) void update({ cadenceDays: n });
  };
  const due = c.nextFollowUp;
  const overdue = due != null && due < today();
  return (
    <Section title="Keep in touch">
      <div className="r-grid2">
        <div className="r-field">
          <label className="r-label" htmlFor={cadenceId}>Every (days)</label>
          <input id={cadenceId} className="r-input" type="number" min={1} max={3650} inputMode="numeric"
            placeholder={defaultCadence ? `${defaultCadence} (default)` : 'No cadence'}
            value={cadence} onChange={(e) => setCadence(e.target.value)} onBlur={saveCadence}
            onKeyDown={(e) => { if (e.key === 'Enter') saveCadence(); }} />
        </div>
        <div className="r-field">
          <label className="r-label" htmlFor={nextId}>Next follow-up</label>
          <input id={nextId} className={'r-input r-date' + (overdue ? ' r-overdue' : '')} type="date" value={due ?? ''}
            onChange={(e) => void update({ nextFollowUp: e.target.value || null })} />
        </div>
      </div>
      <p className="r-hint">
        {c.lastInteraction ? `Last interaction ${formatDay(c.lastInteraction)}. ` : 'No interaction logged yet. '}
        {due ? (overdue ? `Follow-up overdue since ${formatDay(due)}.` : `Follow up by ${formatDay(due)}.`) : 'Pick a cadence or a date to get a reminder.'}
        {c.followUpManual ? <> <button type="button" className="r-link" disabled={busy} onClick={() => void update({ nextFollowUp: null })}>Use the cadence instead</button></> : null}
      </p>
      <ErrorText error={error} />
      <Commitments contactId={c.id} reminders={view.reminders} onChanged={onChanged} />
    </Section>
  );
}

function Commitments({ contactId, reminders, onChanged }: { contactId: number; reminders: Reminder[]; onChanged: () => void }) {
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(addDays(today(), 7));
  const { run, busy, error } = useAction();
  const titleId = useId();
  const dueId = useId();
  const add = async () => {
    if (!title.trim()) return;
    if (await run(() => call('reminder.addCommitment', { contactId, title: title.trim(), due }))) {
      setTitle('');
      setDue(addDays(today(), 7));
      onChanged();
    }
  };
  const finish = useAction();
  const open = reminders.filter((r) => r.state === 'open');
  return (
    <div className="r-commitments">
      <h4 className="r-h4">Commitments</h4>
      {open.length ? (
        <ul className="r-list r-reminders">
          {open.map((r) => (
            <li key={r.id} className="r-reminder" data-testid="commitment-item">
              <span className="r-grow"><bdi>{displayText(r.title)}</bdi></span>
              <span className={'r-muted' + (r.due < today() ? ' r-overdue-text' : '')}>{formatDay(r.due)}</span>
              <button type="button" className="r-icon-btn" disabled={finish.busy} title="Done"
                aria-label={`Mark done: ${displayText(r.title)}`}
                onClick={() => void finish.run(async () => { await call('reminder.done', { id: r.id }); onChanged(); })}>
                <Icon name="check" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="r-sr" htmlFor={titleId}>What you promised</label>
      <input id={titleId} className="r-input" placeholder="e.g. Send them the deck" value={title} maxLength={500}
        onChange={(e) => setTitle(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void add(); }} />
      <div className="r-row">
        <label className="r-hint" htmlFor={dueId}>Due</label>
        <input id={dueId} type="date" className="r-input r-date" value={due} onChange={(e) => setDue(e.target.value || addDays(today(), 7))} />
        <button type="button" className="r-btn r-btn-sm" disabled={busy || !title.trim()} onClick={() => void add()}>Add commitment</button>
      </div>
      <ErrorText error={finish.error} />
      <ErrorText error={error} />
    </div>
  );
}

/* ---------- relationship, tags, status, how we met ---------- */

function About({ contact: c, settings, onChanged }: { contact: Contact; settings: Settings | undefined; onChanged: () => void }) {
  const { update, error, busy } = useUpdate(c.id, onChanged);
  const custom = useAction();
  const [newLabel, setNewLabel] = useState('');
  const [adding, setAdding] = useState(false);
  const statusId = useId();
  const customId = useId();
  const all = [...RELATIONSHIP_KEYS, ...(settings?.customRelationships ?? [])];
  for (const r of c.relationships) if (!all.includes(r)) all.push(r);
  const toggle = (r: string) =>
    void update({ relationships: c.relationships.includes(r) ? c.relationships.filter((x) => x !== r) : [...c.relationships, r] });
  const addCustom = async () => {
    const label = newLabel.trim();
    if (!label) return;
    const s = await custom.run(() => call('relationship.addCustom', { label }));
    if (s) {
      const reuse = s.customRelationships.find((x) => x.toLowerCase() === label.toLowerCase()) ?? label;
      setNewLabel('');
      setAdding(false);
      if (!c.relationships.includes(reuse)) await update({ relationships: [...c.relationships, reuse] });
    }
  };
  return (
    <Section title="Relationship">
      <div className="r-chips" role="group" aria-label="Relationship types">
        {all.map((r) => (
          <button key={r} type="button" className="r-pill r-toggle" aria-pressed={c.relationships.includes(r)} disabled={busy} onClick={() => toggle(r)}>
            {c.relationships.includes(r) ? <Icon name="check" /> : null}{relationshipName(r)}
          </button>
        ))}
        {adding ? (
          <span className="r-row r-inline-add">
            <label className="r-sr" htmlFor={customId}>Custom relationship</label>
            <input id={customId} className="r-input r-input-sm" autoFocus placeholder="e.g. Alumni" maxLength={60} value={newLabel}
              onChange={(e) => setNewLabel(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') void addCustom(); if (e.key === 'Escape') setAdding(false); }} />
            <button type="button" className="r-btn r-btn-sm" disabled={!newLabel.trim() || custom.busy} onClick={() => void addCustom()}>Add</button>
          </span>
        ) : (
          <button type="button" className="r-pill r-pill-ghost" onClick={() => setAdding(true)}>+ Custom</button>
        )}
      </div>
      <ErrorText error={custom.error} />
      <TagInput tags={c.tags} disabled={busy} onChange={(tags) => void update({ tags })} />
      <div className="r-field">
        <label className="r-label" htmlFor={statusId}>Connection on LinkedIn</label>
        <select id={statusId} className="r-input" value={c.status} disabled={busy}
          onChange={(e) => void update({ status: e.target.value as Contact['status'] })}>
          {(Object.keys(STATUS_NAMES) as Array<keyof typeof STATUS_NAMES>).map((s) => <option key={s} value={s}>{STATUS_NAMES[s]}</option>)}
        </select>
        {c.status === 'connected' && c.connectedOn ? <span className="r-hint">Since {formatDay(c.connectedOn)}</span> : null}
      </div>
      <HowWeMet contact={c} onSave={(howWeMet) => update({ howWeMet })} busy={busy} />
      <ErrorText error={error} />
    </Section>
  );
}

type HowWeMetValue = Contact['howWeMet'];

function HowWeMet({ contact: c, onSave, busy }: { contact: Contact; onSave: (v: HowWeMetValue) => Promise<unknown>; busy: boolean }) {
  const [editing, setEditing] = useState(false);
  const current = c.howWeMet;
  const groups = useApi('group.list', {}, ['groups']).data ?? [];
  const events = useApi('event.list', {}, ['events']).data ?? [];
  const introducer = useApi('contact.get', current?.kind === 'introduction' ? { id: current.contactId } : null, ['contacts']).data;
  const describe = (): string => {
    if (!current) return 'Not recorded';
    switch (current.kind) {
      case 'event': return `At ${events.find((e) => e.id === current.eventId)?.name ?? 'an event'}`;
      case 'group': return `Through ${groups.find((g) => g.id === current.groupId)?.name ?? 'a group'}`;
      case 'introduction': return `Introduced by ${introducer?.contact.name ?? 'a contact'}`;
      case 'text': return current.text;
    }
  };
  if (!editing) {
    return (
      <div className="r-field">
        <span className="r-label">How you met</span>
        <div className="r-row">
          <span className={'r-grow' + (current ? '' : ' r-muted')}><bdi>{displayText(describe())}</bdi></span>
          <button type="button" className="r-link" onClick={() => setEditing(true)} aria-label="Change how you met">{current ? 'Change' : 'Add'}</button>
        </div>
      </div>
    );
  }
  return (
    <HowWeMetEditor initial={current} groups={groups} events={events} busy={busy}
      onCancel={() => setEditing(false)}
      onSave={async (v) => { await onSave(v); setEditing(false); }} />
  );
}

function HowWeMetEditor({ initial, groups, events, busy, onCancel, onSave }: {
  initial: HowWeMetValue;
  groups: Array<{ id: number; name: string }>;
  events: Array<{ id: number; name: string; date: string }>;
  busy: boolean;
  onCancel: () => void;
  onSave: (v: HowWeMetValue) => Promise<void>;
}) {
  const [kind, setKind] = useState<'event' | 'group' | 'introduction' | 'text'>(initial?.kind ?? 'text');
  const [eventId, setEventId] = useState(initial?.kind === 'event' ? initial.eventId : events[0]?.id ?? 0);
  const [groupId, setGroupId] = useState(initial?.kind === 'group' ? initial.groupId : groups[0]?.id ?? 0);
  const [text, setText] = useState(initial?.kind === 'text' ? initial.text : '');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const results = useApi('contact.search', query.trim().length >= 1 ? { query, limit: 6 } : null).data ?? [];
  const kindId = useId();
  const valueId = useId();
  const value = (): HowWeMetValue | undefined => {
    if (kind === 'event') return eventId ? { kind, eventId } : undefined;
    if (kind === 'group') return groupId ? { kind, groupId } : undefined;
    if (kind === 'introduction') return picked ? { kind, contactId: picked.id } : initial?.kind === 'introduction' ? initial : undefined;
    return text.trim() ? { kind, text: text.trim() } : undefined;
  };
  const v = value();
  return (
    <fieldset className="r-fieldset">
      <legend className="r-label">How you met</legend>
      <label className="r-sr" htmlFor={kindId}>Kind</label>
      <select id={kindId} className="r-input" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        <option value="text">In my own words</option>
        <option value="event">At an event</option>
        <option value="group">Through a group</option>
        <option value="introduction">Introduced by someone</option>
      </select>
      {kind === 'text' ? (
        <>
          <label className="r-sr" htmlFor={valueId}>How you met, in your words</label>
          <input id={valueId} className="r-input" value={text} maxLength={500} placeholder="e.g. Sat next to each other at a workshop" onChange={(e) => setText(e.target.value)} />
        </>
      ) : kind === 'event' ? (
        <EventSelect label="Event" events={events} value={eventId} onChange={setEventId} noneLabel="Choose an event…" />
      ) : kind === 'group' ? (
        groups.length ? (
          <>
            <label className="r-sr" htmlFor={valueId}>Group</label>
            <select id={valueId} className="r-input" value={groupId} onChange={(e) => setGroupId(Number(e.target.value))}>
              {groups.map((g) => <option key={g.id} value={g.id}>{displayText(g.name)}</option>)}
            </select>
          </>
        ) : <p className="r-hint">No groups saved yet. Open a LinkedIn group page to save one.</p>
      ) : (
        <>
          <label className="r-sr" htmlFor={valueId}>Who introduced you</label>
          <input id={valueId} className="r-input" placeholder="Type a contact's name" value={picked ? picked.name : query}
            onChange={(e) => { setPicked(null); setQuery(e.target.value); }} />
          {!picked && results.length ? (
            <ul className="r-list r-results" aria-label="Matching contacts">
              {results.map((r) => (
                <li key={r.id}><button type="button" className="r-result" onClick={() => setPicked({ id: r.id, name: r.name })}>
                  <bdi>{displayText(r.name)}</bdi>{r.headline ? <span className="r-muted"> · <bdi>{displayText(r.headline)}</bdi></span> : null}
                </button></li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div className="r-row r-row-end">
        {initial ? <button type="button" className="r-btn r-btn-sm" disabled={busy} onClick={() => void onSave(null)}>Clear</button> : null}
        <button type="button" className="r-btn r-btn-sm" onClick={onCancel}>Cancel</button>
        <button type="button" className="r-btn r-btn-primary r-btn-sm" disabled={busy || !v} onClick={() => v && void onSave(v)}>Save</button>
      </div>
    </fieldset>
  );
}
