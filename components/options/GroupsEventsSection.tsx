/** Groups the user follows and events they attended, with who they met at each event. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import { type Contact, EVENT_KINDS, type Group, MEMBERSHIPS, type RapportEvent } from '../../lib/db/schema';
import { ErrorText, formatDay, useAction, useToast } from './common';
import { today } from '../../lib/domain/dates';
import { displayText } from '../safeText';

const MEMBERSHIP_LABELS: Record<Group['membership'], string> = { none: 'Not a member', member: 'Member', requested: 'Requested', left: 'Left' };
const KIND_LABELS: Record<RapportEvent['kind'], string> = {
  conference: 'Conference', meetup: 'Meetup', workshop: 'Workshop', webinar: 'Webinar', training: 'Training', other: 'Other',
};

export function GroupsEventsSection() {
  return (
    <section className="o-section" aria-labelledby="ge-title">
      <h1 id="ge-title">Groups &amp; events</h1>
      <GroupsCard />
      <EventsCard />
    </section>
  );
}

function GroupsCard() {
  const groups = useLiveQuery(() => getDb().groups.orderBy('name').toArray(), []);
  const { run, error, busy } = useAction();
  const toast = useToast();
  return (
    <div className="o-card" data-testid="groups-card">
      <div className="o-card-head"><h2>Groups</h2><span className="o-muted o-small">{groups ? `${groups.length} saved` : ''}</span></div>
      {groups === undefined ? <p className="o-muted">Loading…</p> : groups.length === 0 ? (
        <p className="o-muted">No groups yet. Open a LinkedIn group and save it with the Rapport panel.</p>
      ) : (
        <table className="o-table">
          <thead><tr><th>Group</th><th>Membership</th><th>Joined</th><th>Tags</th><th><span className="o-sr">Actions</span></th></tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} data-testid="group-row">
                <td>
                  <GroupName group={g} />
                  <div className="o-small o-muted">{g.memberCount != null ? `${g.memberCount.toLocaleString()} ${g.memberCount === 1 ? 'member' : 'members'}` : ''}</div>
                </td>
                <td>
                  <select aria-label={`Membership of ${displayText(g.name)}`} value={g.membership} disabled={busy}
                    onChange={(e) => void run('group.update', { id: g.id, patch: { membership: e.target.value as Group['membership'] } })}>
                    {MEMBERSHIPS.map((m) => <option key={m} value={m}>{MEMBERSHIP_LABELS[m]}</option>)}
                  </select>
                </td>
                <td>
                  <input type="date" aria-label={`Joined ${displayText(g.name)} on`} value={g.joinedOn ?? ''} disabled={busy}
                    onChange={(e) => void run('group.update', { id: g.id, patch: { joinedOn: e.target.value || null } })} />
                </td>
                <td>
                  <TagsField label={`Tags of ${g.name}`} tags={g.tags} onSave={(tags) => void run('group.update', { id: g.id, patch: { tags } })} />
                </td>
                <td style={{ textAlign: 'right' }}>
                  <button type="button" className="o-small-btn o-danger" disabled={busy} aria-label={`Delete group ${displayText(g.name)}`}
                    onClick={async () => {
                      if (!confirm(`Delete the group “${g.name}” and its notes from Rapport? LinkedIn is not affected.`)) return;
                      if (await run('manage.deleteGroup', { id: g.id })) toast({ message: `Deleted ${g.name}.` });
                    }}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorText error={error} />
    </div>
  );
}

/** The group's name, renamed in place (what the user types is kept when the group is saved again from LinkedIn). */
function GroupName({ group }: { group: Group }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(group.name);
  const { run, error, busy } = useAction();
  const toast = useToast();
  if (!editing) {
    return (
      <div className="o-row" style={{ gap: 6, flexWrap: 'nowrap' }}>
        <span style={{ fontWeight: 600 }} data-testid="group-row-name"><bdi>{displayText(group.name)}</bdi></span>
        <button type="button" className="o-small-btn" aria-label={`Rename group ${displayText(group.name)}`} data-testid="group-rename"
          onClick={() => { setName(group.name); setEditing(true); }}>Rename</button>
      </div>
    );
  }
  const save = async () => {
    const next = name.replace(/\s+/g, ' ').trim();
    if (next === group.name) { setEditing(false); return; }
    if (await run('group.update', { id: group.id, patch: { name: next } })) {
      toast({ message: `Renamed to ${next}.` });
      setEditing(false);
    }
  };
  return (
    <form className="o-row" style={{ gap: 6, flexWrap: 'wrap' }} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <input type="text" required maxLength={500} value={name} aria-label={`New name for the group ${displayText(group.name)}`} autoFocus
        onChange={(e) => setName(e.target.value)} data-testid="group-rename-input"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); } }} />
      <button type="submit" className="o-small-btn o-primary" disabled={busy || !name.trim()} data-testid="group-rename-save">Save</button>
      <button type="button" className="o-small-btn" onClick={() => setEditing(false)}>Cancel</button>
      {error && <div style={{ flexBasis: '100%' }}><ErrorText error={error} /></div>}
    </form>
  );
}

