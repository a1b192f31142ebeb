/** The last few contacts added (live). */
import { useId } from 'react';
import { browser } from 'wxt/browser';
import { useRecentContacts } from './data';
import { safeProfileUrl } from './format';
import { displayText } from '../safeText';

export function RecentContacts({ enabled = true }: { enabled?: boolean }) {
  const recent = useRecentContacts(5, enabled);
  const headingId = useId();
  if (recent === undefined) return null;
  return (
    <section className="p-section" aria-labelledby={headingId}>
      <div className="p-section-head"><h2 id={headingId}>Recently added</h2></div>
      {recent.length === 0 ? (
        <p className="p-muted p-small">
          No one saved yet. Open a LinkedIn profile and press “Save” in the Rapport panel, or import your
          connections from Options.
        </p>
      ) : (
        <ul className="p-recent">
          {recent.map((c) => {
            const url = safeProfileUrl(c.profileUrl);
            const sub = [c.headline ?? c.position, c.company].filter(Boolean).join(' · ');
            return (
              <li key={c.id} data-testid="recent-contact" className="p-recent-item">
                <span className="p-avatar" aria-hidden="true">{initials(c.name)}</span>
                <span className="p-recent-text">
                  {url ? (
                    <a href={url} className="p-name" onClick={(e) => { e.preventDefault(); void browser.tabs.create({ url }); }}
                      aria-label={`${displayText(c.name)} — open LinkedIn profile in a new tab`}><bdi>{displayText(c.name)}</bdi></a>
                  ) : <span className="p-name"><bdi>{displayText(c.name)}</bdi></span>}
                  {sub && <span className="p-muted p-small p-ellipsis"><bdi>{displayText(sub)}</bdi></span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1]![0] ?? '' : '')).toUpperCase() || '?';
}
