/** The options page: a left nav and one section at a time, routed by the URL hash (#contacts …). */
import { Suspense, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import { ToastHost } from './common';
import { ContactsSection } from './ContactsSection';
import { type LazyComponent, lazyWithZod } from './lazy';

// Only the contact list (the page's default section, and the heaviest to show) is in the page's
// first script; every other section is its own chunk, loaded when it is first opened (lazy.ts).
const WelcomeSection = lazyWithZod(() => import('./WelcomeSection'), 'WelcomeSection');
const GoalsSection = lazyWithZod(() => import('./GoalsSection'), 'GoalsSection');
const GroupsEventsSection = lazyWithZod(() => import('./GroupsEventsSection'), 'GroupsEventsSection');
const DuplicatesSection = lazyWithZod(() => import('./DuplicatesSection'), 'DuplicatesSection');
const PrivacySection = lazyWithZod(() => import('./PrivacySection'), 'PrivacySection');

// Import and Backup are written by another engineer; picked up when their files exist.
const external = import.meta.glob<Record<string, unknown>>('./{ImportSection,BackupSection}.tsx');
function externalSection(name: 'ImportSection' | 'BackupSection'): LazyComponent | null {
  const load = external[`./${name}.tsx`];
  return load ? lazyWithZod(load, name) : null;
}
const ImportSection = externalSection('ImportSection');
const BackupSection = externalSection('BackupSection');

export const SECTIONS = [
  { id: 'welcome', label: 'Welcome' },
  { id: 'goals', label: 'Goals & reminders' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'groups', label: 'Groups & events' },
  { id: 'duplicates', label: 'Duplicates' },
  { id: 'import', label: 'Import' },
  { id: 'backup', label: 'Backup & export' },
  { id: 'privacy', label: 'Data & privacy' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): SectionId {
  const h = location.hash.replace(/^#/, '').split(/[?/]/)[0];
  return (SECTIONS.find((s) => s.id === h)?.id ?? 'contacts') as SectionId;
}

function Placeholder({ title }: { title: string }) {
  return (
    <section className="o-section" aria-labelledby="ph-title">
      <h1 id="ph-title">{title}</h1>
      <div className="o-card"><p className="o-muted">This section is not available in this build yet.</p></div>
    </section>
  );
}

function SectionLoading() {
  return <section className="o-section" aria-busy="true"><p className="o-muted">Loading…</p></section>;
}

export function OptionsApp() {
  const [section, setSection] = useState<SectionId>(sectionFromHash);
  const count = useLiveQuery(() => getDb().contacts.count(), []);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const label = SECTIONS.find((s) => s.id === section)!.label;
    document.title = `${label} · Rapport`;
    document.querySelector<HTMLElement>('.o-main')?.scrollTo(0, 0);
  }, [section]);

  let body;
  switch (section) {
    case 'welcome': body = <WelcomeSection />; break;
    case 'goals': body = <GoalsSection />; break;
    case 'contacts': body = <ContactsSection />; break;
    case 'groups': body = <GroupsEventsSection />; break;
    case 'duplicates': body = <DuplicatesSection />; break;
    case 'import': body = ImportSection ? <ImportSection /> : <Placeholder title="Import" />; break;
    case 'backup': body = BackupSection ? <BackupSection /> : <Placeholder title="Backup & export" />; break;
    case 'privacy': body = <PrivacySection />; break;
  }

  return (
    <ToastHost>
      <div className="o-shell" data-testid="options-root">
        <nav className="o-nav" aria-label="Rapport settings">
          <div className="o-brand"><span className="o-brand-mark" aria-hidden="true">R</span>Rapport</div>
          {SECTIONS.map((s) => (
            <a key={s.id} href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined} data-testid={`nav-${s.id}`}>
              {s.label}
            </a>
          ))}
          <div className="o-nav-foot">
            <span data-testid="contact-count">{count === undefined ? '…' : `${count} ${count === 1 ? 'contact' : 'contacts'}`}</span>
            <br />
            Stored only in this browser
          </div>
        </nav>
        <main className="o-main"><Suspense fallback={<SectionLoading />}>{body}</Suspense></main>
      </div>
    </ToastHost>
  );
}
