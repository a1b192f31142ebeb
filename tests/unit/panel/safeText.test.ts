import { describe, expect, it } from 'vitest';
import { displayText, hasBidiControls } from '../../../components/safeText';

describe('displayText (bidi override spoofing)', () => {
  it('shows a right-to-left override as a visible marker, so "invoice‮gnp.exe" cannot pass for a .png', () => {
    const shown = displayText('invoice\u202Egnp.exe');
    expect(shown).toBe('invoice⟨U+202E⟩gnp.exe');
    expect(hasBidiControls(shown)).toBe(false);
  });

  it('neutralises every embedding, override and isolate control (U+202A–U+202E, U+2066–U+2069)', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(displayText(`a${all}b`)).toBe('a⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩b');
  });

  it('leaves ordinary text, right-to-left scripts, emoji and null alone', () => {
    for (const s of ['Ada Lovelace', 'מרים כהן', 'نور الهدى', 'Zoë 👩‍💻 Ünal', '<img src=x>']) expect(displayText(s)).toBe(s);
    expect(displayText(null)).toBeNull();
    expect(displayText(undefined)).toBeNull();
  });
});
