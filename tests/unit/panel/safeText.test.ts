import { describe, expect, it } from 'vitest';
import { displayText, hasBidiControls, stripBidiControls } from '../../../components/safeText';

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

describe('BidiHint (a field holding bidi controls)', () => {
  it('is absent for ordinary text, and for a note with controls says so and removes them on click', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const { BidiHint } = await import('../../../components/panel/ui');
    expect(renderToStaticMarkup(createElement(BidiHint, { value: 'مرحبا Ada', onClean: () => {} }))).toBe('');
    const html = renderToStaticMarkup(createElement(BidiHint, { value: 'invoice\u202Egnp.exe', onClean: () => {} }));
    expect(html).toContain('hidden direction characters');
    expect(html).toContain('Remove them');
    expect(stripBidiControls('invoice\u202Egnp.exe \u2067x\u2069')).toBe('invoicegnp.exe x');
  });
});
