import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { createDraftStore, type DraftStore } from './drafts';

let store: DraftStore | null = null;
export function draftStore(): DraftStore {
  store ??= createDraftStore({
    get: (k) => browser.storage.local.get(k) as Promise<Record<string, unknown>>,
    set: (items) => browser.storage.local.set(items),
    remove: (k) => browser.storage.local.remove(k),
  });
  return store;
}

/**
 * A text draft bound to `key` (e.g. one person's note). Switching key shows that key's draft
 * (empty when none) at once: text typed for one key is never shown or saved under another.
 */
export function useDraft(key: string): { text: string; setText: (t: string) => void; clear: () => void } {
  const [state, setState] = useState<{ key: string; text: string }>({ key, text: '' });
  const current = state.key === key ? state : { key, text: '' };
  const typed = useRef(false);
  useEffect(() => {
    typed.current = false;
    setState({ key, text: '' });
    let live = true;
    void draftStore().load(key).then((text) => {
      // Don't clobber what the user already typed while the draft was loading.
      if (live && !typed.current && text) setState({ key, text });
    });
    return () => { live = false; };
  }, [key]);
  const setText = useCallback((text: string) => {
    typed.current = true;
    setState({ key, text });
    void draftStore().save(key, text);
  }, [key]);
  const clear = useCallback(() => {
    setState({ key, text: '' });
    void draftStore().clear(key);
  }, [key]);
  return { text: current.text, setText, clear };
}
