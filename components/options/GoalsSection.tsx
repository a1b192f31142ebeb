/** Goals and reminders: outreach goals, the share-expertise schedule, cadences, week start, notifications, panel placement. */
import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import { ACTIVITY_KINDS, ACTIVITY_LABELS, type ActivityKind, type Goal, PERIODS, type Period, RELATIONSHIPS, type Settings } from '../../lib/db/schema';
import { loadGoalProgress } from '../../lib/goals/db';
import { paceText, streakText } from '../../lib/goals/progress';
import { describeGoal } from '../../lib/goals/starters';
import { ErrorText, WEEKDAYS, WEEKDAY_NAMES, relLabel, useAction } from './common';
import { useSettings } from './settings';

const PERIOD_NAMES: Record<Period, string> = { week: 'Week', month: 'Month', quarter: 'Quarter' };

export function GoalsSection() {
  const settings = useSettings();
  return (
    <section className="o-section" aria-labelledby="goals-title">
      <div className="o-section-head">
        <h1 id="goals-title">Goals &amp; reminders</h1>
      </div>
      <GoalsCard settings={settings} />
      {settings && (
        <>
          <ShareExpertiseCard settings={settings} />
          <CadenceCard settings={settings} />
          <GeneralCard settings={settings} />
        </>
      )}
    </section>
  );
}

/* ---------- goals ---------- */

function GoalsCard({ settings }: { settings: Settings | undefined }) {
  const goals = useLiveQuery(
    async () => {
      const db = getDb();
      await db.activities.count(); // re-run when activities change
      return loadGoalProgress(db, new Date(), settings ? { settings } : {});
    },
    [settings?.weekStart],
  );
  const { run, error, busy } = useAction();
  const [metric, setMetric] = useState<ActivityKind>('new-connection');
  const [target, setTarget] = useState('3');
  const [period, setPeriod] = useState<Period>('week');
  const add = async () => {
    const n = Number(target);
    if (await run('goal.create', { metric, target: n, period })) setTarget('3');
  };
  return (
    <div className="o-card" data-testid="goals-card">
      <div className="o-card-head"><h2>Outreach goals</h2></div>
      {goals === undefined ? <p className="o-muted">Loading…</p> : goals.length === 0 ? (
        <p className="o-muted">No goals yet. A small weekly goal, such as three new connections, is a good start.</p>
      ) : (
        <table className="o-table">
          <thead><tr><th>Goal</th><th>This period</th><th>Target</th><th>Period</th><th><span className="o-sr">Actions</span></th></tr></thead>
          <tbody>
            {goals.map(({ goal, progress }) => <GoalRow key={goal.id} goal={goal} progress={`${progress.done} / ${progress.target}`}
              pace={goal.active ? [paceText(progress), streakText(progress, goal.period)].filter(Boolean).join(' · ') : 'Paused'} />)}
          </tbody>
        </table>
      )}
      <form className="o-row" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label="Add a goal" style={{ alignItems: 'flex-end' }}>
        <label className="o-field"><span>Count</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value as ActivityKind)} data-testid="goal-metric">
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{ACTIVITY_LABELS[k]}</option>)}
          </select>
        </label>
        <label className="o-field"><span>Target</span>
          <input type="number" min={1} max={1000} value={target} onChange={(e) => setTarget(e.target.value)} style={{ width: 80 }} data-testid="goal-target" />
        </label>
        <label className="o-field"><span>Every</span>
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="goal-period">
            {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_NAMES[p]}</option>)}
          </select>
        </label>
        <button type="submit" className="o-primary" disabled={busy} data-testid="goal-add">Add goal</button>
      </form>
      <ErrorText error={error} />
    </div>
  );
}

function GoalRow({ goal, progress, pace }: { goal: Goal; progress: string; pace: string }) {
  const { run, error, busy } = useAction();
  const [target, setTarget] = useState(String(goal.target));
  useEffect(() => setTarget(String(goal.target)), [goal.target]);
  const targetId = useId();
  const saveTarget = () => {
    const n = Number(target);
    if (n !== goal.target) void run('goal.update', { id: goal.id, patch: { target: n } });
  };
  return (
    <tr data-testid="options-goal" style={goal.active ? undefined : { opacity: 0.65 }}>
      <td>
        <div>{describeGoal(goal)}</div>
        <div className="o-small o-muted">{pace}</div>
        <ErrorText error={error} />
      </td>
      <td>{progress}</td>
      <td>
        <label htmlFor={targetId} className="o-sr">Target for {describeGoal(goal)}</label>
        <input id={targetId} type="number" min={1} max={1000} value={target} style={{ width: 72 }} disabled={busy}
          onChange={(e) => setTarget(e.target.value)} onBlur={saveTarget} onKeyDown={(e) => { if (e.key === 'Enter') saveTarget(); }} />
      </td>
      <td>
        <select aria-label={`Period for ${describeGoal(goal)}`} value={goal.period} disabled={busy}
          onChange={(e) => void run('goal.update', { id: goal.id, patch: { period: e.target.value as Period } })}>
          {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_NAMES[p]}</option>)}
        </select>
      </td>
      <td style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
        <button type="button" className="o-small-btn" disabled={busy} onClick={() => void run('goal.update', { id: goal.id, patch: { active: !goal.active } })}>
          {goal.active ? 'Pause' : 'Resume'}
        </button>{' '}
        <button type="button" className="o-small-btn o-danger" disabled={busy} aria-label={`Delete goal: ${describeGoal(goal)}`}
          onClick={() => void run('goal.delete', { id: goal.id })}>Delete</button>
      </td>
    </tr>
  );
}

