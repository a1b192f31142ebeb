/** Outreach goals: progress, pace and streak; first-run starter goals; add and edit. */
import { useId, useState } from 'react';
import { ACTIVITY_KINDS, ACTIVITY_LABELS, type ActivityKind, PERIODS, type Period } from '../../lib/db/constants';
import type { Goal, Settings } from '../../lib/db/schema';
import type { GoalWithProgress } from '../../lib/goals/db';
import { PERIOD_LABELS } from '../../lib/goals/periods';
import type { GoalProgress } from '../../lib/goals/progress';
import { type GoalDraft, STARTER_GOALS, describeGoal, unit } from '../../lib/goals/starters';
import { NO_GOALS, PACE_MARK_TITLE, STARTER_HINT, STREAK_TITLE, goalView, offerStarters } from './format';
import { useRun } from './status';

const PERIOD_NAMES: Record<Period, string> = { week: 'week', month: 'month', quarter: 'quarter' };

export function GoalsSection({ goals, settings }: { goals: GoalWithProgress[] | undefined; settings: Settings | undefined }) {
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const starters = offerStarters(goals, settings);
  return (
    <section className="p-section" aria-labelledby={headingId}>
      <div className="p-section-head">
        <h2 id={headingId}>Goals</h2>
        {goals && goals.length > 0 && !adding && (
          <button type="button" className="p-link" onClick={() => setAdding(true)}>+ Add goal</button>
        )}
      </div>
      {goals === undefined || !settings ? <p className="p-muted">Loading…</p> : starters ? <StarterOffer /> : (
        <>
          {goals.length === 0 && !adding && (
            <div className="p-empty">
              <p><strong>No goals yet.</strong></p>
              <p className="p-muted">{NO_GOALS}</p>
              <button type="button" className="p-btn p-primary" onClick={() => setAdding(true)}>Set a goal</button>
            </div>
          )}
          {goals.length > 0 && (
            <ul className="p-goals">
              {goals.map((g) => <GoalItem key={g.goal.id} item={g} />)}
            </ul>
          )}
          {adding && <AddGoal onClose={() => setAdding(false)} />}
        </>
      )}
    </section>
  );
}

function GoalItem({ item }: { item: GoalWithProgress }) {
  const { goal, progress } = item;
  const [editing, setEditing] = useState(false);
  const v = goalView(item);
  return (
    <li className={`p-goal is-${v.status}`} data-testid="goal-item" data-metric={goal.metric}>
      <div className="p-goal-top">
        <span className="p-goal-name">{v.name} <span className="p-muted">· {v.period}</span></span>
        <span className="p-goal-num" data-testid="goal-progress">{v.count}</span>
      </div>
      <div className="p-bar" role="progressbar" aria-label={v.barLabel} aria-valuemin={0} aria-valuemax={progress.target}
        aria-valuenow={v.barNow} aria-valuetext={v.barText}>
        <div className="p-bar-fill" style={{ width: `${v.pct}%` }} />
        {v.pacePct !== null && <div className="p-bar-pace" style={{ left: `${v.pacePct}%` }} title={PACE_MARK_TITLE} />}
      </div>
      <div className="p-goal-foot">
        <span className={`p-pace is-${v.status}`}>{v.pace}</span>
        {v.streak && <span className="p-streak" title={STREAK_TITLE}>{v.streak}</span>}
        <button type="button" className="p-link p-small" onClick={() => setEditing((e) => !e)} aria-expanded={editing}
          aria-label={v.editLabel}>Edit</button>
      </div>
      {editing && <EditGoal goal={goal} progress={progress} onClose={() => setEditing(false)} />}
    </li>
  );
}

