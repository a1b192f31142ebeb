/**
 * Backup, restore and export. A backup is one JSON file with every table; restoring checks the
 * whole file first, shows what would change, then merges (keeps everything here, adds what is
 * missing) or replaces (makes this browser exactly the backup), in one transaction.
 */
import { useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { call } from '../../lib/api/client';
import type { OpOutput } from '../../lib/api/protocol';
import { getDb } from '../../lib/db/db';
import { mergeSettings } from '../../lib/domain/settings';
import { backupDue, BACKUP_REMINDER_DAYS } from '../../lib/backup/format';

const TABLE_LABELS: Record<string, string> = {
  contacts: 'Contacts', groups: 'Groups', events: 'Events', notes: 'Notes', interactions: 'Interactions',
  activities: 'Activities', goals: 'Goals', reminders: 'Reminders', settings: 'Settings', imports: 'Import history',
};

const SINGULAR: Record<string, string> = {
  contacts: 'contact', groups: 'group', events: 'event', notes: 'note', interactions: 'interaction', activities: 'activity',
  goals: 'goal', reminders: 'reminder', settings: 'settings', imports: 'import record',
};
const PLURAL: Record<string, string> = { ...SINGULAR, contacts: 'contacts', groups: 'groups', events: 'events', notes: 'notes',
  interactions: 'interactions', activities: 'activities', goals: 'goals', reminders: 'reminders', imports: 'import records' };
/** "1 note", "2 notes". */
function count(n: number, table: string): string {
  return `${n.toLocaleString()} ${(n === 1 ? SINGULAR : PLURAL)[table] ?? table}`;
}

function download(fileName: string, text: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const dateTimeFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
function when(t: number | string): string {
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : dateTimeFmt.format(d);
}

type Restore =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'invalid'; fileName: string; message: string }
  | { kind: 'preview'; fileName: string; text: string; preview: OpOutput<'backup.preview'>; mode: 'merge' | 'replace'; confirmReplace: string }
  | { kind: 'restoring'; fileName: string }
  | { kind: 'restored'; fileName: string; mode: 'merge' | 'replace'; added: Record<string, number> }
  | { kind: 'failed'; fileName: string; message: string };

export function BackupSection() {
  const ids = { head: useId(), backup: useId(), restore: useId(), exp: useId(), file: useId(), mode: useId(), confirm: useId() };
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [row, contacts] = await Promise.all([db.settings.get('settings'), db.contacts.count()]);
    return { settings: mergeSettings(row?.value), contacts };
  }, []);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; where: 'backup' | 'export' } | null>(null);
  const [restore, setRestore] = useState<Restore>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const lastBackupAt = data?.settings.lastBackupAt ?? null;
  const due = data ? data.contacts > 0 && backupDue(lastBackupAt, Date.now()) : false;

  const run = async (what: string, fn: () => Promise<string>) => {
    const where = what === 'backup' ? 'backup' : 'export';
    setBusy(what);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await fn(), where });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err), where });
    } finally {
      setBusy(null);
    }
  };

  const backupNow = () => run('backup', async () => {
    const r = await call('backup.export', {});
    download(r.fileName, r.text, 'application/json');
    return `Saved ${r.fileName} (${count(r.counts.contacts ?? 0, 'contacts')}, ${count(r.counts.notes ?? 0, 'notes')}). Keep it somewhere safe.`;
  });

  const exportAs = (format: 'csv' | 'vcard3' | 'vcard4') => run(format, async () => {
    const r = await call('export.contacts', { format });
    download(r.fileName, r.text, r.mime);
    return `Exported ${r.count.toLocaleString()} ${r.count === 1 ? 'contact' : 'contacts'} to ${r.fileName}.`;
  });

  const onRestoreFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    setRestore({ kind: 'checking', fileName: file.name });
    try {
      const text = await file.text();
      const preview = await call('backup.preview', { text });
      setRestore({ kind: 'preview', fileName: file.name, text, preview, mode: 'merge', confirmReplace: '' });
    } catch (err) {
      setRestore({ kind: 'invalid', fileName: file.name, message: err instanceof Error ? err.message : String(err) });
    }
  };

  const resetRestore = () => {
    if (fileInput.current) fileInput.current.value = '';
    setRestore({ kind: 'idle' });
  };

  const doRestore = async () => {
    if (restore.kind !== 'preview') return;
    const { text, mode, fileName } = restore;
    setRestore({ kind: 'restoring', fileName });
    try {
      const r = await call('backup.restore', { text, mode });
      setRestore({ kind: 'restored', fileName, mode: r.mode, added: r.added });
    } catch (err) {
      setRestore({ kind: 'failed', fileName, message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="o-section bk" aria-labelledby={ids.head} data-testid="backup-section">
      <style>{CSS}</style>
      <div className="o-section-head">
        <h1 id={ids.head}>Backup &amp; export</h1>
      </div>
      <p className="o-lede">
        Everything Rapport knows is stored only in this browser. Removing the extension or clearing browser data deletes it, so keep a backup file.
      </p>

      {due && (
        <p className="o-notice bk-due" role="status" data-testid="backup-reminder">
          {lastBackupAt === null
            ? 'You have not made a backup yet.'
            : `Your last backup is more than ${BACKUP_REMINDER_DAYS} days old.`}{' '}
          A backup takes a second and is the only way to get your notes back if the browser’s storage is wiped.
        </p>
      )}

      <div className="o-card" aria-labelledby={ids.backup}>
        <div className="o-card-head">
          <h2 id={ids.backup}>Back up</h2>
          <span className="o-muted o-small" data-testid="last-backup">
            {lastBackupAt ? `Last backup: ${when(lastBackupAt)}` : 'No backup yet'}
          </span>
        </div>
        <p className="o-muted o-small">One JSON file with your contacts, notes, groups, events, goals, reminders and settings.</p>
        <div className="o-row">
          <button type="button" className="o-primary" data-testid="backup-download" disabled={busy !== null} onClick={() => void backupNow()}>
            {busy === 'backup' ? 'Preparing…' : 'Download backup'}
          </button>
        </div>
        <Message message={message} where="backup" />
      </div>

      <div className="o-card" aria-labelledby={ids.restore}>
        <h2 id={ids.restore}>Restore from a backup</h2>
        {(restore.kind === 'idle' || restore.kind === 'checking' || restore.kind === 'invalid') && (
          <>
            <div className="bk-pick">
              <label htmlFor={ids.file} className="o-muted o-small">
                Pick a Rapport backup file (.json). It is checked completely before anything changes.
              </label>
              <input
                ref={fileInput}
                id={ids.file}
                type="file"
                accept=".json,application/json"
                data-testid="restore-input"
                disabled={restore.kind === 'checking'}
                onChange={(e) => void onRestoreFile(e.currentTarget.files?.[0])}
              />
            </div>
            {restore.kind === 'checking' && <p className="o-muted" role="status">Checking “{restore.fileName}”…</p>}
            {restore.kind === 'invalid' && (
              <p className="o-error" role="alert" data-testid="restore-error">
                {restore.message} Nothing was changed.
              </p>
            )}
          </>
        )}

        {restore.kind === 'preview' && (
          <div className="bk-preview" data-testid="restore-preview">
            <p className="o-small">
              “{restore.fileName}” · made {when(restore.preview.exportedAt)}
            </p>
            <table className="o-table bk-table">
              <caption className="o-sr">What the backup holds and what restoring it would change</caption>
              <thead>
                <tr><th scope="col">Kind</th><th scope="col">In the file</th><th scope="col">Here now</th><th scope="col">Merge would add</th></tr>
              </thead>
              <tbody>
                {restore.preview.tables.filter((t) => t.inFile > 0 || t.stored > 0).map((t) => (
                  <tr key={t.table}>
                    <th scope="row">{TABLE_LABELS[t.table] ?? t.table}</th>
                    <td>{t.inFile.toLocaleString()}</td>
                    <td>{t.stored.toLocaleString()}</td>
                    <td>{t.added.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <fieldset className="bk-modes">
              <legend className="o-small">How to restore</legend>
              <label className="bk-mode">
                <input type="radio" name={ids.mode} checked={restore.mode === 'merge'} data-testid="restore-mode-merge"
                  onChange={() => setRestore({ ...restore, mode: 'merge' })} />
                <span><strong>Merge</strong> — keep everything here and add what is missing from the backup.</span>
              </label>
              <label className="bk-mode">
                <input type="radio" name={ids.mode} checked={restore.mode === 'replace'} data-testid="restore-mode-replace"
                  onChange={() => setRestore({ ...restore, mode: 'replace' })} />
                <span><strong>Replace</strong> — delete what is here and put back exactly the backup.</span>
              </label>
            </fieldset>
            {restore.mode === 'replace' && (
              <label className="o-field bk-confirm" htmlFor={ids.confirm}>
                <span>Type REPLACE to delete the {restore.preview.tables.reduce((s, t) => s + (t.table === 'settings' ? 0 : t.stored), 0).toLocaleString()} records stored here</span>
                <input id={ids.confirm} type="text" autoComplete="off" value={restore.confirmReplace} data-testid="restore-replace-confirm"
                  onChange={(e) => setRestore({ ...restore, confirmReplace: e.currentTarget.value })} />
              </label>
            )}
            <div className="o-row">
              <button
                type="button"
                className={restore.mode === 'replace' ? 'o-danger-solid' : 'o-primary'}
                data-testid="restore-confirm"
                disabled={restore.mode === 'replace' && restore.confirmReplace.trim().toUpperCase() !== 'REPLACE'}
                onClick={() => void doRestore()}
              >
                {restore.mode === 'merge' ? 'Merge backup' : 'Replace with backup'}
              </button>
              <button type="button" onClick={resetRestore}>Cancel</button>
            </div>
          </div>
        )}

        {restore.kind === 'restoring' && <p role="status">Restoring “{restore.fileName}”…</p>}
        {restore.kind === 'restored' && (
          <>
            <p className="o-ok" role="status" data-testid="restore-summary">
              {restore.mode === 'replace' ? 'Restored' : 'Merged'} “{restore.fileName}”:{' '}
              {Object.entries(restore.added).filter(([, n]) => n > 0).map(([t, n]) => count(n, t)).join(', ') || 'nothing was missing'}
              {restore.mode === 'merge' ? ' added.' : '.'}
            </p>
            <div className="o-row"><button type="button" onClick={resetRestore}>Restore another file</button></div>
          </>
        )}
        {restore.kind === 'failed' && (
          <>
            <p className="o-error" role="alert" data-testid="restore-error">{restore.message} Nothing was changed.</p>
            <div className="o-row"><button type="button" onClick={resetRestore}>Try another file</button></div>
          </>
        )}
      </div>

      <div className="o-card" aria-labelledby={ids.exp}>
        <h2 id={ids.exp}>Export contacts</h2>
        <p className="o-muted o-small">For a spreadsheet or your address book. Includes relationships, tags and notes.</p>
        <div className="o-row">
          <button type="button" data-testid="export-csv" disabled={busy !== null || !data?.contacts} onClick={() => void exportAs('csv')}>
            Spreadsheet (CSV)
          </button>
          <button type="button" data-testid="export-vcard" disabled={busy !== null || !data?.contacts} onClick={() => void exportAs('vcard3')}>
            vCard 3.0
          </button>
          <button type="button" data-testid="export-vcard4" disabled={busy !== null || !data?.contacts} onClick={() => void exportAs('vcard4')}>
            vCard 4.0
          </button>
        </div>
        <Message message={message} where="export" />
      </div>

    </section>
  );
}

function Message({ message, where }: { message: { ok: boolean; text: string; where: string } | null; where: string }) {
  const mine = message?.where === where ? message : null;
  return (
    <div aria-live="polite" className="bk-live">
      {mine && (
        <p className={mine.ok ? 'bk-message' : 'o-error'} role={mine.ok ? 'status' : 'alert'} data-testid={`${where}-message`}>
          {mine.text}
        </p>
      )}
    </div>
  );
}

export default BackupSection;

const CSS = `
.bk-pick { display: flex; flex-direction: column; gap: 8px; }
.bk input[type='file'] { font: inherit; font-size: 13px; color: var(--r-fg); max-width: 100%; }
.bk input[type='file']::file-selector-button {
  font: inherit; font-size: 13px; border-radius: 7px; padding: 6px 12px; margin-right: 10px; cursor: pointer;
  border: 1px solid var(--r-border); background: var(--r-bg); color: var(--r-fg);
}
.bk-preview { display: flex; flex-direction: column; gap: 12px; }
.bk-table { max-width: 560px; }
.bk-table td { font-variant-numeric: tabular-nums; }
.bk-table tbody th { font-weight: 500; color: var(--r-fg); font-size: 13px; border-bottom: 1px solid var(--r-border); }
.bk-modes { border: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 6px; }
.bk-modes legend { font-weight: 600; margin-bottom: 4px; padding: 0; }
.bk-mode { display: flex; gap: 8px; align-items: flex-start; font-size: 13px; cursor: pointer; }
.bk-mode input { margin-top: 3px; accent-color: var(--r-accent); }
.bk-confirm { max-width: 360px; }
.bk-message { background: var(--r-accent-soft); color: var(--r-fg); padding: 8px 10px; border-radius: 8px; font-size: 13px; }
.bk-live:empty { display: none; }
.bk-table tbody tr:last-child th { border-bottom: none; }
.bk-due { border-left: 4px solid var(--r-warn); }
`;