/* ---------- share expertise ---------- */

function ShareExpertiseCard({ settings }: { settings: Settings }) {
  const { run, error, busy } = useAction();
  const se = settings.shareExpertise;
  const [draft, setDraft] = useState('');
  const update = (patch: Partial<Settings['shareExpertise']>) => run('settings.update', { shareExpertise: { ...se, ...patch } });
  const toggleDay = (d: number) => void update({ weekdays: se.weekdays.includes(d) ? se.weekdays.filter((x) => x !== d) : [...se.weekdays, d].sort() });
  const addPrompt = async () => {
    const p = draft.trim();
    if (!p) return;
    if (await update({ prompts: [...se.prompts, p] })) setDraft('');
  };
  return (
    <div className="o-card" data-testid="share-card">
      <div className="o-card-head">
        <h2>Share your expertise</h2>
        <label className="o-check">
          <input type="checkbox" checked={se.enabled} disabled={busy} onChange={(e) => void update({ enabled: e.target.checked })} />
          Remind me
        </label>
      </div>
      <p className="o-muted">On these days, the popup suggests one way to share what you know.</p>
      <fieldset className="o-weekdays" style={{ border: 0, padding: 0, margin: 0 }} disabled={!se.enabled || busy}>
        <legend className="o-sr">Reminder days</legend>
        {orderedWeekdays(settings.weekStart).map((d) => (
          <label key={d}><input type="checkbox" checked={se.weekdays.includes(d)} onChange={() => toggleDay(d)} aria-label={WEEKDAY_NAMES[d]} />{WEEKDAYS[d]}</label>
        ))}
      </fieldset>
      <h3>Prompts</h3>
      <ul className="o-list-plain" style={{ listStyle: 'none', paddingLeft: 0 }}>
        {se.prompts.map((p, i) => (
          <PromptRow key={`${i}-${p}`} text={p} index={i} busy={busy}
            onSave={(t) => void update({ prompts: se.prompts.map((x, j) => (j === i ? t : x)) })}
            onRemove={() => void update({ prompts: se.prompts.filter((_, j) => j !== i) })} />
        ))}
      </ul>
      <form className="o-row" onSubmit={(e) => { e.preventDefault(); void addPrompt(); }}>
        <label className="o-sr" htmlFor="new-prompt">New prompt</label>
        <input id="new-prompt" type="text" value={draft} maxLength={300} placeholder="Add a prompt, e.g. Share a template you use" style={{ flex: 1 }}
          onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={!draft.trim() || busy || se.prompts.length >= 50}>Add prompt</button>
      </form>
      <ErrorText error={error} />
    </div>
  );
}

function PromptRow({ text, index, busy, onSave, onRemove }: { text: string; index: number; busy: boolean; onSave: (t: string) => void; onRemove: () => void }) {
  const [value, setValue] = useState(text);
  const save = () => { const t = value.trim(); if (t && t !== text) onSave(t); else setValue(text); };
  return (
    <li className="o-row" style={{ flexWrap: 'nowrap' }}>
      <input type="text" aria-label={`Prompt ${index + 1}`} value={value} maxLength={300} style={{ flex: 1 }} disabled={busy}
        onChange={(e) => setValue(e.target.value)} onBlur={save} onKeyDown={(e) => { if (e.key === 'Enter') save(); }} />
      <button type="button" className="o-small-btn" aria-label={`Remove prompt ${index + 1}`} disabled={busy} onClick={onRemove}>Remove</button>
    </li>
  );
}

function orderedWeekdays(weekStart: number): number[] {
  return Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);
}

/* ---------- cadence ---------- */

