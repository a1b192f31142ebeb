/** First run: what Rapport does, where its panel lives, and persistent storage. */
import { useEffect, useState } from 'react';
import { ErrorText, useAction } from './common';
import { useSettings } from './settings';

type PersistState = 'unknown' | 'asking' | 'granted' | 'denied' | 'unsupported';

export function usePersistence() {
  const [state, setState] = useState<PersistState>('unknown');
  useEffect(() => {
    if (!navigator.storage?.persisted) { setState('unsupported'); return; }
    void navigator.storage.persisted().then((p) => setState(p ? 'granted' : 'denied'), () => setState('unsupported'));
  }, []);
  const request = async () => {
    if (!navigator.storage?.persist) { setState('unsupported'); return; }
    setState('asking');
    try {
      setState((await navigator.storage.persist()) ? 'granted' : 'denied');
    } catch {
      setState('denied');
    }
  };
  return { state, request };
}

export function PersistenceStatus({ state }: { state: PersistState }) {
  const text: Record<PersistState, string> = {
    unknown: 'Checking…',
    asking: 'Asking the browser…',
    granted: 'Granted: the browser will not clear Rapport’s data to free space.',
    denied: 'Not granted: the browser may clear Rapport’s data if the disk runs low. Keep a backup.',
    unsupported: 'This browser does not say whether it keeps the data.',
  };
  return <p data-testid="persist-status" className={state === 'granted' ? 'o-ok' : 'o-muted'}>{text[state]}</p>;
}

export function WelcomeSection() {
  const settings = useSettings();
  const { run, error, busy } = useAction();
  const persistence = usePersistence();

  useEffect(() => {
    // Ask once on the welcome page: the browser may grant it without a prompt.
    if (persistence.state === 'denied' && location.hash === '#welcome') void persistence.request();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [persistence.state === 'denied']);

  const choose = (panelPlacement: 'page' | 'sidepanel') => run('settings.update', { panelPlacement, placementChosen: true });
  const chosen = settings?.placementChosen ? settings.panelPlacement : null;

  return (
    <section className="o-section" aria-labelledby="welcome-title">
      <div className="o-card o-welcome" data-testid="welcome-card">
        <h1 id="welcome-title">Welcome to Rapport</h1>
        <p className="o-lede">
          Rapport helps you build and keep a strong professional network on LinkedIn: save the people you meet, note what
          you talked about, remember to keep in touch, and set yourself goals for connecting, joining groups, attending
          events, finding mentors and sharing what you know. Everything stays in this browser; Rapport never sends
          anything anywhere and never acts on LinkedIn for you.
        </p>
      </div>

      <div className="o-card">
        <h2 id="placement-title">Where should the Rapport panel appear?</h2>
        <p className="o-lede">
          LinkedIn’s terms frown on extensions that insert elements into its pages; the side panel leaves the page
          untouched. The in-page panel is handier: it sits next to the profile you are looking at. You can change this
          any time under Goals &amp; reminders.
        </p>
        <div className="o-choice" role="group" aria-labelledby="placement-title">
          <button type="button" aria-pressed={chosen === 'page'} disabled={busy} onClick={() => choose('page')} data-testid="placement-page">
            <strong>In the page</strong>
            <span className="o-muted">A small panel beside LinkedIn profiles and groups.</span>
          </button>
          <button type="button" aria-pressed={chosen === 'sidepanel'} disabled={busy} onClick={() => choose('sidepanel')} data-testid="placement-sidepanel">
            <strong>In the side panel</strong>
            <span className="o-muted">The browser’s side panel; LinkedIn’s page stays untouched.</span>
          </button>
        </div>
        {chosen && (
          <p className="o-ok" role="status">
            Saved: the panel will appear {chosen === 'page' ? 'in the page' : 'in the browser’s side panel'}.
          </p>
        )}
        <ErrorText error={error} />
      </div>

      <div className="o-card">
        <h2>Keep your data safe</h2>
        <p className="o-lede">
          Rapport asks the browser to treat its storage as persistent, so your notes are not cleared when the disk runs low.
        </p>
        <PersistenceStatus state={persistence.state} />
        {persistence.state === 'denied' && (
          <div><button type="button" onClick={persistence.request}>Ask again</button></div>
        )}
      </div>

      <div className="o-card">
        <h2>Next steps</h2>
        <ol className="o-list-plain">
          <li><a href="#import">Import your LinkedIn connections</a> (the Connections.csv from LinkedIn’s data export).</li>
          <li><a href="#goals">Set a goal or two</a>, for example three new connections a week.</li>
          <li>Open a LinkedIn profile and save the person with the Rapport panel.</li>
        </ol>
      </div>
    </section>
  );
}
