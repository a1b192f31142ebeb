/** "Due today": follow-ups with people, commitments and the share-expertise prompt. */
import { type ReactNode, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DueEntry } from '../../lib/reminders/due';
import type { OpOutput } from '../../lib/api/protocol';
import type { DueView } from './data';
import { type DueBody, NO_FOLLOW_UPS, dueItemView, dueKey, moreText, nextText } from './format';
import { useRun } from './status';

/** `due`: the first page of the due list; `total`: how many are due in all (read after the first paint). */
export function RemindersSection({ today, due, total, onMore }: { today: string; due: DueView | undefined; total: number | undefined; onMore: () => void }) {
  const headingId = useId();
  return (
    <section className="p-section" aria-labelledby={headingId}>
      <div className="p-section-head">
        <h2 id={headingId}>Due today</h2>
        {due && due.entries.length > 0 && total != null && total > 0 && <span className="p-count" aria-label={`${total} due`}>{total}</span>}
      </div>
      {due === undefined ? <p className="p-muted">Loading…</p> : due.entries.length === 0 ? <NothingDue due={due} today={today} /> : (
        <>
          <ul className="p-list" aria-label="Things due">
            {due.entries.map((e) => <DueItem key={dueKey(e)} entry={e} due={due} today={today} />)}
          </ul>
          {due.more && (
            <button type="button" className="p-more" onClick={onMore}>
              {moreText(total, due.entries.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function NothingDue({ due, today }: { due: DueView; today: string }) {
  const next = nextText(due, today);
  return (
    <div className="p-empty">
      <p><strong>You are all caught up.</strong></p>
      {next ? <p className="p-muted">{next}</p> : null}
      {!due.hasFollowUps && <p className="p-muted">{NO_FOLLOW_UPS}</p>}
    </div>
  );
}

function openProfile(url: string) {
  void browser.tabs.create({ url });
}

function DueItem({ entry, due, today }: { entry: DueEntry; due: DueView; today: string }) {
  const v = dueItemView(entry, due, today);
  const when = <span className={`p-when ${v.overdue ? 'p-late' : 'p-muted'}`}>{v.when}</span>;
  return (
    <li className={`p-item kind-${v.kindClass}`} data-testid="reminder-item" data-kind={v.kindClass}>
      {v.body.type === 'share' ? <ShareBody body={v.body} when={when} /> : <PersonBody body={v.body} when={when} />}
      <div className="p-item-foot">
        <Actions entry={entry} name={v.name} doneTitle={v.doneTitle} />
      </div>
    </li>
  );
}

function PersonBody({ body, when }: { body: Extract<DueBody, { type: 'person' }>; when: ReactNode }) {
  const { name, url } = body;
  return (
    <div className="p-item-body">
      <div className="p-item-title">
        {name === null ? <span className="p-name">A contact</span> : url ? (
          <a href={url} className="p-name" onClick={(e) => { e.preventDefault(); openProfile(url); }}
            aria-label={`${name} — open LinkedIn profile in a new tab`}>
            <bdi>{name}</bdi><span aria-hidden="true" className="p-ext">↗</span>
          </a>
        ) : <span className="p-name"><bdi>{name}</bdi></span>}
        {body.tag && <span className="p-tag">{body.tag}</span>}
        {when}
      </div>
      {body.text !== null && <div className="p-item-text"><bdi>{body.text}</bdi></div>}
      {body.context !== null && <div className="p-muted p-small"><bdi>{body.context}</bdi></div>}
    </div>
  );
}

function ShareBody({ body, when }: { body: Extract<DueBody, { type: 'share' }>; when: ReactNode }) {
  return (
    <div className="p-item-body">
      <div className="p-item-title"><span className="p-name">Share your expertise</span>{when}</div>
      <div className="p-item-text"><bdi>{body.text}</bdi></div>
      <div className="p-muted p-small">{body.since}</div>
    </div>
  );
}

function Actions({ entry, name, doneTitle }: { entry: DueEntry; name: string; doneTitle: string | undefined }) {
  const { run, busy } = useRun();
  const [snoozing, setSnoozing] = useState(false);
  const isShare = entry.type === 'reminder' && entry.reminder.kind === 'share-expertise';
  // Done and Skip of a reminder can be undone for a few seconds from the status line: the reminder
  // comes back as it was and what Done recorded goes (so the goal moves back).
  const withUndo = (id: number, text: string, undone = 'Undone — back in your list.') => () => ({
    text, tone: 'ok' as const, undo: () => void run('reminder.undo', { id }, undone),
  });
  // A contact's Done and Skip too: the message Done logged goes, the keep-in-touch dates come back.
  const followUpUndo = (text: string) => (d: OpOutput<'followUp.done'>) => ({
    text, tone: 'ok' as const, undo: () => void run('followUp.undo', d.undo, `Undone — ${name} is back in your list.`),
  });
  const done = () => entry.type === 'contact'
    ? run('followUp.done', { contactId: entry.contactId }, followUpUndo(`Logged a message with ${name}. Next follow-up set.`))
    : run('reminder.done', { id: entry.reminder.id }, isShare
      ? withUndo(entry.reminder.id, 'Done — logged as sharing your expertise.', 'Undone — back in your list, no longer counted.')
      : withUndo(entry.reminder.id, 'Marked done.'));
  const skip = () => entry.type === 'contact'
    ? run('followUp.skip', { contactId: entry.contactId }, followUpUndo(`Skipped this round with ${name}.`))
    : run('reminder.skip', { id: entry.reminder.id }, withUndo(entry.reminder.id, 'Skipped.'));
  const snooze = (until: 'tomorrow' | 'next-week') => {
    setSnoozing(false);
    const msg = until === 'tomorrow' ? 'Snoozed until tomorrow.' : 'Snoozed until next week.';
    return entry.type === 'contact'
      ? run('followUp.snooze', { contactId: entry.contactId, until }, msg)
      : run('reminder.snooze', { id: entry.reminder.id, until }, msg);
  };
  if (snoozing) {
    return (
      <div className="p-actions" role="group" aria-label={`Snooze ${name} until`}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setSnoozing(false); } }}>
        <span className="p-muted p-small">Snooze until</span>
        <button type="button" className="p-btn" disabled={busy} onClick={() => void snooze('tomorrow')} autoFocus>Tomorrow</button>
        <button type="button" className="p-btn" disabled={busy} onClick={() => void snooze('next-week')}>Next week</button>
        <button type="button" className="p-icon" aria-label="Cancel snooze" onClick={() => setSnoozing(false)}>×</button>
      </div>
    );
  }
  return (
    <div className="p-actions" role="group" aria-label={`Actions for ${name}`}>
      <button type="button" className="p-btn p-primary" disabled={busy} onClick={() => void done()}
        title={doneTitle}>
        Done
      </button>
      <button type="button" className="p-btn" disabled={busy} onClick={() => setSnoozing(true)} aria-label={`Snooze ${name}`}>Snooze</button>
      <button type="button" className="p-btn p-quiet" disabled={busy} onClick={() => void skip()} aria-label={`Skip ${name}`}>Skip</button>
    </div>
  );
}