function CadenceCard({ settings }: { settings: Settings }) {
  const { run, error } = useAction();
  const rels = [...RELATIONSHIPS, ...settings.customRelationships];
  const setCadence = (r: string, v: string) => {
    const next = { ...settings.cadenceByRelationship };
    const n = Number(v);
    if (!v.trim()) delete next[r];
    else if (Number.isInteger(n) && n >= 1 && n <= 3650) next[r] = n;
    else return;
    void run('settings.update', { cadenceByRelationship: next });
  };
  return (
    <div className="o-card" data-testid="cadence-card">
      <h2>Keep in touch</h2>
      <p className="o-muted">How often to follow up with each kind of relationship, in days. Leave empty for no reminder. A contact’s own cadence wins.</p>
      <div className="o-grid2">
        {rels.map((r) => (
          <DaysInput key={r} label={relLabel(r)} value={settings.cadenceByRelationship[r] ?? null} onCommit={(v) => setCadence(r, v)} />
        ))}
        <DaysInput label="Everyone else" value={settings.defaultCadenceDays}
          onCommit={(v) => {
            const n = Number(v);
            if (!v.trim()) void run('settings.update', { defaultCadenceDays: null });
            else if (Number.isInteger(n) && n >= 1 && n <= 3650) void run('settings.update', { defaultCadenceDays: n });
          }} />
      </div>
      <ErrorText error={error} />
    </div>
  );
}

function DaysInput({ label, value, onCommit }: { label: string; value: number | null; onCommit: (v: string) => void }) {
  const [v, setV] = useState(value == null ? '' : String(value));
  useEffect(() => setV(value == null ? '' : String(value)), [value]);
  const commit = () => { if (v !== (value == null ? '' : String(value))) onCommit(v); };
  return (
    <label className="o-field" style={{ flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', color: 'var(--r-fg)', fontSize: 13 }}>
      <span style={{ fontWeight: 400 }}>{label}</span>
      <span className="o-row" style={{ flexWrap: 'nowrap', gap: 6 }}>
        <input type="number" min={1} max={3650} value={v} placeholder="—" style={{ width: 76 }}
          onChange={(e) => setV(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
        <span className="o-muted o-small">days</span>
      </span>
    </label>
  );
}

/* ---------- week, notifications, panel ---------- */

function GeneralCard({ settings }: { settings: Settings }) {
  const { run, error, busy } = useAction();
  const [time, setTime] = useState(settings.notifications.time);
  useEffect(() => setTime(settings.notifications.time), [settings.notifications.time]);
  return (
    <div className="o-card" data-testid="general-card">
      <h2>Calendar, notifications and panel</h2>
      <div className="o-grid2">
        <label className="o-field"><span>Week starts on</span>
          <select value={settings.weekStart} disabled={busy} data-testid="week-start"
            onChange={(e) => void run('settings.update', { weekStart: Number(e.target.value) })}>
            {[1, 0, 6].map((d) => <option key={d} value={d}>{WEEKDAY_NAMES[d]}</option>)}
          </select>
        </label>
        <div className="o-field">
          <span id="notif-label">Daily notification</span>
          <div className="o-row" role="group" aria-labelledby="notif-label">
            <label className="o-check">
              <input type="checkbox" checked={settings.notifications.enabled} disabled={busy} data-testid="notifications-enabled"
                onChange={(e) => void run('settings.update', { notifications: { ...settings.notifications, enabled: e.target.checked } })} />
              On
            </label>
            <input type="time" aria-label="Notification time" value={time} disabled={!settings.notifications.enabled || busy}
              onChange={(e) => setTime(e.target.value)}
              onBlur={() => { if (/^\d{2}:\d{2}$/.test(time) && time !== settings.notifications.time) void run('settings.update', { notifications: { ...settings.notifications, time } }); }} />
          </div>
        </div>
        <label className="o-field"><span>Rapport panel</span>
          <select value={settings.panelPlacement} disabled={busy} data-testid="panel-placement"
            onChange={(e) => void run('settings.update', { panelPlacement: e.target.value as Settings['panelPlacement'], placementChosen: true })}>
            <option value="page">In the LinkedIn page</option>
            <option value="sidepanel">In the browser’s side panel</option>
          </select>
        </label>
        <label className="o-field"><span>In-page panel side</span>
          <select value={settings.panelSide} disabled={busy || settings.panelPlacement !== 'page'}
            onChange={(e) => void run('settings.update', { panelSide: e.target.value as Settings['panelSide'] })}>
            <option value="right">Right</option>
            <option value="left">Left</option>
          </select>
        </label>
      </div>
      <p className="o-muted o-small">LinkedIn’s terms frown on extensions that insert elements into its pages; the side panel leaves the page untouched.</p>
      <ErrorText error={error} />
    </div>
  );
}
