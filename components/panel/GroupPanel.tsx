/** The panel on a LinkedIn group page: save the group, membership, participation, notes, people met there. */
import { useId, useState } from 'react';
import { call } from '../../lib/api/client';
import type { Group } from '../../lib/db/schema';
import { today } from '../../lib/domain/dates';
import { useApi } from '../useApi';
import type { PageReport } from './bridge';
import { draftKey } from './drafts';
import { CONTRIBUTION_KEYS, CONTRIBUTION_NAMES, MEMBERSHIP_NAMES, formatDay } from './labels';
import { NotesSection } from './NotesSection';
import { BidiHint, ErrorText, Icon, Section } from './ui';
import { useAction } from '../useAction';
import { displayText } from '../safeText';

export function GroupPanel({ report, groupId }: { report: PageReport; groupId: string }) {
  const g = report.group;
  const res = useApi('group.getForPage', { groupId }, ['groups', 'activities', 'notes', 'contacts']);
  const view = res.data?.view ?? null;
  const name = g?.name ?? view?.group.name ?? null;
  // The page has not shown the group yet (provisional, from the URL): a saved group shows what is stored.
  const reading = report.via === 'url';
  return (
    <div className="r-group">
      <div className="r-identity">
        <span className="r-avatar r-avatar-initials r-avatar-group" aria-hidden="true">{(name ?? 'G').slice(0, 1).toUpperCase()}</span>
        <div className="r-identity-text">
          <h2 className="r-name">{name ? <span data-testid="group-name"><bdi>{displayText(name)}</bdi></span> : <span className="r-muted">{reading ? 'Reading the page…' : 'Group name not found on this page'}</span>}</h2>
          {g?.memberCount != null ? <p className="r-meta">{g.memberCount.toLocaleString()} members</p> : null}
          <p className={'r-network ' + (view ? 'r-in' : 'r-out')}>
            {view ? `Saved · ${MEMBERSHIP_NAMES[view.group.membership]}${view.group.joinedOn && view.group.membership === 'member' ? ` since ${formatDay(view.group.joinedOn)}` : ''}` : 'Not saved yet'}
          </p>
        </div>
      </div>
      {res.error ? <p className="r-error" role="alert">{res.error.message}</p> : null}
      {res.data === undefined && !res.error ? <p className="r-muted">Loading…</p> : null}
      {res.data && !view && !reading ? <SaveGroup report={report} groupId={groupId} onSaved={res.reload} /> : null}
      {view ? (
        <>
          <Membership group={view.group} onChanged={res.reload} />
          <Participation groupId={view.group.id} contributions={view.contributions} onChanged={res.reload} />
          <NotesSection targetType="group" targetId={view.group.id} notes={view.notes} draftKey={draftKey('group', groupId)} onChanged={res.reload} />
          <Section title={`People you met here${view.contacts.length ? ` (${view.contacts.length})` : ''}`}>
            {view.contacts.length ? (
              <ul className="r-list r-people">
                {view.contacts.map((c) => (
                  <li key={c.id}>
                    {c.slug ? <a className="r-person" href={`https://www.linkedin.com/in/${encodeURIComponent(c.slug)}/`}><bdi>{displayText(c.name)}</bdi></a> : <span className="r-person"><bdi>{displayText(c.name)}</bdi></span>}
                    {c.headline ? <span className="r-muted"> · <bdi>{displayText(c.headline)}</bdi></span> : null}
                  </li>
                ))}
              </ul>
            ) : <p className="r-muted">Nobody yet. On a person's profile, set “How you met” to this group.</p>}
          </Section>
        </>
      ) : null}
    </div>
  );
}

function SaveGroup({ report, groupId, onSaved }: { report: PageReport; groupId: string; onSaved: () => void }) {
  const g = report.group;
  const [typed, setTyped] = useState('');
  const [member, setMember] = useState(false);
  const { run, busy, error } = useAction();
  const nameId = useId();
  const memberId = useId();
  const name = g?.name ?? typed.trim();
  const save = async () => {
    if (!name) return;
    const ok = await run(() => call('group.save', {
      groupId, name, memberCount: g?.memberCount ?? null, description: g?.description ?? null,
      url: `https://www.linkedin.com/groups/${encodeURIComponent(groupId)}/`, membership: member ? 'member' : 'none',
    }));
    if (ok) onSaved();
  };
  return (
    <div className="r-save">
      {!g?.name ? (
        <>
          <p className="r-notice r-notice-warn">Rapport could not read this group's name. Type it to save the group.</p>
          <div className="r-field">
            <label className="r-label" htmlFor={nameId}>Group name</label>
            <input id={nameId} className="r-input" value={typed} maxLength={500} onChange={(e) => setTyped(e.target.value)} />
            <BidiHint value={typed} onClean={setTyped} />
          </div>
        </>
      ) : null}
      <div className="r-check">
        <input id={memberId} type="checkbox" checked={member} onChange={(e) => setMember(e.target.checked)} />
        <label htmlFor={memberId}>I'm a member of this group</label>
      </div>
      <button type="button" data-testid="save-group" className="r-btn r-btn-primary r-btn-block" disabled={busy || !name} onClick={() => void save()}>Save group</button>
      <ErrorText error={error} />
    </div>
  );
}

function Membership({ group, onChanged }: { group: Group; onChanged: () => void }) {
  const { run, busy, error } = useAction();
  const set = async (membership: Group['membership']) => {
    if (membership === group.membership) return;
    if (await run(() => call('group.update', { id: group.id, patch: { membership } }))) onChanged();
  };
  return (
    <Section title="Membership">
      <div className="r-segmented" role="radiogroup" aria-label="Membership">
        {(['member', 'requested', 'left', 'none'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={group.membership === m} className="r-seg" disabled={busy} onClick={() => void set(m)}>
            {m === 'none' ? 'Not joined' : m === 'requested' ? 'Requested' : MEMBERSHIP_NAMES[m]}
          </button>
        ))}
      </div>
      <ErrorText error={error} />
    </Section>
  );
}

function Participation({ groupId, contributions, onChanged }: {
  groupId: number; contributions: Array<{ id: number; date: string; note: string | null }>; onChanged: () => void;
}) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const noteId = useId();
  const log = async (kind: (typeof CONTRIBUTION_KEYS)[number]) => {
    if (await run(() => call('group.logContribution', { id: groupId, kind, note: note.trim() || null, date: today() }))) {
      setDone(`Logged: ${CONTRIBUTION_NAMES[kind]}.`);
      setNote('');
      onChanged();
    }
  };
  return (
    <Section title="Log participation">
      <label className="r-sr" htmlFor={noteId}>Participation note (optional)</label>
      <input id={noteId} className="r-input" placeholder="What about? (optional)" value={note} maxLength={1500} onChange={(e) => setNote(e.target.value)} />
      <div className="r-chips" role="group" aria-label="Log what you did">
        {CONTRIBUTION_KEYS.map((k) => (
          <button key={k} type="button" className="r-pill" disabled={busy} onClick={() => void log(k)}>{CONTRIBUTION_NAMES[k]}</button>
        ))}
      </div>
      <p className="r-status" role="status" aria-live="polite">{done}</p>
      <ErrorText error={error} />
      {contributions.length ? (
        <ol className="r-list r-timeline">
          {contributions.slice(0, 8).map((a) => (
            <li key={a.id} className="r-tl-item" data-testid="contribution-item">
              <span className="r-tl-dot" aria-hidden="true" />
              <div className="r-grow"><span><bdi>{displayText(a.note)}</bdi></span><span className="r-muted"> · {formatDay(a.date)}</span></div>
              <button type="button" className="r-icon-btn" aria-label={`Delete "${a.note}" on ${formatDay(a.date)}`} title="Delete"
                onClick={() => void run(async () => { await call('group.deleteContribution', { activityId: a.id }); onChanged(); })}>
                <Icon name="trash" />
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}
