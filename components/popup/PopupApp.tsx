/** The toolbar popup: what is due today, goals, quick log, the last 12 weeks, recently added. */
import { browser } from 'wxt/browser';
import { ActivityChart } from './Chart';
import { useSettings, useToday, useWeeklyActivity } from './data';
import { longToday } from './format';
import { GoalsSection } from './Goals';
import { QuickLog } from './QuickLog';
import { RecentContacts } from './Recent';
import { RemindersSection } from './Reminders';
import { StatusLine, StatusProvider } from './status';

export function PopupApp() {
  const today = useToday();
  const settings = useSettings();
  const bars = useWeeklyActivity(today, settings?.weekStart);
  return (
    <StatusProvider>
      <main className="p-root" data-testid="popup-root">
        <header className="p-header">
          <h1 className="p-brand"><span className="p-logo" aria-hidden="true" />Rapport</h1>
          <span className="p-muted p-small">{longToday(today)}</span>
          <button type="button" className="p-link p-small" onClick={() => void browser.runtime.openOptionsPage()}>Options</button>
        </header>
        <RemindersSection today={today} />
        <GoalsSection today={today} settings={settings} />
        <QuickLog />
        <ActivityChart bars={bars} />
        <RecentContacts />
        <StatusLine />
      </main>
    </StatusProvider>
  );
}
