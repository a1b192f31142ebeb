/**
 * The UI's side of the data API (panel, popup, options, side panel). Imports only types from the
 * protocol, so it adds no zod or Dexie to the bundle that calls it.
 */
import { browser } from 'wxt/browser';
import type { OpInput, OpName, OpOutput } from './protocol';
import { type ApiResult, ApiError, MSG } from './messages';

export type Transport = (message: unknown) => Promise<unknown>;

let transport: Transport = (message) => browser.runtime.sendMessage(message);
/** Tests: route calls straight to the server. */
export function setTransport(t: Transport): void {
  transport = t;
}

export async function callResult<K extends OpName>(op: K, input: OpInput<K>): Promise<ApiResult<OpOutput<K>>> {
  const message = { type: MSG.UI_API_CALL, op, input };
  for (let attempt = 0; ; attempt++) {
    try {
      const res = (await transport(message)) as ApiResult<OpOutput<K>> | undefined;
      if (!res || typeof res !== 'object' || !('ok' in res)) {
        return { ok: false, error: { code: 'internal', message: 'Rapport did not answer. Try again in a moment.' } };
      }
      return res;
    } catch (err) {
      // The worker may be starting up ("Could not establish connection"): one retry.
      if (attempt < 1) { await new Promise((r) => setTimeout(r, 150)); continue; }
      const gone = /context invalidated/i.test(String(err));
      return {
        ok: false,
        error: {
          code: 'internal',
          message: gone ? 'Rapport was updated. Reload this page to keep using it.' : 'Rapport is not reachable right now. Try again in a moment.',
        },
      };
    }
  }
}

/** Calls an operation; throws `ApiError` (with a user-readable message) when it fails. */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const res = await callResult(op, input);
  if (!res.ok) throw new ApiError(res.error.code, res.error.message);
  return res.data;
}
