/** The toolbar popup: what is due today, goals, quick log, the last 12 weeks, recently added. */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ActivityChart } from './Chart';
import { DUE_PAGE, useAfterPaint, useDue, useDueTotal, useGoals, useSettings, useSettled, useToday, useWeeklyActivity } from './data';
import type { FirstScreen } from './reads';
import { longToday } from './format';
import { GoalsSection } from './Goals';
import { QuickLog } from './QuickLog';
import { RecentContacts } from './Recent';
import { RemindersSection } from './Reminders';
import { StatusLine, StatusProvider } from './status';

/**
 * `first`: the first screen, read before React started (entrypoints/popup/first.ts), and `initial`
 * its value when it was there before this first render; live queries take over once it is drawn.
 */
export function PopupApp({ first, initial }: { first?: Promise<FirstScreen | null>; initial?: { value: FirstScreen | null } }) {
  const today = useToday();
  const screen = useSettled(first, initial);
  const shown = screen && screen.day === today ? screen : null;
  // Live from the frame after the first screen (or at once when there is none).
  const live = useAfterPaint(screen !== undefined);
  const [limit, setLimit] = useState(DUE_PAGE);
  const settings = useSettings(live) ?? shown?.settings;
  const goals = useGoals(today, live) ?? shown?.goals;
  const liveDue = useDue(today, limit, live);
  const due = liveDue ?? (limit === DUE_PAGE ? shown?.due : undefined);
  // What is below the first screen (due list and goals) is read once that is drawn.
  const later = useAfterPaint(goals !== undefined && due !== undefined);
  // (The kept first screen knows the total at once; the popup's own read counts after its paint.)
  const total = useDueTotal(today, later) ?? shown?.due.total;
  const bars = useWeeklyActivity(today, later ? settings?.weekStart : undefined);
  return (
    <StatusProvider>
      <main className="p-root" data-testid="popup-root">
        <header className="p-header">
          <h1 className="p-brand"><span className="p-logo" aria-hidden="true" />Rapport</h1>
          <span className="p-muted p-small">{longToday(today)}</span>
          <button type="button" className="p-link p-small" onClick={() => void browser.runtime.openOptionsPage()}>Options</button>
        </header>
        <RemindersSection today={today} due={due} total={total} onMore={() => setLimit((n) => n + DUE_PAGE)} />
        <GoalsSection goals={goals} settings={settings} />
        <QuickLog />
        <ActivityChart bars={bars} />
        <RecentContacts enabled={later} />
        <StatusLine />
      </main>
    </StatusProvider>
  );
}
