/**
 * Note drafts, kept per person (slug) or group so that a draft survives navigation and re-renders
 * and is never attached to the wrong person. Stored in the extension's own storage (fine for a
 * content script), one key per draft.
 */
export interface DraftStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export type DraftScope = 'contact' | 'group';

export function draftKey(scope: DraftScope, id: string): string {
  return `rapport:draft:${scope}:${id.toLowerCase()}`;
}

export interface DraftStore {
  load(key: string): Promise<string>;
  /** Saves the text; an empty (white space) draft removes the key. */
  save(key: string, text: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export function createDraftStore(storage: DraftStorage): DraftStore {
  return {
    async load(key) {
      try {
        const got = await storage.get(key);
        const v = got[key];
        return typeof v === 'string' ? v : '';
      } catch {
        return '';
      }
    },
    async save(key, text) {
      if (!text.trim()) await storage.remove(key).catch(() => {});
      else await storage.set({ [key]: text }).catch(() => {});
    },
    async clear(key) {
      await storage.remove(key).catch(() => {});
    },
  };
}
