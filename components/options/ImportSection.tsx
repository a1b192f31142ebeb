/**
 * Import LinkedIn's Connections.csv: pick the file, see what would change, confirm, watch the
 * progress (cancellable), read the summary. Parsing and planning run in a worker; the rows go to
 * the background in batches (`import.batch`, one transaction each), so the page never freezes and
 * an interrupted import can simply be run again.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { call, callResult } from '../../lib/api/client';
import type { ImportRun } from '../../lib/db/schema';
import { describeImportResult, type ImportCounts } from '../../lib/import/apply';
import { packRows } from '../../lib/import/packed-rows';
import type { ImportPreview, ImportWorkerRequest, ImportWorkerResponse } from '../../lib/import/prepare';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'problem'; fileName: string; message: string }
  | { kind: 'preview'; fileName: string; preview: ImportPreview }
  | { kind: 'importing'; fileName: string; preview: ImportPreview; done: number; counts: ImportCounts }
  | { kind: 'finished'; fileName: string; preview: ImportPreview; counts: ImportCounts; status: 'done' | 'cancelled' | 'failed'; error?: string };

/** A batch as `import.batch` takes it: the rows packed in one string, and how many they are. */
interface Batch { packed: string; count: number }

/**
 * Talks to the import worker (or, without workers, does the same work on this thread). Made when
 * the section opens (`warm`): the worker loads and opens the database while the user picks a file.
 */
class Reader {
  /** A file was given to this reader (a new file gets a new reader). */
  used = false;
  private worker: Worker | null = null;
  private fallback: import('../../lib/import/prepare').PreparedImport | null = null;
  private waiting = new Map<string, (m: ImportWorkerResponse) => void>();

