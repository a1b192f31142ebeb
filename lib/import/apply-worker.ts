/**
 * Web Worker for the options page's import: reads and parses the CSV and plans the merge off the
 * main thread (30 000 rows take longer than a 50 ms task). It reads the contacts from the
 * extension's IndexedDB (read only; every write goes through the background's `import.batch`),
 * keeps the rows, and hands them out one batch at a time, packed (one string: the page's main
 * thread only forwards it). The page starts it before a file is chosen (`warm`).
 */
import { z } from 'zod';
import { prepareImport, warmUp, type PreparedImport, type ImportWorkerRequest, type ImportWorkerResponse } from './prepare';
import { packRows } from './packed-rows';

z.config({ jitless: true });

let prepared: PreparedImport | null = null;

const post = (m: ImportWorkerResponse) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  const m = event.data;
  void (async () => {
    try {
      if (m.type === 'warm') {
        await warmUp();
      } else if (m.type === 'prepare') {
        prepared = null;
        const result = await prepareImport(await m.file.text());
        if ('problem' in result) return post({ type: 'problem', message: result.problem });
        prepared = result;
        post({ type: 'preview', preview: result.preview });
        setTimeout(() => { if (prepared === result) result.order(); }, 0); // while the page draws the preview
      } else if (m.type === 'batch') {
        const rows = prepared ? prepared.batch(m.index) : [];
        post({ type: 'batch', index: m.index, packed: packRows(rows), count: rows.length });
      }
    } catch (err) {
      console.error('[rapport] import worker', err);
      post({ type: 'problem', message: 'This file could not be read. Nothing was imported.' });
    }
  })();
});
