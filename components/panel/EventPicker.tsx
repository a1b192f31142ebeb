/**
 * Picking the event where you met someone, or recording a new one on the spot (event.add) when
 * none fits. Used by "how we met" and by logging "met at an event".
 */
import { useId, useState } from 'react';
import { call } from '../../lib/api/client';
import { today } from '../../lib/domain/dates';
import { formatDay } from './labels';
import { displayText } from '../safeText';
import { ErrorText } from './ui';
import { useAction } from '../useAction';

export const EVENT_KIND_NAMES = {
  conference: 'Conference', meetup: 'Meetup', workshop: 'Workshop', webinar: 'Webinar', training: 'Training', other: 'Other',
} as const;
type EventKind = keyof typeof EVENT_KIND_NAMES;

export interface EventOption { id: number; name: string; date: string }

/** A small form that records a new event and hands back its id. */
export function NewEventForm({ onCreated, onCancel }: { onCreated: (e: EventOption) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EventKind>('meetup');
  const [date, setDate] = useState(today());
  const [place, setPlace] = useState('');
  const { run, busy, error } = useAction();
  const ids = { name: useId(), kind: useId(), date: useId(), place: useId() };
  const create = async () => {
    if (!name.trim()) return;
    const e = await run(() => call('event.add', { name: name.trim(), kind, date, place: place.trim() || null }));
    if (e) onCreated({ id: e.id, name: e.name, date: e.date });
  };
  return (
    <div className="r-new-event" role="group" aria-label="New event">
      <div className="r-field">
        <label className="r-label" htmlFor={ids.name}>Event name</label>
        <input id={ids.name} className="r-input" autoFocus maxLength={500} placeholder="e.g. Design Systems Meetup" value={name}
          onChange={(e) => setName(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void create(); if (e.key === 'Escape') onCancel(); }} />
      </div>
      <div className="r-grid2">
        <div className="r-field">
          <label className="r-label" htmlFor={ids.kind}>Event kind</label>
          <select id={ids.kind} className="r-input" value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
            {(Object.keys(EVENT_KIND_NAMES) as EventKind[]).map((k) => <option key={k} value={k}>{EVENT_KIND_NAMES[k]}</option>)}
          </select>
        </div>
        <div className="r-field">
          <label className="r-label" htmlFor={ids.date}>Event date</label>
          <input id={ids.date} type="date" className="r-input r-date" value={date} onChange={(e) => setDate(e.target.value || today())} />
        </div>
      </div>
      <div className="r-field">
        <label className="r-label" htmlFor={ids.place}>Place (optional)</label>
        <input id={ids.place} className="r-input" maxLength={1000} placeholder="City, venue or online" value={place} onChange={(e) => setPlace(e.target.value)} />
      </div>
      <div className="r-row r-row-end">
        <button type="button" className="r-btn r-btn-sm" onClick={onCancel}>Cancel</button>
        <button type="button" className="r-btn r-btn-primary r-btn-sm" disabled={busy || !name.trim()} onClick={() => void create()}>Create event</button>
      </div>
      <ErrorText error={error} />
    </div>
  );
}

/**
 * A select of recorded events (value 0 = none, when `noneLabel` is given) with "New event…" that
 * opens NewEventForm; a created event becomes the selection.
 */
export function EventSelect({ label, events, value, onChange, noneLabel }: {
  label: string;
  events: EventOption[];
  value: number;
  onChange: (id: number) => void;
  noneLabel?: string;
}) {
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<EventOption[]>([]);
  const id = useId();
  // A just-created event shows at once, before the list re-reads.
  const all = [...created.filter((c) => !events.some((e) => e.id === c.id)), ...events];
  if (creating) {
    return (
      <NewEventForm onCancel={() => setCreating(false)}
        onCreated={(e) => { setCreated((c) => [e, ...c]); setCreating(false); onChange(e.id); }} />
    );
  }
  return (
    <div className="r-row">
      <label className="r-sr" htmlFor={id}>{label}</label>
      {all.length || noneLabel ? (
        <select id={id} className="r-input r-grow" value={value} onChange={(e) => onChange(Number(e.target.value))}>
          {noneLabel ? <option value={0}>{noneLabel}</option> : null}
          {all.map((e) => <option key={e.id} value={e.id}>{displayText(e.name)} · {formatDay(e.date)}</option>)}
        </select>
      ) : <span className="r-hint r-grow">No events recorded yet.</span>}
      <button type="button" className="r-btn r-btn-sm" onClick={() => setCreating(true)}>New event…</button>
    </div>
  );
}