  private ensureWorker(): Worker | null {
    if (this.worker || typeof Worker === 'undefined') return this.worker;
    try {
      this.worker = new Worker(new URL('../../lib/import/apply-worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<ImportWorkerResponse>) => {
        const key = e.data.type === 'batch' ? `batch:${e.data.index}` : 'prepare';
        const resolve = this.waiting.get(key);
        this.waiting.delete(key);
        resolve?.(e.data);
      };
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  private ask(key: string, m: ImportWorkerRequest): Promise<ImportWorkerResponse> {
    return new Promise((resolve) => {
      this.waiting.set(key, resolve);
      this.worker!.postMessage(m);
    });
  }

  warm() {
    this.ensureWorker()?.postMessage({ type: 'warm' } satisfies ImportWorkerRequest);
  }

  async prepare(file: File): Promise<{ preview: ImportPreview } | { problem: string }> {
    this.used = true;
    if (this.ensureWorker()) {
      const res = await this.ask('prepare', { type: 'prepare', file });
      if (res.type === 'problem') return { problem: res.message };
      if (res.type === 'preview') return { preview: res.preview };
      return { problem: 'This file could not be read. Nothing was imported.' };
    }
    const { prepareImport } = await import('../../lib/import/prepare');
    const result = await prepareImport(await file.text());
    if ('problem' in result) return result;
    this.fallback = result;
    return { preview: result.preview };
  }

  async batch(index: number): Promise<Batch> {
    if (this.worker) {
      const res = await this.ask(`batch:${index}`, { type: 'batch', index });
      return res.type === 'batch' ? { packed: res.packed, count: res.count } : { packed: '[]', count: 0 };
    }
    const rows = this.fallback?.batch(index) ?? [];
    return { packed: packRows(rows), count: rows.length };
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.fallback = null;
  }
}

const zero = (skipped: number): ImportCounts => ({ new: 0, updated: 0, unchanged: 0, skipped, duplicates: 0 });
const fmt = (n: number) => n.toLocaleString();

function Stat({ label, value, hint, tone }: { label: string; value: number; hint?: string; tone?: 'accent' }) {
  return (
    <div className={`imp-stat${tone ? ' imp-stat-accent' : ''}`}>
      <span className="imp-stat-value">{fmt(value)}</span>
      <span className="imp-stat-label">{label}</span>
      {hint && <span className="imp-stat-hint">{hint}</span>}
    </div>
  );
}

export function ImportSection() {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [lastRun, setLastRun] = useState<{ latest: ImportRun | null; interrupted: ImportRun[] } | null>(null);
  const reader = useRef<Reader | null>(null);
  const cancelled = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const headingId = useId();

  useEffect(() => {
    void callResult('import.recover', {}).then((r) => { if (r.ok) setLastRun(r.data); });
    reader.current = new Reader();
    reader.current.warm();
    return () => reader.current?.dispose();
  }, []);

  const onFile = useCallback(async (file: File | undefined) => {
    if (!file) return;
    if (!reader.current || reader.current.used) {
      reader.current?.dispose();
      reader.current = new Reader();
    }
    setPhase({ kind: 'reading', fileName: file.name });
    const result = await reader.current.prepare(file);
    if ('problem' in result) setPhase({ kind: 'problem', fileName: file.name, message: result.problem });
    else setPhase({ kind: 'preview', fileName: file.name, preview: result.preview });
  }, []);

  const reset = () => {
    reader.current?.dispose();
    reader.current = null;
    if (fileInput.current) fileInput.current.value = '';
    setPhase({ kind: 'idle' });
  };

  const runImport = async (fileName: string, preview: ImportPreview) => {
    cancelled.current = false;
    const counts = zero(preview.counts.skipped);
    counts.duplicates = preview.counts.duplicates;
    setPhase({ kind: 'importing', fileName, preview, done: 0, counts: { ...counts } });
    let runId: number | null = null;
    try {
      // The worker packs the first batch while the run is being started.
      const source = reader.current!;
      let next = preview.batches > 0 ? source.batch(0) : null;
      const run = await call('import.start', { fileName: fileName.slice(0, 500), total: preview.total });
      runId = run.id;
      let done = 0;
      // Two batches in flight: the background queues their transactions in order, so the next one
      // starts as soon as the previous commits (no idle round trip), and a stop waits for at most one.
      // A batch travels packed (one string): this thread never touches its rows.
      const inFlight: Promise<void>[] = [];
      let failure: unknown = null;
      for (let i = 0; i < preview.batches && next; i++) {
        if (cancelled.current) break;
        const { packed, count } = await next;
        next = i + 1 < preview.batches ? source.batch(i + 1) : null;
        if (!count) continue;
        const id = runId;
        inFlight.push(call('import.batch', { runId: id, packed }).then((r) => {
          counts.new += r.created;
          counts.updated += r.updated;
          counts.unchanged += r.unchanged;
          counts.duplicates += r.duplicates;
          done += count;
          setPhase({ kind: 'importing', fileName, preview, done, counts: { ...counts } });
        }, (err: unknown) => { failure ??= err; }));
        if (inFlight.length >= 2) await inFlight.shift();
        if (failure) break;
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      const status = cancelled.current ? 'cancelled' : 'done';
      // Every batch is committed: the summary is final; closing the run is bookkeeping.
      setPhase({ kind: 'finished', fileName, preview, counts, status });
      await call('import.finish', { runId, status });
      if (status === 'done') { reader.current?.dispose(); reader.current = null; }
    } catch (err) {
      if (runId !== null) await callResult('import.finish', { runId, status: 'failed' });
      setPhase({ kind: 'finished', fileName, preview, counts, status: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
    setLastRun(null);
  };

  const interrupted = lastRun?.interrupted[0] ?? (lastRun?.latest?.status === 'interrupted' ? lastRun.latest : null);

  return (
    <section className="o-section imp" aria-labelledby={headingId} data-testid="import-section">
      <style>{CSS}</style>
      <div className="o-section-head">
        <h1 id={headingId}>Import LinkedIn connections</h1>
      </div>
      <p className="o-lede">
        Bring in everyone you are connected with from LinkedIn’s <strong>Connections.csv</strong>. The file is read in this browser and
        never leaves it. Importing again later is safe: people already here are matched, and your own notes, tags and edits are never overwritten.
      </p>

      {interrupted && phase.kind === 'idle' && (
        <p className="o-notice" role="status" data-testid="import-interrupted">
          The import of “{interrupted.fileName}” was interrupted after {fmt(interrupted.done)} of {fmt(interrupted.total)} rows — run the
          import again to finish; nothing is duplicated.
        </p>
      )}

      {(phase.kind === 'idle' || phase.kind === 'reading' || phase.kind === 'problem') && (
        <div className="o-card">
          <div className="imp-pick">
            <div className="imp-pick-text">
              <label htmlFor={inputId} className="imp-label">Choose your Connections.csv</label>
              <p className="o-muted o-small">
                On LinkedIn: <em>Settings → Data privacy → Get a copy of your data → Connections</em>. LinkedIn e-mails you a link to a ZIP
                file; unzip it and pick <strong>Connections.csv</strong>.
              </p>
            </div>
            <input
              ref={fileInput}
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              data-testid="import-connections-input"
              disabled={phase.kind === 'reading'}
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
          </div>
          {phase.kind === 'reading' && <p className="o-muted" role="status">Reading “{phase.fileName}”…</p>}
          {phase.kind === 'problem' && (
            <p className="o-error" role="alert" data-testid="import-error">
              {phase.message}
            </p>
          )}
        </div>
      )}

      {phase.kind === 'preview' && (
        <div className="o-card" data-testid="import-preview" aria-labelledby="imp-preview-title">
          <div className="o-card-head">
            <h2 id="imp-preview-title">Ready to import “{phase.fileName}”</h2>
          </div>
          <p className="o-muted o-small">Nothing has been saved yet. This is what the import will do:</p>
          <div className="imp-stats">
            <Stat label="new contacts" value={phase.preview.counts.new} tone="accent" />
            <Stat label="updated" value={phase.preview.counts.updated} hint="company, position or e-mail changed" />
            <Stat label="unchanged" value={phase.preview.counts.unchanged} hint="already up to date" />
            <Stat label="skipped" value={phase.preview.counts.skipped} hint="members who hide their data" />
          </div>
          {phase.preview.counts.duplicates > 0 && (
            <p className="o-muted o-small">{fmt(phase.preview.counts.duplicates)} people are listed twice in the file; they will be saved once.</p>
          )}
          {phase.preview.problemCount > 0 && (
            <details className="imp-problems">
              <summary>{fmt(phase.preview.problemCount)} {phase.preview.problemCount === 1 ? 'line was' : 'lines were'} read with a problem</summary>
              <ul>
                {phase.preview.problems.map((p) => (
                  <li key={`${p.line}-${p.message}`}>Line {p.line}: {p.message}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="o-row">
            <button type="button" className="o-primary" data-testid="import-confirm" onClick={() => void runImport(phase.fileName, phase.preview)}>
              {phase.preview.counts.new + phase.preview.counts.updated > 0
                ? `Import ${fmt(phase.preview.counts.new + phase.preview.counts.updated)} ${phase.preview.counts.new + phase.preview.counts.updated === 1 ? 'change' : 'changes'}`
                : 'Import (nothing new)'}
            </button>
            <button type="button" onClick={reset}>Choose another file</button>
          </div>
        </div>
      )}

      {phase.kind === 'importing' && (
        <div className="o-card" aria-labelledby="imp-progress-title">
          <h2 id="imp-progress-title">Importing “{phase.fileName}”…</h2>
          <progress
            className="imp-progress"
            max={Math.max(1, phase.preview.total)}
            value={phase.done}
            aria-label="Import progress"
            data-testid="import-progress"
          />
          <p className="o-muted o-small" aria-live="polite">
            {fmt(phase.done)} of {fmt(phase.preview.total)} rows · {fmt(phase.counts.new)} new, {fmt(phase.counts.updated)} updated so far
          </p>
          <div className="o-row">
            <button type="button" data-testid="import-cancel" onClick={() => { cancelled.current = true; }}>
              Stop import
            </button>
          </div>
        </div>
      )}

      {phase.kind === 'finished' && (
        <div className="o-card" aria-labelledby="imp-done-title">
          <h2 id="imp-done-title">
            {phase.status === 'done' ? 'Import finished' : phase.status === 'cancelled' ? 'Import stopped' : 'Import failed'}
          </h2>
          <p className={phase.status === 'done' ? 'imp-summary' : 'imp-summary imp-summary-partial'} role="status" data-testid="import-summary">
            {describeImportResult(phase.counts)}
            {phase.status === 'cancelled' && ' You stopped the import; run it again to finish — nothing is duplicated.'}
          </p>
          {phase.status === 'failed' && (
            <p className="o-error" role="alert">
              The import stopped: {phase.error} Batches saved before this stay saved; run the import again to finish — nothing is duplicated.
            </p>
          )}
          <div className="imp-stats">
            <Stat label="new contacts" value={phase.counts.new} tone="accent" />
            <Stat label="updated" value={phase.counts.updated} />
            <Stat label="unchanged" value={phase.counts.unchanged} />
            <Stat label="skipped" value={phase.counts.skipped} hint="members who hide their data" />
          </div>
          <div className="o-row">
            <a className="o-btn imp-linkbtn" href="#contacts">See your contacts</a>
            <button type="button" onClick={reset}>Import another file</button>
          </div>
        </div>
      )}
    </section>
  );
}

export default ImportSection;

const CSS = `
.imp-pick { display: flex; gap: 16px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
.imp-pick-text { display: flex; flex-direction: column; gap: 4px; flex: 1 1 320px; }
.imp-label { font-weight: 600; font-size: 14px; }
.imp input[type='file'] { font: inherit; font-size: 13px; color: var(--r-fg); max-width: 100%; }
.imp input[type='file']::file-selector-button {
  font: inherit; font-size: 13px; border-radius: 7px; padding: 6px 12px; margin-right: 10px; cursor: pointer;
  border: 1px solid var(--r-accent); background: var(--r-accent); color: var(--r-accent-fg); font-weight: 600;
}
.imp-stats { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; }
.imp-stat { background: var(--r-bg-soft); border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; gap: 1px; min-width: 0; }
.imp-stat-accent { background: var(--r-accent-soft); }
.imp-stat-value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.2; }
.imp-stat-label { font-size: 13px; font-weight: 500; }
.imp-stat-hint { font-size: 12px; color: var(--r-fg-soft); }
.imp-problems summary { cursor: pointer; font-size: 13px; color: var(--r-warn); }
.imp-problems ul { margin: 6px 0 0; padding-left: 18px; font-size: 12px; color: var(--r-fg-soft); }
.imp-progress { width: 100%; height: 10px; accent-color: var(--r-accent); }
.imp-summary { font-size: 14px; }
.imp-summary-partial { color: var(--r-warn); }
.imp-linkbtn { text-decoration: none; display: inline-flex; align-items: center; }
@media (max-width: 700px) { .imp-stats { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;
