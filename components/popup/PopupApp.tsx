/** The toolbar popup: what is due today, goals, quick log, the last 12 weeks, recently added. */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ActivityChart } from './Chart';
import { DUE_PAGE, useAfterPaint, useDue, useDueTotal, useGoals, useSettings, useToday, useWeeklyActivity } from './data';
import { longToday } from './format';
import { GoalsSection } from './Goals';
import { QuickLog } from './QuickLog';
import { RecentContacts } from './Recent';
import { RemindersSection } from './Reminders';
import { StatusLine, StatusProvider } from './status';

export function PopupApp() {
  const today = useToday();
  const settings = useSettings();
  const goals = useGoals(today);
  const [limit, setLimit] = useState(DUE_PAGE);
  const due = useDue(today, limit);
  // The first screen (due list and goals) is read first; what is below it, once that is drawn.
  const later = useAfterPaint(goals !== undefined && due !== undefined);
  const total = useDueTotal(today, later);
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