function EditGoal({ goal, onClose }: { goal: Goal; progress: GoalProgress; onClose: () => void }) {
  const { run, busy } = useRun();
  const [target, setTarget] = useState(String(goal.target));
  const [period, setPeriod] = useState<Period>(goal.period);
  const id = useId();
  const save = async () => {
    const n = Number(target);
    if (await run('goal.update', { id: goal.id, patch: { target: n, period } }, 'Goal updated.')) onClose();
  };
  return (
    <form className="p-form p-card" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={`Edit goal: ${ACTIVITY_LABELS[goal.metric]}`}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <label htmlFor={`${id}-t`}>Target</label>
      <input id={`${id}-t`} type="number" min={1} max={1000} required value={target} onChange={(e) => setTarget(e.target.value)} className="p-num" autoFocus />
      <label htmlFor={`${id}-p`}>per</label>
      <select id={`${id}-p`} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
        {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_NAMES[p]}</option>)}
      </select>
      <div className="p-form-row">
        <button type="submit" className="p-btn p-primary" disabled={busy}>Save</button>
        <button type="button" className="p-btn p-quiet" onClick={onClose}>Cancel</button>
        <span className="p-spacer" />
        <button type="button" className="p-btn p-quiet" disabled={busy}
          onClick={() => void run('goal.update', { id: goal.id, patch: { active: false } }, 'Goal paused. Resume it from Options → Goals.')}>Pause</button>
        <button type="button" className="p-btn p-danger" disabled={busy}
          onClick={() => void run('goal.delete', { id: goal.id }, 'Goal deleted (your logged activities are kept).')}>Delete</button>
      </div>
    </form>
  );
}

function AddGoal({ onClose }: { onClose: () => void }) {
  const { run, busy } = useRun();
  const [metric, setMetric] = useState<ActivityKind>('new-connection');
  const [target, setTarget] = useState('3');
  const [period, setPeriod] = useState<Period>('week');
  const id = useId();
  const add = async () => {
    if (await run('goal.create', { metric, target: Number(target), period }, 'Goal added.')) onClose();
  };
  return (
    <form className="p-form p-card" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label="Add a goal">
      <label htmlFor={`${id}-t`}>Aim for</label>
      <input id={`${id}-t`} type="number" min={1} max={1000} required value={target} onChange={(e) => setTarget(e.target.value)} className="p-num" />
      <label htmlFor={`${id}-m`} className="p-sr">What to count</label>
      <select id={`${id}-m`} value={metric} onChange={(e) => setMetric(e.target.value as ActivityKind)}>
        {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{unit(k, Number(target) || 2)}</option>)}
      </select>
      <label htmlFor={`${id}-p`}>per</label>
      <select id={`${id}-p`} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
        {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_NAMES[p]}</option>)}
      </select>
      <div className="p-form-row">
        <button type="submit" className="p-btn p-primary" disabled={busy}>Add goal</button>
        <button type="button" className="p-btn p-quiet" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

function StarterOffer() {
  const { run, busy } = useRun();
  const [drafts, setDrafts] = useState<(GoalDraft & { on: boolean })[]>(() => STARTER_GOALS.map((g) => ({ ...g, on: true })));
  const id = useId();
  const accept = () => run('goal.acceptStarters', { goals: drafts.filter((d) => d.on).map(({ on: _on, ...g }) => g) },
    (created) => ({ text: created.length ? `${created.length} goal${created.length === 1 ? '' : 's'} set. Good luck!` : 'No goals set.', tone: 'ok' }));
  return (
    <div className="p-card p-starter" data-testid="starter-goals">
      <p><strong>Start with three small goals</strong></p>
      <p className="p-muted p-small">{STARTER_HINT}</p>
      <ul className="p-starter-list">
        {drafts.map((d, i) => (
          <li key={d.metric}>
            <input type="checkbox" id={`${id}-${i}`} checked={d.on} aria-label={`Use goal: ${describeGoal(d)}`}
              onChange={(e) => setDrafts((ds) => ds.map((x, j) => (j === i ? { ...x, on: e.target.checked } : x)))} />
            <input type="number" className="p-num" min={1} max={1000} value={d.target} aria-label={`Target for ${unit(d.metric, 2)} per ${d.period}`}
              onChange={(e) => setDrafts((ds) => ds.map((x, j) => (j === i ? { ...x, target: Math.max(1, Math.min(1000, Math.round(Number(e.target.value) || 1))) } : x)))} />
            <label htmlFor={`${id}-${i}`}>{unit(d.metric, d.target)} {PERIOD_LABELS[d.period].adverb}</label>
          </li>
        ))}
      </ul>
      <div className="p-form-row">
        <button type="button" className="p-btn p-primary" disabled={busy || !drafts.some((d) => d.on)} onClick={() => void accept()}>Set these goals</button>
        <button type="button" className="p-btn p-quiet" disabled={busy}
          onClick={() => void run('goal.acceptStarters', { goals: [] }, 'No starter goals. Add your own any time.')}>Not now</button>
      </div>
    </div>
  );
}