function TagsField({ label, tags, onSave }: { label: string; tags: string[]; onSave: (tags: string[]) => void }) {
  const [v, setV] = useState(tags.join(', '));
  const commit = () => {
    const next = [...new Set(v.split(',').map((t) => t.trim()).filter(Boolean))];
    if (next.join(',') !== tags.join(',')) onSave(next);
  };
  return <input type="text" aria-label={label} value={v} placeholder="comma, separated" onChange={(e) => setV(e.target.value)} onBlur={commit}
    onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />;
}

function EventsCard() {
  const events = useLiveQuery(() => getDb().events.orderBy('date').reverse().toArray(), []);
  // Who the user met at each event: contacts whose "how we met" names it.
  const metAt = useLiveQuery(async () => {
    const map = new Map<number, Contact[]>();
    await getDb().contacts.each((c) => {
      if (c.howWeMet?.kind === 'event') {
        const list = map.get(c.howWeMet.eventId) ?? [];
        list.push(c);
        map.set(c.howWeMet.eventId, list);
      }
    });
    return map;
  }, []);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const { run, error, busy } = useAction();
  const toast = useToast();
  return (
    <div className="o-card" data-testid="events-card">
      <div className="o-card-head">
        <h2>Events</h2>
        {editing !== 'new' && <button type="button" onClick={() => setEditing('new')} data-testid="event-new">Add event</button>}
      </div>
      {editing === 'new' && <EventForm onDone={() => setEditing(null)} />}
      {events === undefined ? <p className="o-muted">Loading…</p> : events.length === 0 && editing !== 'new' ? (
        <p className="o-muted">No events yet. Add the conferences, meetups and workshops you attend, then note who you met there.</p>
      ) : (
        <ul className="o-list-plain" style={{ listStyle: 'none', paddingLeft: 0, gap: 8 }}>
          {events.map((e) => editing === e.id ? <li key={e.id}><EventForm event={e} onDone={() => setEditing(null)} /></li> : (
            <li key={e.id} className="o-card" style={{ padding: 12, gap: 6 }} data-testid="event-row">
              <div className="o-card-head">
                <div>
                  <strong><bdi>{displayText(e.name)}</bdi></strong>
                  <span className="o-muted o-small"> · {KIND_LABELS[e.kind]} · {formatDay(e.date)}{e.place ? ` · ${e.place}` : ''}</span>
                </div>
                <div className="o-row">
                  <button type="button" className="o-small-btn" onClick={() => setEditing(e.id)} aria-label={`Edit ${displayText(e.name)}`}>Edit</button>
                  <button type="button" className="o-small-btn o-danger" disabled={busy} aria-label={`Delete ${displayText(e.name)}`}
                    onClick={async () => {
                      if (!confirm(`Delete the event “${e.name}”? People you met there keep it as text.`)) return;
                      if (await run('manage.deleteEvent', { id: e.id })) toast({ message: `Deleted ${e.name}.` });
                    }}>Delete</button>
                </div>
              </div>
              <MetList people={metAt?.get(e.id) ?? []} />
            </li>
          ))}
        </ul>
      )}
      <ErrorText error={error} />
    </div>
  );
}

function MetList({ people }: { people: Contact[] }) {
  const sorted = useMemo(() => people.slice().sort((a, b) => a.name.localeCompare(b.name)), [people]);
  if (!sorted.length) return <p className="o-small o-muted">Nobody linked yet: set “How we met” on a contact to this event.</p>;
  return (
    <p className="o-small" data-testid="event-met">
      <span className="o-muted">Met there ({sorted.length}): </span>
      {sorted.map((c, i) => (
        <span key={c.id}>{i ? ', ' : ''}<a href={`#contacts?id=${c.id}`}><bdi>{displayText(c.name)}</bdi></a></span>
      ))}
    </p>
  );
}

function EventForm({ event, onDone }: { event?: RapportEvent; onDone: () => void }) {
  const [name, setName] = useState(event?.name ?? '');
  const [kind, setKind] = useState<RapportEvent['kind']>(event?.kind ?? 'conference');
  const [date, setDate] = useState(event?.date ?? today());
  const [place, setPlace] = useState(event?.place ?? '');
  const { run, error, busy } = useAction();
  return (
    <form className="o-row" style={{ alignItems: 'flex-end' }} data-testid="event-form" aria-label={event ? `Edit ${event.name}` : 'New event'}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run('manage.saveEvent', { ...(event ? { id: event.id } : {}), name, kind, date, place: place || null })) onDone();
      }}>
      <label className="o-field" style={{ flex: '2 1 200px' }}><span>Name</span>
        <input type="text" required maxLength={500} value={name} onChange={(e) => setName(e.target.value)} data-testid="event-name" />
      </label>
      <label className="o-field"><span>Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as RapportEvent['kind'])}>
          {EVENT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <label className="o-field"><span>Date</span>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} data-testid="event-date" />
      </label>
      <label className="o-field" style={{ flex: '1 1 140px' }}><span>Place</span>
        <input type="text" maxLength={1000} value={place} onChange={(e) => setPlace(e.target.value)} />
      </label>
      <button type="submit" className="o-primary" disabled={busy || !name.trim()} data-testid="event-save">{event ? 'Save' : 'Add'}</button>
      <button type="button" onClick={onDone}>Cancel</button>
      {error && <div style={{ flexBasis: '100%' }}><ErrorText error={error} /></div>}
    </form>
  );
}
