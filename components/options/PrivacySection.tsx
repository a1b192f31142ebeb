/** Data and privacy: storage used, persistence, what Rapport never does, and deleting everything. */
import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import { ErrorText, useAction, useToast } from './common';
import { PersistenceStatus, usePersistence } from './WelcomeSection';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function PrivacySection() {
  const persistence = usePersistence();
  const [estimate, setEstimate] = useState<StorageEstimate | null | 'unsupported'>(null);
  const counts = useLiveQuery(async () => {
    const db = getDb();
    const [contacts, notes, interactions, groups, events] = await Promise.all([
      db.contacts.count(), db.notes.count(), db.interactions.count(), db.groups.count(), db.events.count(),
    ]);
    return { contacts, notes, interactions, groups, events };
  }, []);
  useEffect(() => {
    if (!navigator.storage?.estimate) { setEstimate('unsupported'); return; }
    void navigator.storage.estimate().then(setEstimate, () => setEstimate('unsupported'));
  }, [counts]);

  return (
    <section className="o-section" aria-labelledby="privacy-title">
      <h1 id="privacy-title">Data &amp; privacy</h1>

      <div className="o-card" data-testid="privacy-promise">
        <h2>What Rapport never does</h2>
        <ul className="o-list-plain">
          <li><strong>No network.</strong> Rapport makes no requests to any server: not ours, not LinkedIn’s, not anyone’s.</li>
          <li><strong>No tracking.</strong> No analytics, no telemetry, no accounts.</li>
          <li><strong>No automation on LinkedIn.</strong> It never clicks, sends, connects or scrolls for you; it only reads the page you are looking at, when you look at it.</li>
          <li><strong>Your data stays in this browser profile.</strong> It leaves only when you export a backup yourself.</li>
        </ul>
      </div>

      <div className="o-card" data-testid="storage-card">
        <h2>Storage</h2>
        <dl className="o-grid2" style={{ margin: 0, gridTemplateColumns: 'minmax(220px, 1fr) 2fr' }}>
          <div>
            <dt className="o-small o-muted">Space used</dt>
            <dd style={{ margin: 0 }} data-testid="storage-used">
              {estimate === null ? 'Measuring…' : estimate === 'unsupported' ? 'Not reported by this browser' :
                `${formatBytes(estimate.usage ?? 0)}${estimate.quota ? ` of ${formatBytes(estimate.quota)} available` : ''}`}
            </dd>
          </div>
          <div>
            <dt className="o-small o-muted">Stored</dt>
            <dd style={{ margin: 0 }}>
              {counts ? `${counts.contacts} contacts, ${counts.notes} notes, ${counts.interactions} interactions, ${counts.groups} groups, ${counts.events} events` : '…'}
            </dd>
          </div>
        </dl>
        <div>
          <div className="o-small o-muted">Persistent storage</div>
          <PersistenceStatus state={persistence.state} />
        </div>
        {persistence.state === 'denied' && <div><button type="button" onClick={persistence.request}>Ask the browser to keep Rapport’s data</button></div>}
      </div>

      <DeleteEverything />
    </section>
  );
}

function DeleteEverything() {
  const [typed, setTyped] = useState('');
  const { run, error, busy } = useAction();
  const toast = useToast();
  const inputId = useId();
  const ok = typed === 'DELETE';
  return (
    <div className="o-card" style={{ borderColor: 'var(--r-danger)' }} data-testid="delete-everything">
      <h2>Delete everything</h2>
      <p className="o-muted">
        Removes every contact, note, interaction, group, event, goal, reminder and setting Rapport keeps in this browser.
        This cannot be undone; <a href="#backup">export a backup</a> first if you may want it back.
      </p>
      <form className="o-row" style={{ alignItems: 'flex-end' }}
        onSubmit={async (e) => {
          e.preventDefault();
          if (!ok) return;
          if (await run('data.deleteEverything', { confirm: 'DELETE' })) {
            setTyped('');
            toast({ message: 'Everything was deleted.' });
          }
        }}>
        <label className="o-field" htmlFor={inputId}>
          <span>Type DELETE to confirm</span>
          <input id={inputId} type="text" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm-input" />
        </label>
        <button type="submit" className="o-danger-solid" disabled={!ok || busy} data-testid="delete-everything-button">Delete everything</button>
      </form>
      <ErrorText error={error} />
    </div>
  );
}
