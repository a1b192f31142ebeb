/** "Due today": follow-ups with people, commitments and the share-expertise prompt. */
import { type ReactNode, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { RELATIONSHIP_LABELS } from '../../lib/db/constants';
import type { Contact, Reminder } from '../../lib/db/schema';
import { dayDiff } from '../../lib/goals/periods';
import { type DueEntry, contactContext, dueText } from '../../lib/reminders/due';
import { sinceSharedText } from '../../lib/reminders/prompts';
import type { OpOutput } from '../../lib/api/protocol';
import type { DueView } from './data';
import { friendlyDay, safeProfileUrl } from './format';
import { useRun } from './status';
import { displayText } from '../safeText';

const LABELS: Record<string, string> = RELATIONSHIP_LABELS;

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
            {due.entries.map((e) => <DueItem key={key(e)} entry={e} due={due} today={today} />)}
          </ul>
          {due.more && (
            <button type="button" className="p-more" onClick={onMore}>
              {total != null && total > due.entries.length ? `Show more (${total - due.entries.length} more due)` : 'Show more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function key(e: DueEntry): string {
  return e.type === 'contact' ? `c${e.contactId}` : `r${e.reminder.id}`;
}

function NothingDue({ due, today }: { due: DueView; today: string }) {
  return (
    <div className="p-empty">
      <p><strong>You are all caught up.</strong></p>
      {due.next ? (
        <p className="p-muted">Next: {due.next.what} — {friendlyDay(due.next.due, today)}.</p>
      ) : null}
      {!due.hasFollowUps && (
        <p className="p-muted">
          Save people from their LinkedIn profile with the Rapport panel and set how often to keep in touch
          (for example a mentor every 30 days); they will show up here when it is time.
        </p>
      )}
    </div>
  );
}

function openProfile(url: string) {
  void browser.tabs.create({ url });
}

function DueItem({ entry, due, today }: { entry: DueEntry; due: DueView; today: string }) {
  const contactId = entry.type === 'contact' ? entry.contactId : entry.reminder.contactId;
  const contact = contactId != null ? due.contacts.get(contactId) : undefined;
  const overdue = dayDiff(entry.due, today) > 0;
  const kindClass = entry.type === 'contact' ? 'follow-up' : entry.reminder.kind;
  const when = <span className={`p-when ${overdue ? 'p-late' : 'p-muted'}`}>{dueText(entry.due, today)}</span>;
  return (
    <li className={`p-item kind-${kindClass}`} data-testid="reminder-item" data-kind={kindClass}>
      {entry.type === 'reminder' && entry.reminder.kind === 'share-expertise' ? (
        <ShareBody reminder={entry.reminder} lastShared={due.lastShared} today={today} when={when} />
      ) : entry.type === 'contact' ? (
        <PersonBody contact={contact} title={null} today={today} when={when} />
      ) : (
        <PersonBody contact={contact} title={entry.reminder.title} today={today} kind={entry.reminder.kind} when={when} />
      )}
      <div className="p-item-foot">
        <Actions entry={entry} name={entry.type === 'reminder' && entry.reminder.kind === 'share-expertise' ? 'Share your expertise' : displayText(contact?.name ?? (entry.type === 'reminder' ? entry.reminder.title : 'this contact'))} />
      </div>
    </li>
  );
}

function PersonBody({ contact, title, today, kind, when }: { contact: Contact | undefined; title: string | null; today: string; kind?: Reminder['kind']; when: ReactNode }) {
  const url = safeProfileUrl(contact?.profileUrl);
  return (
    <div className="p-item-body">
      <div className="p-item-title">
        {contact ? (
          url ? (
            <a href={url} className="p-name" onClick={(e) => { e.preventDefault(); openProfile(url); }}
              aria-label={`${displayText(contact.name)} — open LinkedIn profile in a new tab`}>
              <bdi>{displayText(contact.name)}</bdi><span aria-hidden="true" className="p-ext">↗</span>
            </a>
          ) : <span className="p-name"><bdi>{displayText(contact.name)}</bdi></span>
        ) : title ? <span className="p-name"><bdi>{displayText(title)}</bdi></span> : <span className="p-name">A contact</span>}
        {kind === 'commitment' && <span className="p-tag">Promised</span>}
        {kind === 'follow-up' && <span className="p-tag">Follow-up</span>}
        {when}
      </div>
      {contact && title && <div className="p-item-text"><bdi>{displayText(title)}</bdi></div>}
      {contact && <div className="p-muted p-small"><bdi>{displayText(contactContext(contact, today, LABELS))}</bdi></div>}
    </div>
  );
}

function ShareBody({ reminder, lastShared, today, when }: { reminder: Reminder; lastShared: string | null; today: string; when: ReactNode }) {
  return (
    <div className="p-item-body">
      <div className="p-item-title"><span className="p-name">Share your expertise</span>{when}</div>
      <div className="p-item-text"><bdi>{displayText(reminder.title)}</bdi></div>
      <div className="p-muted p-small">{sinceSharedText(lastShared, lastShared ? dayDiff(lastShared, today) : null)}</div>
    </div>
  );
}

function Actions({ entry, name }: { entry: DueEntry; name: string }) {
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
        title={entry.type === 'contact' ? 'Logs that you got in touch (a message) and sets the next follow-up' : isShare ? 'Counts toward your expertise goal' : undefined}>
        Done
      </button>
      <button type="button" className="p-btn" disabled={busy} onClick={() => setSnoozing(true)} aria-label={`Snooze ${name}`}>Snooze</button>
      <button type="button" className="p-btn p-quiet" disabled={busy} onClick={() => void skip()} aria-label={`Skip ${name}`}>Skip</button>
    </div>
  );
}
