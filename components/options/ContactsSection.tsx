/**
 * Everyone in the network: search as you type, filters, sort, virtualised rows (fast at 30,000),
 * bulk tag, bulk delete with undo, and the contact editor the panel uses.
 */
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { getDb } from '../../lib/db/db';
import { type Contact, RELATIONSHIPS } from '../../lib/db/schema';
import {
  type ContactFilter, type ContactSort, type SearchIndex, type StatusFilter, allRelationships, allTags, filterPositions, isOverdue,
  narrows, searchText, sortContacts,
} from '../../lib/manage/search';
import { ErrorText, STATUS_LABELS, formatDay, relLabel, useAction, useDeleteContacts, useSettings, useToast, useToday } from './common';
import { ContactDrawer } from './ContactDrawer';
import { displayText } from '../safeText';

const ROW_HEIGHT = 52;

/** The last filter result, reused when the next filter only narrows it (typing more of a word). */
interface FilterCache { index: SearchIndex; filter: ContactFilter; today: string; positions: number[] }

export function ContactsSection() {
  // The first rows by name come first through the index (a few ms), so the page paints at once;
  // then the whole list (30,000 rows take a second or so) for search, filters and sort in memory.
  const preview = useLiveQuery(() => getDb().contacts.orderBy('nameLower').limit(40).toArray(), []);
  const [loadAll, setLoadAll] = useState(false);
  useEffect(() => {
    if (preview === undefined || loadAll) return;
    const raf = requestAnimationFrame(() => setTimeout(() => setLoadAll(true), 0));
    return () => cancelAnimationFrame(raf);
  }, [preview, loadAll]);
  const contacts = useLiveQuery(async () => (loadAll ? getDb().contacts.toArray() : undefined), [loadAll]);
  const cache = useRef<FilterCache | null>(null);
  const settings = useSettings();
  const day = useToday();
  const [query, setQuery] = useState('');
  const [relationship, setRelationship] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<ContactSort>('name');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(() => {
    const m = /[?&]id=(\d+)/.exec(location.hash);
    return m ? Number(m[1]) : null;
  });
  const deferredQuery = useDeferredValue(query);

  // Computed once per loaded list (not per keystroke): the search text of each contact, then the sort.
  const textById = useMemo(() => {
    const m = new Map<number, string>();
    for (const c of contacts ?? []) m.set(c.id, searchText(c));
    return m;
  }, [contacts]);
  const index = useMemo(() => {
    const sorted = sortContacts(contacts ?? [], sort);
    return { contacts: sorted, text: sorted.map((c) => textById.get(c.id)!) };
  }, [contacts, sort, textById]);
  const filtered = useMemo(() => {
    const filter: ContactFilter = { query: deferredQuery, relationship, tag, status, overdue };
    const prev = cache.current;
    const within = prev && prev.index === index && prev.today === day && narrows(prev.filter, filter) ? prev.positions : undefined;
    const positions = filterPositions(index, filter, day, within);
    cache.current = { index, filter, today: day, positions };
    return positions.map((i) => index.contacts[i]!);
  }, [index, deferredQuery, relationship, tag, status, overdue, day]);
  const tags = useMemo(() => allTags(contacts ?? []), [contacts]);
  const relationships = useMemo(() => {
    const used = allRelationships(contacts ?? []);
    return [...new Set([...RELATIONSHIPS, ...(settings?.customRelationships ?? []), ...used])];
  }, [contacts, settings?.customRelationships]);

  // Selection keeps only contacts that still exist.
  useEffect(() => {
    if (!contacts || !selected.size) return;
    const ids = new Set(contacts.map((c) => c.id));
    if ([...selected].some((id) => !ids.has(id))) setSelected(new Set([...selected].filter((id) => ids.has(id))));
  }, [contacts, selected]);

  const toggle = useCallback((id: number, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const allShownSelected = filtered.length > 0 && filtered.every((c) => selected.has(c.id));
  const filtersOn = Boolean(query || relationship || tag || status !== 'all' || overdue);
  const searchId = useId();

  return (
    <section className="o-section" aria-labelledby="contacts-title">
      <div className="o-section-head">
        <h1 id="contacts-title">Contacts</h1>
        <p className="o-muted" data-testid="contacts-shown" aria-live="polite">
          {contacts === undefined ? 'Loading…' : filtersOn ? `${filtered.length} of ${contacts.length} shown` : `${contacts.length} in your network`}
        </p>
      </div>

      <div className="o-toolbar" role="search">
        <label className="o-field o-search" htmlFor={searchId}>
          <span>Search</span>
          <input
            id={searchId} type="search" value={query} placeholder="Name, headline, company or tag"
            onChange={(e) => setQuery(e.target.value)} data-testid="contact-search" autoComplete="off"
          />
        </label>
        <label className="o-field">
          <span>Relationship</span>
          <select value={relationship} onChange={(e) => setRelationship(e.target.value)} data-testid="filter-relationship">
            <option value="">Any</option>
            {relationships.map((r) => <option key={r} value={r}>{relLabel(r)}</option>)}
          </select>
        </label>
        <label className="o-field">
          <span>Tag</span>
          <select value={tag} onChange={(e) => setTag(e.target.value)} data-testid="filter-tag">
            <option value="">Any</option>
            {tags.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label className="o-field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} data-testid="filter-status">
            <option value="all">Any</option>
            {(Object.keys(STATUS_LABELS) as Contact['status'][]).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <label className="o-field">
          <span>Sort by</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as ContactSort)} data-testid="sort">
            <option value="name">Name</option>
            <option value="lastInteraction">Last interaction</option>
            <option value="nextFollowUp">Next follow-up</option>
          </select>
        </label>
        <label className="o-check" style={{ minHeight: 32 }}>
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="filter-overdue" />
          Overdue only
        </label>
        {filtersOn && (
          <button type="button" onClick={() => { setQuery(''); setRelationship(''); setTag(''); setStatus('all'); setOverdue(false); }}>
            Clear filters
          </button>
        )}
      </div>

      {selected.size > 0 && (
        <BulkBar ids={[...selected]} tags={tags} onDone={() => setSelected(new Set())} />
      )}

      <div className="o-list" data-testid="contact-list">
        <div className="o-list-head">
          <input
            type="checkbox" aria-label={allShownSelected ? 'Unselect all shown contacts' : `Select all ${filtered.length} shown contacts`}
            checked={allShownSelected} disabled={!filtered.length} data-testid="select-all"
            onChange={(e) => setSelected(e.target.checked ? new Set([...selected, ...filtered.map((c) => c.id)]) : new Set())}
          />
          <span>Name</span><span>Company</span><span>Relationship · tags</span><span>Last contact</span><span>Next follow-up</span>
        </div>
        {contacts === undefined ? (
          preview?.length ? (
            <Rows contacts={preview} selected={selected} onToggle={toggle} onOpen={setOpenId} today={day} />
          ) : <p className="o-empty">Loading…</p>
        ) : filtered.length === 0 ? (
          <div className="o-empty">
            {contacts.length === 0 ? (
              <p>No contacts yet. Save people from their LinkedIn profile with the Rapport panel, or <a href="#import">import your connections</a>.</p>
            ) : <p>No contact matches these filters.</p>}
          </div>
        ) : (
          <Rows contacts={filtered} selected={selected} onToggle={toggle} onOpen={setOpenId} today={day} />
        )}
      </div>

      {openId !== null && <ContactDrawer contactId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

const Rows = memo(function Rows({ contacts, selected, onToggle, onOpen, today }: {
  contacts: Contact[]; selected: ReadonlySet<number>; onToggle: (id: number, on: boolean) => void;
  onOpen: (id: number) => void; today: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => contacts[i]!.id,
  });
  return (
    <div ref={scrollRef} className="o-list-scroll" data-testid="contact-scroll">
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }} aria-label="Contacts">
        {virtualizer.getVirtualItems().map((v) => {
          const c = contacts[v.index]!;
          return (
            <Row key={c.id} contact={c} top={v.start} selected={selected.has(c.id)} onToggle={onToggle} onOpen={onOpen} today={today} />
          );
        })}
      </ul>
    </div>
  );
});

const Row = memo(function Row({ contact: c, top, selected, onToggle, onOpen, today }: {
  contact: Contact; top: number; selected: boolean; onToggle: (id: number, on: boolean) => void;
  onOpen: (id: number) => void; today: string;
}) {
  const late = isOverdue(c, today);
  const chips = [...c.relationships.map((r) => ({ k: 'r' + r, t: relLabel(r), rel: true })), ...c.tags.map((t) => ({ k: 't' + t, t, rel: false }))];
  return (
    <li className="o-list-row" style={{ transform: `translateY(${top}px)` }} data-selected={selected} data-testid="contact-row" data-contact-id={c.id}>
      <input type="checkbox" checked={selected} aria-label={`Select ${c.name}`} onChange={(e) => onToggle(c.id, e.target.checked)} />
      <div className="o-cell">
        <button type="button" className="o-link o-name" onClick={() => onOpen(c.id)} data-testid="contact-open"><bdi>{displayText(c.name)}</bdi></button>
        <div className="o-cell-sub" title={c.headline ?? undefined}><bdi>{displayText(c.headline ?? (c.slug ? `linkedin.com/in/${c.slug}` : ''))}</bdi></div>
      </div>
      <div className="o-cell">
        {c.company ? <bdi>{displayText(c.company)}</bdi> : <span className="o-muted">—</span>}
        {c.position && <div className="o-cell-sub"><bdi>{displayText(c.position)}</bdi></div>}
      </div>
      <div className="o-cell" title={chips.map((x) => x.t).join(', ')}>
        {chips.length === 0 ? <span className="o-muted">{STATUS_LABELS[c.status]}</span> : chips.slice(0, 4).map((x) => (
          <span key={x.k} className={`o-chip${x.rel ? ' rel' : ''}`} style={{ marginRight: 4 }}><bdi>{displayText(x.t)}</bdi></span>
        ))}
        {chips.length > 4 && <span className="o-chip">+{chips.length - 4}</span>}
      </div>
      <div className="o-cell">{formatDay(c.lastInteraction)}</div>
      <div className={`o-cell${late ? ' o-overdue' : ''}`}>
        {formatDay(c.nextFollowUp)}{late && <span className="o-cell-sub o-overdue">Overdue</span>}
      </div>
    </li>
  );
});

function BulkBar({ ids, tags, onDone }: { ids: number[]; tags: string[]; onDone: () => void }) {
  const [tag, setTag] = useState('');
  const { run, error, setError, busy } = useAction();
  const toast = useToast();
  const del = useDeleteContacts();
  const listId = useId();
  const inputId = useId();
  const apply = async (mode: 'add' | 'remove') => {
    const t = tag.trim();
    if (!t) { setError('Type a tag first.'); return; }
    const res = await run('manage.bulkTag', { ids, add: mode === 'add' ? [t] : [], remove: mode === 'remove' ? [t] : [] });
    if (res) {
      toast({ message: `${mode === 'add' ? 'Tagged' : 'Untagged'} ${res.changed} ${res.changed === 1 ? 'contact' : 'contacts'} “${t}”.` });
      setTag('');
    }
  };
  return (
    <div className="o-bulk" role="region" aria-label="Selected contacts" data-testid="bulk-bar">
      <strong>{ids.length} selected</strong>
      <label htmlFor={inputId} className="o-small o-muted">Tag</label>
      <input id={inputId} type="text" list={listId} value={tag} onChange={(e) => setTag(e.target.value)} placeholder="e.g. conference-2026"
        maxLength={60} data-testid="bulk-tag-input" onKeyDown={(e) => { if (e.key === 'Enter') void apply('add'); }} />
      <datalist id={listId}>{tags.map((t) => <option key={t} value={t} />)}</datalist>
      <button type="button" className="o-primary" disabled={busy} onClick={() => void apply('add')} data-testid="bulk-tag-add">Add tag</button>
      <button type="button" disabled={busy} onClick={() => void apply('remove')} data-testid="bulk-tag-remove">Remove tag</button>
      <span style={{ flex: 1 }} />
      <button type="button" className="o-danger" disabled={busy} data-testid="bulk-delete"
        onClick={async () => { const err = await del(ids); if (err) setError(err); else onDone(); }}>
        Delete {ids.length === 1 ? 'contact' : `${ids.length} contacts`}
      </button>
      <button type="button" onClick={onDone}>Clear selection</button>
      {error && <div style={{ flexBasis: '100%' }}><ErrorText error={error} /></div>}
    </div>
  );
}
