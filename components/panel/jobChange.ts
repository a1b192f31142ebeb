/** Job changes: what the saved contact says vs what the profile page shows now. */

export interface JobChange {
  field: 'headline' | 'company';
  was: string | null;
  now: string;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * Fields where the page shows something new. A field the page could not read (null) is never a
 * change; neither is a difference in white space or letter case only.
 */
export function jobChanges(
  saved: { headline: string | null; company: string | null },
  page: { headline: string | null; company: string | null } | null,
): JobChange[] {
  if (!page) return [];
  const out: JobChange[] = [];
  for (const field of ['headline', 'company'] as const) {
    const now = norm(page[field]);
    if (!now) continue;
    if (norm(saved[field]).toLowerCase() !== now.toLowerCase()) out.push({ field, was: saved[field] ? norm(saved[field]) : null, now });
  }
  return out;
}

/** "was: Engineer at X" — what the panel shows. */
export function describeWas(saved: { headline: string | null; company: string | null }): string {
  return [norm(saved.headline), norm(saved.company)].filter(Boolean).join(' · ') || 'nothing recorded';
}
