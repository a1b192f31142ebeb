/** Likely duplicates (same profile, or same name and company where a slug is missing) and merging them. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import type { Contact } from '../../lib/db/schema';
import { findDuplicates } from '../../lib/manage/duplicates';
import { ErrorText, STATUS_LABELS, formatDay, useAction, useToast } from './common';
import { displayText } from '../safeText';

const SOURCE_LABELS: Record<Contact['source'], string> = { page: 'Saved from profile', csv: 'Imported from CSV', manual: 'Added by hand' };

export function DuplicatesSection() {
  const contacts = useLiveQuery(() => getDb().contacts.toArray(), []);
  const groups = useMemo(() => (contacts ? findDuplicates(contacts) : undefined), [contacts]);
  return (
    <section className="o-section" aria-labelledby="dup-title">
      <div className="o-section-head">
        <h1 id="dup-title">Duplicates</h1>
        <p className="o-muted" data-testid="duplicate-count">{groups ? `${groups.length} possible ${groups.length === 1 ? 'duplicate' : 'duplicates'}` : 'Looking…'}</p>
      </div>
      <p className="o-lede">
        The same person can end up twice, for example after importing an old connections file without profile links and
        later saving them from their profile. Merging keeps every note, interaction, reminder and tag, keeps what you typed,
        and keeps the LinkedIn profile link.
      </p>
      {groups && groups.length === 0 && <div className="o-card"><p className="o-muted">No duplicates found.</p></div>}
      {groups?.map((g) => <DuplicateCard key={g.contacts.map((c) => c.id).join('-')} reason={g.reason} contacts={g.contacts} />)}
    </section>
  );
}

function DuplicateCard({ reason, contacts }: { reason: 'same-profile' | 'same-name-company'; contacts: Contact[] }) {
  const [keep, setKeep] = useState(contacts[0]!.id);
  const { run, error, busy } = useAction();
  const toast = useToast();
  const name = contacts[0]!.name;
  const hasSlug = contacts.some((c) => c.slug);
  return (
    <div className="o-card" data-testid="duplicate-group">
      <div className="o-card-head">
        <div>
          <h2><bdi>{displayText(name)}</bdi></h2>
          <p className="o-small o-muted">{reason === 'same-profile' ? 'Same LinkedIn profile' : 'Same name and company; one has no profile link'}</p>
        </div>
        <button type="button" className="o-primary" disabled={busy} data-testid="merge"
          onClick={async () => {
            const res = await run('manage.mergeContacts', { ids: contacts.map((c) => c.id), keepId: keep });
            if (res) toast({ message: `Merged ${res.merged + 1} records of ${res.contact.name}.` });
          }}>
          Merge {contacts.length} records
        </button>
      </div>
      <table className="o-table">
        <thead><tr><th>Keep as main</th><th>Headline · company</th><th>Profile</th><th>Status</th><th>Added</th></tr></thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id}>
              <td>
                <label className="o-check">
                  <input type="radio" name={`keep-${contacts[0]!.id}`} checked={keep === c.id} onChange={() => setKeep(c.id)} />
                  <bdi>{displayText(c.name)}</bdi>
                </label>
              </td>
              <td>
                <div>{c.headline ?? <span className="o-muted">No headline</span>}</div>
                <div className="o-small o-muted">{[c.position, c.company].filter(Boolean).join(' · ') || '—'}</div>
              </td>
              <td className="o-small">{c.slug ? `in/${c.slug}` : <span className="o-muted">No link</span>}</td>
              <td className="o-small">{STATUS_LABELS[c.status]}</td>
              <td className="o-small">{SOURCE_LABELS[c.source]}<div className="o-muted">{formatDay(new Date(c.createdAt).toISOString().slice(0, 10))}</div></td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasSlug && <p className="o-small o-muted">The profile link is kept whichever record you keep as main.</p>}
      <ErrorText error={error} />
    </div>
  );
}
