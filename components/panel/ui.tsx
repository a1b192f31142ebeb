/** Small building blocks shared by the panel views. */
import { type ReactNode, useId, useState } from 'react';
import { hasBidiControls, stripBidiControls } from '../safeText';

export function Section({ title, children, actions, className }: { title: string; children: ReactNode; actions?: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={'r-section' + (className ? ' ' + className : '')} aria-labelledby={id}>
      <div className="r-section-head">
        <h3 id={id} className="r-h3">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function ErrorText({ error }: { error: string | null }) {
  if (!error) return null;
  return <p className="r-error" role="alert">{error}</p>;
}

export function Avatar({ name, photoUrl, size = 48 }: { name: string; photoUrl?: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
  if (!failed && photoUrl && /^https:\/\/[a-z0-9.-]*licdn\.com\//i.test(photoUrl)) {
    return <img className="r-avatar" src={photoUrl} alt="" width={size} height={size} referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
  }
  return <span className="r-avatar r-avatar-initials" aria-hidden="true" style={{ width: size, height: size }}>{initials}</span>;
}

export function Logo({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="7" cy="8" r="3.2" fill="currentColor" />
      <circle cx="17" cy="8" r="3.2" fill="currentColor" opacity="0.65" />
      <path d="M2.5 19c0-3 2-5 4.5-5s4.5 2 4.5 5M12.5 19c0-3 2-5 4.5-5s4.5 2 4.5 5" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  );
}

export function Icon({ name }: { name: 'collapse' | 'swap' | 'sidepanel' | 'close' | 'edit' | 'trash' | 'check' | 'copy' }) {
  const p: Record<typeof name, ReactNode> = {
    collapse: <path d="M9 6l6 6-6 6" />,
    swap: <path d="M7 7h11l-3-3M17 17H6l3 3" />,
    sidepanel: <><rect x="3.5" y="4.5" width="17" height="15" rx="2" /><path d="M14 4.5v15" /></>,
    close: <path d="M6 6l12 12M18 6L6 18" />,
    edit: <path d="M4 20h4L19 9l-4-4L4 16v4z" />,
    trash: <path d="M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13" />,
    check: <path d="M5 12l5 5 9-10" />,
    copy: <><rect x="8" y="8" width="12" height="12" rx="2" /><path d="M16 8V5a1 1 0 00-1-1H5a1 1 0 00-1 1v10a1 1 0 001 1h3" /></>,
  };
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {p[name]}
    </svg>
  );
}

/**
 * Under a field whose value holds Unicode bidirectional controls (which can make pasted text
 * display in a different order than it is stored): says so, and offers to remove them. Elsewhere
 * such text is shown with visible markers (displayText); in a field the user edits, it is theirs.
 */
export function BidiHint({ value, onClean }: { value: string; onClean: (cleaned: string) => void }) {
  if (!hasBidiControls(value)) return null;
  return (
    <p className="r-hint r-bidi-hint" data-testid="bidi-hint" role="status">
      This text holds hidden direction characters that can make it read in a different order.{' '}
      <button type="button" className="r-link" onClick={() => onClean(stripBidiControls(value))}>Remove them</button>
    </p>
  );
}
