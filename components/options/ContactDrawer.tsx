/** A contact opened from the options page: its details, then the same editor the panel uses. */
import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import type { Contact } from '../../lib/db/schema';
import { ContactEditor } from '../ContactEditor';
import { ErrorText, useAction, useDeleteContacts } from './common';
import { displayText } from '../safeText';

const DETAIL_FIELDS = [
  ['name', 'Name', 300],
  ['headline', 'Headline', 1000],
  ['company', 'Company', 300],
  ['position', 'Position', 300],
  ['location', 'Location', 300],
  ['email', 'Email', 300],
] as const;
type DetailKey = (typeof DETAIL_FIELDS)[number][0];

export function ContactDrawer({ contactId, onClose }: { contactId: number; onClose: () => void }) {
  const contact = useLiveQuery(async () => (await getDb().contacts.get(contactId)) ?? null, [contactId]);
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  const del = useDeleteContacts();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.focus();
    const back = opener.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { onClose(); return; }
      if (e.key !== 'Tab' || !ref.current) return;
      // Keep keyboard focus inside the dialog.
      const focusable = [...ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')]
        .filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (e.shiftKey && (active === first || active === ref.current)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && active === last) { e.preventDefault(); first.focus(); }
      else if (!ref.current.contains(active)) { e.preventDefault(); first.focus(); }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, [onClose]);

  return (
    <>
      <div className="o-drawer-backdrop" onClick={onClose} aria-hidden="true" />
      <div className="o-drawer" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={ref} tabIndex={-1} data-testid="contact-drawer">
        <div className="o-drawer-head">
          <div style={{ minWidth: 0 }}>
            <h2 id={titleId}><bdi>{displayText(contact?.name ?? 'Contact')}</bdi></h2>
            {contact?.slug && <p className="o-muted o-small">linkedin.com/in/{contact.slug}</p>}
          </div>
          <button type="button" onClick={onClose} aria-label="Close" data-testid="drawer-close">Close</button>
        </div>
        <div className="o-drawer-body rapport-editor-host">
          {contact === undefined ? <p className="o-muted">Loading…</p> : contact === null ? (
            <p className="o-muted">This contact no longer exists.</p>
          ) : (
            <>
              <Details contact={contact} />
              <div className="r-container"><ContactEditor contactId={contact.id} /></div>
              <div className="o-row" style={{ justifyContent: 'flex-end', paddingTop: 8 }}>
                <button type="button" className="o-danger" data-testid="drawer-delete"
                  onClick={async () => { const err = await del([contact.id]); if (err) setError(err); else onClose(); }}>
                  Delete contact
                </button>
              </div>
              <ErrorText error={error} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

/** Name, headline and company as the user knows them; what is saved here is never overwritten by imports. */
function Details({ contact }: { contact: Contact }) {
  const initial = () => Object.fromEntries(DETAIL_FIELDS.map(([k]) => [k, contact[k] ?? ''])) as Record<DetailKey, string>;
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useAction();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setForm(initial()), [contact.id, contact.updatedAt]);
  const dirty = DETAIL_FIELDS.some(([k]) => form[k].trim() !== (contact[k] ?? ''));
  const save = async () => {
    const patch: Record<string, string | null> = {};
    for (const [k] of DETAIL_FIELDS) {
      const v = form[k].trim();
      if (v !== (contact[k] ?? '')) patch[k] = k === 'name' ? v : v || null;
    }
    if (patch.name === '') return;
    const res = await run('contact.update', { id: contact.id, patch });
    if (res) setSaved(true);
  };
  return (
    <form className="o-card" style={{ padding: 12, gap: 8 }} onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="contact-details">
      <h3>Details</h3>
      <div className="o-grid2" style={{ gridTemplateColumns: '1fr 1fr' }}>
        {DETAIL_FIELDS.map(([k, label, max]) => (
          <label key={k} className="o-field" style={k === 'headline' ? { gridColumn: '1 / -1' } : undefined}>
            <span>{label}</span>
            <input type="text" value={form[k]} maxLength={max} required={k === 'name'} data-testid={`detail-${k}`}
              onChange={(e) => { setSaved(false); setForm({ ...form, [k]: e.target.value }); }} />
          </label>
        ))}
      </div>
      <div className="o-row">
        <button type="submit" className="o-primary" disabled={!dirty || busy || !form.name.trim()} data-testid="detail-save">Save details</button>
        {saved && !dirty && <span className="o-ok o-small" role="status">Saved</span>}
      </div>
      <ErrorText error={error} />
    </form>
  );
}
