/** Quick log: things that count toward goals but are not tied to a profile. */
import { useId, useState } from 'react';
import { EVENT_KINDS } from '../../lib/db/constants';
import type { RapportEvent } from '../../lib/db/schema';
import { QUICK_LOG_CHOICES, type QuickLogWhat } from './format';
import { useRun } from './status';

type What = QuickLogWhat;
const CHOICES = QUICK_LOG_CHOICES;
const EVENT_KIND_LABELS: Record<RapportEvent['kind'], string> = {
  conference: 'Conference', meetup: 'Meetup', workshop: 'Workshop', webinar: 'Webinar', training: 'Training', other: 'Other',
};

export function QuickLog() {
  const [what, setWhat] = useState<What | null>(null);
  const headingId = useId();
  return (
    <section className="p-section" aria-labelledby={headingId}>
      <div className="p-section-head"><h2 id={headingId}>Log something</h2></div>
      <div className="p-chips" role="group" aria-label="What did you do?">
        {CHOICES.map((c) => (
          <button key={c.what} type="button" className={`p-chip ${what === c.what ? 'is-on' : ''}`} aria-pressed={what === c.what}
            onClick={() => setWhat((w) => (w === c.what ? null : c.what))}>{c.label}</button>
        ))}
      </div>
      {what && <LogForm key={what} what={what} onDone={() => setWhat(null)} />}
    </section>
  );
}

function LogForm({ what, onDone }: { what: What; onDone: () => void }) {
  const { run, busy } = useRun();
  const [name, setName] = useState('');
  const [eventKind, setEventKind] = useState<RapportEvent['kind']>('meetup');
  const [note, setNote] = useState('');
  const id = useId();
  const submit = async () => {
    const input = what === 'event' ? { what, name, eventKind }
      : what === 'group-joined' ? { what, name }
        : what === 'workshop-ran' ? { what, name }
          : { what, note: note || null };
    const res = await run('activity.quickLog', input, (r) => ({
      text: what === 'event' ? `Logged: ${name.trim()}.` : what === 'group-joined' ? `Logged: joined ${name.trim()}.`
        : what === 'workshop-ran' ? `Logged: ran “${name.trim()}”.` : 'Logged: shared your expertise.',
      tone: 'ok',
      undo: () => void run('activity.undoQuickLog', { id: r.activity.id }, 'Removed.'),
    }));
    if (res) onDone();
  };
  const nameLabel = what === 'event' ? 'Event name' : what === 'group-joined' ? 'Group name' : 'Workshop title';
  return (
    <form className="p-form p-card" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={CHOICES.find((c) => c.what === what)!.label}>
      {what === 'expertise-shared' ? (
        <>
          <label htmlFor={`${id}-n`} className="p-block">What did you share? <span className="p-muted">(optional)</span></label>
          <input id={`${id}-n`} className="p-grow" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. answered a question on data contracts" autoFocus />
        </>
      ) : (
        <>
          <label htmlFor={`${id}-n`} className="p-block">{nameLabel}</label>
          <input id={`${id}-n`} className="p-grow" required maxLength={500} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          {what === 'event' && (
            <>
              <label htmlFor={`${id}-k`}>Kind</label>
              <select id={`${id}-k`} value={eventKind} onChange={(e) => setEventKind(e.target.value as RapportEvent['kind'])}>
                {EVENT_KINDS.map((k) => <option key={k} value={k}>{EVENT_KIND_LABELS[k]}</option>)}
              </select>
            </>
          )}
        </>
      )}
      <div className="p-form-row">
        <button type="submit" className="p-btn p-primary" disabled={busy}>Log it</button>
        <button type="button" className="p-btn p-quiet" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
