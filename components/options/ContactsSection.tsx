/**
 * Everyone in the network: search as you type, filters, sort, virtualised rows (fast at 30,000),
 * bulk tag, bulk delete with undo, and the contact editor the panel uses.
 */
import { type ReactNode, Suspense, memo, startTransition, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import Dexie, { type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { getDb } from '../../lib/db/db';
import type { Contact } from '../../lib/db/schema';
import { RELATIONSHIPS } from '../../lib/db/constants';
import {
  type ContactFilter, type ContactSort, EMPTY_INDEX, type ListContact, type NameIndex, type SearchIndex, type StatusFilter, addToIndex, allRelationships,
  allTags, appendToIndex, filterPositions, isEmptyFilter, isOverdue, narrows, newIndexBuilder, orderIndex, removeFromIndex, snapshotIndex,
  sortLabels,
} from '../../lib/manage/search';
import { changedContactIds, loadContactsInChunks, toListContact } from '../../lib/manage/load';
import { scrollPacer } from '../../lib/manage/scroll-pacer';
import { EMPTY_NEW_CONTACT, type NewContactForm as NewContactFormValues, newContactInput, slugFromProfileInput } from '../../lib/manage/newContact';
import { ErrorText, STATUS_LABELS, formatDay, relLabel, useAction, useDeleteContacts, useToast, useToday } from './common';
import { lazyWithZod } from './lazy';
import { displayText } from '../safeText';

// The editor (the panel's, with zod) loads when a contact is first opened.
const ContactDrawer = lazyWithZod<{ contactId: number; onClose: () => void }>(() => import('./ContactDrawer'), 'ContactDrawer');

const ROW_HEIGHT = 52;

/** The last filter result, reused when the next filter only narrows it (typing more of a word). */
interface FilterCache { index: SearchIndex; filter: ContactFilter; today: string; positions: number[] | null /* null: all */ }

const NO_LABELS: string[] = [];

interface Loaded {
  index: NameIndex;
  complete: boolean;
  /** While loading: how many contacts there are (the list has its full height from the first chunk). */
  total: number;
  /** Tags and relationships in use, sorted (kept with the list: not recomputed over 30,000 contacts per render). */
  tags: string[];
  relationships: string[];
}

/**
 * Every contact, in name order with its search text, read in chunks (the first rows show from the
 * first chunk; no task deserialises 30,000 records at once) and kept up to date: a write to a few
 * contacts re-reads only those; anything bigger re-reads the list in the background and swaps it in.
 */
function useContactIndex(): Loaded | undefined {
  const [state, setState] = useState<Loaded | undefined>();
  useEffect(() => {
    let generation = 0;
    // While the user scrolls the rows already shown, the rest of the list waits (lib/manage/scroll-pacer).
    const pacer = scrollPacer();
    let current: NameIndex = EMPTY_INDEX;
    let complete = false;
    let loading = false;
    let failures = 0;
    // Changes noticed while a full read runs wait for it (a stream of writes, e.g. an import in
    // another tab, must not restart it forever): ids are re-read after it, 'all' reads again.
    let dirty = false;
    let queued = new Set<number>();
    let pending: number[] | 'all' | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const afterLoad = () => {
      loading = false;
      if (dirty) { dirty = false; queued = new Set(); fullLoad(); }
      else if (queued.size) { const ids = [...queued]; queued = new Set(); void patch(ids); }
    };
    const fullLoad = () => {
      const gen = ++generation;
      const initial = !complete;
      loading = true;
      // Grown in place chunk by chunk (a chunk costs O(chunk)); renders get copies.
      const next = newIndexBuilder();
      const tagSet = new Set<string>();
      const relSet = new Set<string>();
      const labels = () => ({ tags: sortLabels(tagSet), relationships: sortLabels(relSet) });
      let shown = 0;
      let total = 0;
      if (initial) void getDb().contacts.count().then((n) => { total = n; }, () => {});
      void loadContactsInChunks(getDb(), (rows) => {
        appendToIndex(next, rows);
        for (const c of rows) {
          for (const t of c.tags) tagSet.add(t);
          for (const r of c.relationships) relSet.add(r);
        }
        // Render the first chunk at once, then now and then (each render of a longer list costs more).
        if (initial && (shown === 0 || next.contacts.length >= shown * 2)) {
          const first = shown === 0;
          shown = next.contacts.length;
          const snap = snapshotIndex(next);
          current = snap;
          const update: Loaded = { index: snap, complete: false, total: Math.max(total, snap.contacts.length), tags: NO_LABELS, relationships: NO_LABELS };
          // Later chunks render as a transition: React slices the work and yields to scrolling.
          if (first) { performance.mark('rapport:list-first-chunk'); setState(update); }
          else startTransition(() => setState(update));
        }
      }, { cancelled: () => gen !== generation, pace: pacer.pace }).then((done) => {
        if (!done || gen !== generation) return;
        if (initial) performance.mark('rapport:list-loaded');
        current = next;
        complete = true;
        failures = 0;
        const update: Loaded = { index: next, complete: true, total: next.contacts.length, ...labels() };
        startTransition(() => setState(update));
        afterLoad();
      }, () => {
        // E.g. the database was closed for an upgrade: show what was read, try again shortly.
        if (gen !== generation) return;
        if (initial) { current = next; complete = true; setState({ index: next, complete: true, total: next.contacts.length, ...labels() }); }
        if (++failures <= 3) dirty = true;
        setTimeout(() => { if (gen === generation) afterLoad(); }, 1000);
      });
    };
    const patch = async (changed: number[]) => {
      const gen = generation;
      const ids = [...new Set(changed)]; // one contact written several times is read (and added) once
      const rows = (await getDb().contacts.bulkGet(ids)).filter((c): c is Contact => !!c);
      if (gen !== generation) return;
      current = addToIndex(removeFromIndex(current, new Set(ids)), rows.map(toListContact));
      setState({
        index: current, complete: true, total: current.contacts.length,
        tags: allTags(current.contacts), relationships: allRelationships(current.contacts),
      });
    };
    const flush = () => {
      timer = undefined;
      const what = pending;
      pending = null;
      if (what === null) return;
      if (loading) {
        if (what === 'all') dirty = true;
        else for (const id of what) queued.add(id);
      } else if (what === 'all') fullLoad();
      else void patch(what);
    };
    const onChange = (parts: ObservabilitySet) => {
      const ids = changedContactIds(parts, getDb().name);
      if (ids === null) return;
      pending = ids === 'all' || pending === 'all' ? 'all' : [...(pending ?? []), ...ids];
      if (pending !== 'all' && pending.length > 500) pending = 'all';
      timer ??= setTimeout(flush, 30);
    };
    Dexie.on('storagemutated', onChange);
    fullLoad();
    return () => {
      generation++;
      pacer.stop();
      if (timer) clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, []);
  return state;
}

/**
 * The user's own relationship labels (settings), read without zod (the list is in the page's first
 * script): what is stored, strings only.
 */
function useCustomRelationships(): readonly string[] {
  const list = useLiveQuery(async () => {
    const stored = ((await getDb().settings.get('settings'))?.value as { customRelationships?: unknown } | undefined)?.customRelationships;
    return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : NO_LABELS;
  }, []);
  return list ?? NO_LABELS;
}

export function ContactsSection() {
  const loaded = useContactIndex();
  const nameIndex = loaded?.index;
  const contacts = loaded?.complete ? nameIndex!.contacts : undefined;
  const cache = useRef<FilterCache | null>(null);
  const customRelationships = useCustomRelationships();
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
  const [creating, setCreating] = useState(false);

  // Name order comes from the loader; another order is computed once per list and sort, not per keystroke.
  const index = useMemo(() => orderIndex(nameIndex ?? EMPTY_INDEX, sort), [nameIndex, sort]);
  // Filtered in the keystroke's own render (a few ms, narrowing the previous result when the query
  // only grew), so the new rows and count are painted in the next frame.
  const filtered = useMemo((): readonly ListContact[] => {
    const filter: ContactFilter = { query, relationship, tag, status, overdue };
    const prev = cache.current;
    const within = prev && prev.index === index && prev.today === day && narrows(prev.filter, filter) ? prev.positions ?? undefined : undefined;
    // No filter: the list itself (no 30,000-entry arrays built per render while the list loads).
    if (!within && isEmptyFilter(filter)) {
      cache.current = { index, filter, today: day, positions: null };
      return index.contacts;
    }
    const positions = filterPositions(index, filter, day, within);
    cache.current = { index, filter, today: day, positions };
    return positions.map((i) => index.contacts[i]!);
  }, [index, query, relationship, tag, status, overdue, day]);
  const tags = loaded?.complete ? loaded.tags : NO_LABELS;
  const usedRelationships = loaded?.complete ? loaded.relationships : NO_LABELS;
  const relationships = useMemo(
    () => [...new Set([...RELATIONSHIPS, ...customRelationships, ...usedRelationships])],
    [usedRelationships, customRelationships],
  );

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

  // The filter controls do not change while typing: the same elements let React skip them.
  const filterControls = useMemo(() => (
    <>
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
    </>
  ), [relationship, tag, status, sort, overdue, tags, relationships]);

  return (
    <section className="o-section" aria-labelledby="contacts-title">
      <div className="o-section-head">
        <h1 id="contacts-title">Contacts</h1>
        <div className="o-row" style={{ alignItems: 'baseline' }}>
          <p className="o-muted" data-testid="contacts-shown" aria-live="polite">
            {contacts === undefined ? 'Loading…' : filtersOn ? `${filtered.length} of ${contacts.length} shown` : `${contacts.length} in your network`}
          </p>
          {!creating && (
            <button type="button" className="o-primary" onClick={() => setCreating(true)} data-testid="new-contact-button">New contact</button>
          )}
        </div>
      </div>

      {creating && <NewContactForm relationships={relationships} onClose={() => setCreating(false)} onCreated={setOpenId} />}

      <div className="o-toolbar" role="search">
        <label className="o-field o-search" htmlFor={searchId}>
          <span>Search</span>
          <input
            id={searchId} type="search" value={query} placeholder="Name, headline, company or tag"
            onChange={(e) => setQuery(e.target.value)} data-testid="contact-search" autoComplete="off"
          />
        </label>
        {filterControls}
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
        {contacts === undefined && !filtered.length ? (
          <p className="o-empty">Loading…</p>
        ) : contacts !== undefined && filtered.length === 0 ? (
          <div className="o-empty">
            {contacts.length === 0 ? (
              <p>No contacts yet. Save people from their LinkedIn profile with the Rapport panel, or <a href="#import">import your connections</a>.</p>
            ) : <p>No contact matches these filters.</p>}
          </div>
        ) : (
          <Rows contacts={filtered} placeholders={contacts === undefined && !filtersOn ? Math.max(0, (loaded?.total ?? 0) - filtered.length) : 0}
            selected={selected} onToggle={toggle} onOpen={setOpenId} today={day} />
        )}
      </div>

      {openId !== null && <Suspense fallback={null}><ContactDrawer contactId={openId} onClose={() => setOpenId(null)} /></Suspense>}
    </section>
  );
}

const Rows = memo(function Rows({ contacts, placeholders = 0, selected, onToggle, onOpen, today }: {
  /** placeholders: rows still loading after `contacts` (the list keeps its final height while it loads). */
  contacts: readonly ListContact[]; placeholders?: number; selected: ReadonlySet<number>; onToggle: (id: number, on: boolean) => void;
  onOpen: (id: number) => void; today: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: contacts.length + placeholders,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows render in the scroll event itself (the virtualizer flushes synchronously while
    // scrolling), so one row beyond each edge is enough; every extra row is laid out on every
    // frame of a drag.
    overscan: 1,
  });
  const items = virtualizer.getVirtualItems();
  // Rows are keyed by index modulo the number of slots: consecutive indexes get distinct keys, a row
  // that stays on screen keeps its element, and a long jump (a fast drag) reuses the elements in
  // place instead of replacing them all (less DOM and garbage per frame). The number of slots only
  // grows: the window holds one row more or less depending on how the first row is cut, and a
  // modulus that followed it would give every row a new key, rebuilding them all, in one frame out
  // of two of a drag.
  const slotsRef = useRef(1);
  slotsRef.current = Math.max(slotsRef.current, items.length);
  const slots = slotsRef.current;
  return (
    <div ref={scrollRef} className="o-list-scroll" data-testid="contact-scroll">
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }} aria-label="Contacts">
        {items.map((v) => {
          // Keyed by the slot on screen, not the contact: a keystroke or a scroll updates the rows'
          // text in place instead of replacing their elements. A row still loading is the same
          // component (and elements) as a loaded one, so rows that arrive while the list scrolls
          // update in place too.
          const c = contacts[v.index] ?? null;
          return (
            <Row key={v.index % slots} contact={c} top={v.start} selected={c ? selected.has(c.id) : false} onToggle={onToggle} onOpen={onOpen} today={today} />
          );
        })}
      </ul>
    </div>
  );
});

/**
 * One row. Its elements are the same for every contact (only the number of chips varies): a scroll
 * that shows other contacts updates text in place instead of creating and dropping elements every
 * frame. `dir="auto"` + `unicode-bidi: isolate` (options.css) isolate page text as a `<bdi>` would,
 * without an extra element per field.
 */
const Row = memo(function Row({ contact: c, top, selected, onToggle, onOpen, today }: {
  /** null: a row still loading (same elements, no text). */
  contact: ListContact | null; top: number; selected: boolean; onToggle: (id: number, on: boolean) => void;
  onOpen: (id: number) => void; today: string;
}) {
  const style = { transform: `translateY(${top}px)` };
  if (!c) {
    return (
      <li className="o-list-row o-muted" style={style} data-selected={false} aria-busy="true">
        <input type="checkbox" checked={false} disabled aria-label="Loading contact" onChange={noop} />
        <div className="o-cell">
          <button type="button" className="o-link o-name o-iso" dir="auto" disabled tabIndex={-1}>Loading…</button>
          <div className="o-cell-sub o-iso" dir="auto" />
        </div>
        <div className="o-cell">
          <div className="o-cell-main o-muted" dir="auto" />
          <div className="o-cell-sub o-iso" dir="auto" />
        </div>
        <div className="o-cell o-chips" />
        <div className="o-cell" />
        <div className="o-cell"><span className="o-cell-sub o-overdue" /></div>
      </li>
    );
  }
  const late = isOverdue(c, today);
  const rels = c.relationships, tags = c.tags;
  const n = rels.length + tags.length;
  const label = (k: number) => (k < rels.length ? relLabel(rels[k]!) : tags[k - rels.length]!);
  let title = '';
  for (let k = 0; k < n; k++) title += (k ? ', ' : '') + label(k);
  // Chips keyed by position: the elements stay while the contact changes under them.
  const chips: ReactNode[] = [];
  for (let k = 0; k < Math.min(n, 4); k++) {
    chips.push(<span key={k} className={k < rels.length ? 'o-chip rel' : 'o-chip'} dir="auto">{displayText(label(k))}</span>);
  }
  if (n > 4) chips.push(<span key="more" className="o-chip">+{n - 4}</span>);
  const sub = c.headline ?? (c.slug ? `linkedin.com/in/${c.slug}` : '');
  return (
    <li className="o-list-row" style={style} data-selected={selected} data-testid="contact-row" data-contact-id={c.id}>
      <input type="checkbox" checked={selected} aria-label={`Select ${displayText(c.name)}`} onChange={(e) => onToggle(c.id, e.target.checked)} />
      <div className="o-cell">
        <button type="button" className="o-link o-name o-iso" dir="auto" title={displayText(c.name)} onClick={() => onOpen(c.id)} data-testid="contact-open">{displayText(c.name)}</button>
        <div className="o-cell-sub o-iso" dir="auto" title={c.headline ?? undefined}>{displayText(sub)}</div>
      </div>
      <div className="o-cell">
        <div className={c.company ? 'o-cell-main o-iso' : 'o-cell-main o-muted'} dir="auto">{c.company ? displayText(c.company) : '—'}</div>
        <div className="o-cell-sub o-iso" dir="auto">{displayText(c.position ?? '')}</div>
      </div>
      <div className="o-cell o-chips" title={displayText(title)}>
        {n === 0 ? [<span key={0} className="o-muted">{STATUS_LABELS[c.status]}</span>] : chips}
      </div>
      <div className="o-cell">{formatDay(c.lastInteraction)}</div>
      <div className={late ? 'o-cell o-overdue' : 'o-cell'}>
        {formatDay(c.nextFollowUp)}<span className="o-cell-sub o-overdue">{late ? 'Overdue' : ''}</span>
      </div>
    </li>
  );
});

const noop = () => {};

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

function NewContactForm({ relationships, onClose, onCreated }: {
  relationships: string[]; onClose: () => void; onCreated: (id: number) => void;
}) {
  const [form, setForm] = useState<NewContactFormValues>(EMPTY_NEW_CONTACT);
  const { run, error, setError, busy } = useAction();
  const toast = useToast();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const link = slugFromProfileInput(form.profileUrl);
  const set = (patch: Partial<NewContactFormValues>) => { setError(null); setForm((f) => ({ ...f, ...patch })); };
  const submit = async () => {
    const checked = newContactInput(form);
    if ('error' in checked) { setError(checked.error); return; }
    const res = await run('contact.save', checked.input as never);
    if (res) {
      toast({ message: `Added ${res.contact.name}.`, action: { label: 'Open', run: () => onCreated(res.contact.id) } });
      onClose();
    }
  };
  return (
    <form className="o-card" style={{ padding: 12, gap: 8 }} aria-labelledby={`${id}-title`} data-testid="new-contact-form"
      onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id={`${id}-title`}>New contact</h2>
      <div className="o-grid2" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <label className="o-field"><span>Name (required)</span>
          <input ref={nameRef} type="text" required maxLength={300} value={form.name} onChange={(e) => set({ name: e.target.value })}
            data-testid="new-contact-name" autoComplete="off" />
        </label>
        <label className="o-field"><span>LinkedIn profile address (optional)</span>
          <input type="text" inputMode="url" maxLength={2000} value={form.profileUrl} placeholder="linkedin.com/in/their-name"
            onChange={(e) => set({ profileUrl: e.target.value })} data-testid="new-contact-url" autoComplete="off"
            aria-invalid={link !== null && 'error' in link} aria-describedby={`${id}-url-hint`} />
          <span id={`${id}-url-hint`} className="o-small o-muted" data-testid="new-contact-slug">
            {link === null ? 'Paste the address of their profile page to recognise them there.' : 'error' in link ? link.error : `Profile: linkedin.com/in/${link.slug}`}
          </span>
        </label>
        <label className="o-field" style={{ gridColumn: '1 / -1' }}><span>Headline</span>
          <input type="text" maxLength={1000} value={form.headline} onChange={(e) => set({ headline: e.target.value })} data-testid="new-contact-headline" />
        </label>
        <label className="o-field"><span>Company</span>
          <input type="text" maxLength={300} value={form.company} onChange={(e) => set({ company: e.target.value })} data-testid="new-contact-company" />
        </label>
        <label className="o-field"><span>Tags (comma separated)</span>
          <input type="text" maxLength={2000} value={form.tags} placeholder="e.g. rust, meetup-berlin" onChange={(e) => set({ tags: e.target.value })}
            data-testid="new-contact-tags" />
        </label>
      </div>
      <fieldset className="o-row" style={{ border: 0, padding: 0, margin: 0, flexWrap: 'wrap' }} data-testid="new-contact-relationships">
        <legend className="o-small">Relationships</legend>
        {relationships.map((r) => (
          <label key={r} className="o-check">
            <input type="checkbox" checked={form.relationships.includes(r)}
              onChange={(e) => set({ relationships: e.target.checked ? [...form.relationships, r] : form.relationships.filter((x) => x !== r) })} />
            {relLabel(r)}
          </label>
        ))}
      </fieldset>
      <div className="o-row">
        <button type="submit" className="o-primary" disabled={busy || !form.name.trim()} data-testid="new-contact-save">Add contact</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
