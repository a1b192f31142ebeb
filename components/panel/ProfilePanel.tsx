/** The panel on a person's profile page: who this is, whether they are in the network, and the editor. */
import { useEffect, useId, useState } from 'react';
import { call } from '../../lib/api/client';
import type { Contact } from '../../lib/db/schema';
import { ContactEditor } from '../ContactEditor';
import { useApi } from '../useApi';
import { EMPTY_PROFILE, type PageReport, type ProfileSnapshot, fitToContact } from './bridge';
import { describeWas, jobChanges } from './jobChange';
import { FIELD_NAMES, STATUS_NAMES, formatDay } from './labels';
import { Avatar, BidiHint, ErrorText, Icon } from './ui';
import { useAction } from '../useAction';
import { displayText } from '../safeText';

export function ProfilePanel({ report, slug, showPhoto }: { report: PageReport; slug: string; showPhoto: boolean }) {
  const p = fitToContact(report.profile ?? EMPTY_PROFILE);
  const res = useApi('contact.getForPage', { slug, name: p.name }, ['contacts']);
  const contact = res.data?.view?.contact ?? null;
  const name = p.name ?? contact?.name ?? null;
  const allSections = useAfterFirstPaint();
  // The page has not shown who it is yet (its URL is all there is so far): a saved person is shown
  // from what is stored; anyone else waits for the page (or for the end of the wait) to be saved.
  const reading = report.via === 'url';
  return (
    <div className="r-profile">
      <Identity p={p} name={name} contact={contact} showPhoto={showPhoto} reading={reading} />
      {!reading && (!p.name || report.via === 'timeout') ? <Missing report={report} /> : null}
      {res.error ? <p className="r-error" role="alert">{res.error.message}</p> : null}
      {res.data === undefined && !res.error ? <p className="r-muted">Loading…</p> : null}
      {res.data && !contact && reading ? <p className="r-muted" role="status" data-testid="page-reading">Waiting for LinkedIn to show who this is…</p> : null}
      {res.data && !contact && !reading ? (
        <SaveContact slug={slug} p={p} possibleMatch={res.data.possibleMatch} onSaved={res.reload} />
      ) : null}
      {contact ? (
        <>
          <JobChange contact={contact} p={p} onChanged={res.reload} />
          <ContactEditor contactId={contact.id} sections={allSections ? undefined : FIRST_SECTIONS} />
        </>
      ) : null}
    </div>
  );
}

/** What the first frame shows of a saved contact: who this is and the notes; the rest follows a frame later. */
const FIRST_SECTIONS: ['notes'] = ['notes'];

/** False until the first frame has been painted (then the sections below the notes are rendered). */
function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setDone(true), 0); });
    return () => { cancelAnimationFrame(frame); if (timer !== undefined) clearTimeout(timer); };
  }, []);
  return done;
}

function Identity({ p, name, contact, showPhoto, reading }: { p: ProfileSnapshot; name: string | null; contact: Contact | null; showPhoto: boolean; reading: boolean }) {
  const shownName = name ?? (reading ? 'Reading the page…' : 'Name not found on this page');
  return (
    <div className="r-identity">
      <Avatar name={name ?? '?'} photoUrl={showPhoto ? p.photoUrl : null} />
      <div className="r-identity-text">
        <h2 className="r-name">
          {name ? <span data-testid="profile-name"><bdi>{displayText(name)}</bdi></span> : <span className="r-muted">{shownName}</span>}
          {p.degree ? <span className="r-degree" data-testid="profile-degree" aria-label={`${p.degree} degree connection`}>{p.degree}</span> : null}
        </h2>
        {p.headline ? <p className="r-headline" data-testid="profile-headline"><bdi>{displayText(p.headline)}</bdi></p> : null}
        <p className="r-meta">
          {p.company ? <span data-testid="profile-company"><bdi>{displayText(p.company)}</bdi></span> : null}
          {p.company && p.location ? <span aria-hidden="true"> · </span> : null}
          {p.location ? <span data-testid="profile-location"><bdi>{displayText(p.location)}</bdi></span> : null}
        </p>
        <p className={'r-network ' + (contact ? 'r-in' : 'r-out')} data-testid="network-status">
          {contact
            ? <>Saved in Rapport · {STATUS_NAMES[contact.status]} · added {formatDay(toDay(contact.createdAt))}</>
            : 'Not saved in Rapport yet'}
        </p>
      </div>
    </div>
  );
}

function toDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Missing({ report }: { report: PageReport }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const important = report.missing.filter((f) => ['name', 'headline', 'location', 'company'].includes(f));
  const fields = important.length ? important : ['name'];
  const copy = async () => {
    const extractor = typeof report.diagnostics === "string" ? report.diagnostics : JSON.stringify(report.diagnostics ?? null);
    const text = `${extractor}\nmissing: ${report.missing.join(", ") || "-"}`;
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="r-notice r-notice-warn">
      <p>Rapport could not read the {fields.map((f) => FIELD_NAMES[f] ?? f).join(', ')} on this page. LinkedIn may have changed its layout.</p>
      <div className="r-row">
        <button type="button" className="r-btn r-btn-sm" onClick={() => void copy()}><Icon name="copy" /> Copy diagnostics</button>
        <span role="status" className="r-hint">{copied === 'yes' ? 'Copied (no personal data).' : copied === 'failed' ? 'Could not copy.' : ''}</span>
      </div>
    </div>
  );
}

function SaveContact({ slug, p, possibleMatch, onSaved }: { slug: string; p: ProfileSnapshot; possibleMatch: Contact | null; onSaved: () => void }) {
  const [typed, setTyped] = useState('');
  const { run, busy, error } = useAction();
  const nameId = useId();
  const name = p.name ?? typed.trim();
  const save = async (linkToId?: number) => {
    if (!name) return;
    const ok = await run(() => call('contact.save', {
      slug,
      name,
      headline: p.headline,
      location: p.location,
      company: p.company,
      photoUrl: p.photoUrl,
      degree: p.degree,
      profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`,
      typedFields: p.name ? [] : ['name'],
      ...(linkToId ? { linkToId } : {}),
    }));
    if (ok) onSaved();
  };
  return (
    <div className="r-save">
      {!p.name ? (
        <div className="r-field">
          <label className="r-label" htmlFor={nameId}>Their name</label>
          <input id={nameId} className="r-input" value={typed} maxLength={300} placeholder="Type the name you see on the page"
            onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void save(); }} />
          <BidiHint value={typed} onClean={setTyped} />
        </div>
      ) : null}
      {possibleMatch ? (
        <div className="r-notice">
          <p>This looks like <strong><bdi>{displayText(possibleMatch.name)}</bdi></strong> from your imported connections{possibleMatch.company ? <> (<bdi>{displayText(possibleMatch.company)}</bdi>)</> : ''}.</p>
          <div className="r-row">
            <button type="button" className="r-btn r-btn-primary r-btn-sm" data-testid="link-contact" disabled={busy || !name} onClick={() => void save(possibleMatch.id)}>Link to <bdi>{displayText(possibleMatch.name)}</bdi></button>
          </div>
        </div>
      ) : null}
      <button type="button" data-testid="save-contact" className={'r-btn r-btn-block ' + (possibleMatch ? '' : 'r-btn-primary')} disabled={busy || !name} onClick={() => void save()}>
        {possibleMatch ? 'Add as a new person instead' : 'Add to my network'}
      </button>
      <p className="r-hint">Nothing is stored until you add them. Notes, reminders and the timeline follow.</p>
      <ErrorText error={error} />
    </div>
  );
}

function JobChange({ contact, p, onChanged }: { contact: Contact; p: ProfileSnapshot; onChanged: () => void }) {
  const [dismissed, setDismissed] = useState(false);
  const { run, busy, error } = useAction();
  const changes = jobChanges(contact, p);
  if (!changes.length || dismissed) return null;
  const update = async () => {
    const patch: { headline?: string; company?: string } = {};
    for (const c of changes) patch[c.field] = c.now;
    if (await run(() => call('contact.update', { id: contact.id, patch, fromPage: true }))) onChanged();
  };
  return (
    <div className="r-notice r-notice-info" data-testid="job-change">
      <p><strong>Their profile changed.</strong> Now: <bdi>{displayText(changes.map((c) => c.now).join(' · '))}</bdi></p>
      <p className="r-muted">was: <bdi>{displayText(describeWas(contact))}</bdi></p>
      <div className="r-row">
        <button type="button" className="r-btn r-btn-primary r-btn-sm" data-testid="job-change-update" disabled={busy} onClick={() => void update()}>Update saved details</button>
        <button type="button" className="r-btn r-btn-sm" onClick={() => setDismissed(true)}>Not now</button>
      </div>
      <ErrorText error={error} />
    </div>
  );
}
