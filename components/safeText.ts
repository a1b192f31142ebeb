/**
 * Text from LinkedIn pages, CSV files and the user's own notes is shown as text, never as HTML; it
 * may still carry Unicode bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–
 * U+2069 isolates) that visually reorder what follows: "invoice\u202Egnp.exe" shows as
 * "invoiceexe.png". `displayText` makes each such character visible as a marker (⟨U+202E⟩), so
 * what you see is what is stored in the order it is stored; callers also render the text isolated
 * (`<bdi>` / `unicode-bidi: isolate`) so right-to-left names don't spill into the text around them.
 * Only for display: what is stored is never changed.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function hasBidiControls(s: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/.test(s);
}

export function displayText(s: string): string;
export function displayText(s: string | null | undefined): string | null;
export function displayText(s: string | null | undefined): string | null {
  if (s == null) return null;
  return s.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase()}⟩`);
}

/** The text without its bidirectional controls (what "Remove them" in an input leaves). */
export function stripBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}
