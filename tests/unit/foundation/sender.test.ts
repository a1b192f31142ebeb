import { describe, expect, it } from 'vitest';
import { classifySender, handleApiMessage } from '../../../lib/api/server';
import { MSG } from '../../../lib/api/messages';
import { ops } from '../../../lib/api/protocol';
import { createDb } from '../../../lib/db/db';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}`;

describe('classifySender', () => {
  it('recognises our extension pages', () => {
    expect(classifySender({ id: EXT_ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }, EXT_ID, ORIGIN)).toBe('extension');
    expect(classifySender({ id: EXT_ID, url: `${ORIGIN}/options.html#contacts`, tab: { id: 3 } }, EXT_ID, ORIGIN + '/')).toBe('extension');
  });
  it('recognises our content script in a LinkedIn tab (top frame only)', () => {
    const s = { id: EXT_ID, url: 'https://www.linkedin.com/in/ada/', origin: 'https://www.linkedin.com', tab: { id: 7 }, frameId: 0 };
    expect(classifySender(s, EXT_ID, ORIGIN)).toBe('content');
    expect(classifySender({ ...s, frameId: 3 }, EXT_ID, ORIGIN)).toBeNull();
  });
  it('rejects other extensions, other sites and look-alike origins', () => {
    expect(classifySender({ id: 'other', url: `${ORIGIN}/popup.html` }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT_ID, url: 'https://evil.example/in/x', tab: { id: 1 } }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT_ID, url: 'https://www.linkedin.com.evil.example/', tab: { id: 1 } }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT_ID, url: 'https://www.linkedin.com/feed/' }, EXT_ID, ORIGIN)).toBeNull(); // no tab
    expect(classifySender({ id: EXT_ID, url: `chrome-extension://${EXT_ID}x/popup.html` }, EXT_ID, ORIGIN)).toBeNull();
  });
});

describe('the API checks who calls what', () => {
  it('refuses every extension-only operation from a content script, and writes nothing', async () => {
    const db = createDb(`sender-${crypto.randomUUID()}`);
    const extensionOnly = Object.entries(ops).filter(([, op]) => op.access === 'extension').map(([name]) => name);
    expect(extensionOnly).toContain('settings.update');
    for (const op of extensionOnly) {
      const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input: {} }, 'content', { db });
      expect(res, op).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(await db.settings.count()).toBe(0);
  });

  it('refuses unknown senders and unknown or inherited operation names', async () => {
    const db = createDb(`sender-${crypto.randomUUID()}`);
    const fromNobody = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'settings.get', input: {} }, null, { db });
    expect(fromNobody.ok || fromNobody.error.code).toBe('forbidden');
    for (const op of ['nope', '__proto__', 'constructor', 'toString']) {
      const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input: {} }, 'extension', { db });
      expect(res.ok || res.error.code, op).toBe('unknown-op');
    }
  });

  it('lets the panel call panel operations', async () => {
    const db = createDb(`sender-${crypto.randomUUID()}`);
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'settings.get', input: {} }, 'content', { db });
    expect(res.ok).toBe(true);
  });
});
