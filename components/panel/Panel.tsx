/** What the panel shows for a page report: the same component in the page and in the side panel. */
import type { PageReport } from './bridge';
import { GroupPanel } from './GroupPanel';
import { ProfilePanel } from './ProfilePanel';

export function PanelBody({ report, showPhoto }: { report: PageReport | null; showPhoto: boolean }) {
  if (!report || report.page.kind === 'other') {
    return (
      <div className="r-empty">
        <p><strong>Open a LinkedIn profile or group.</strong></p>
        <p className="r-muted">Rapport shows what you know about the person or group on the page in this tab.</p>
      </div>
    );
  }
  // `key`: a new person (or group) gets a fresh panel — no draft, no state carried over.
  if (report.page.kind === 'profile') return <ProfilePanel key={'p:' + report.page.slug} report={report} slug={report.page.slug} showPhoto={showPhoto} />;
  return <GroupPanel key={'g:' + report.page.groupId} report={report} groupId={report.page.groupId} />;
}
