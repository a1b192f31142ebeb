/**
 * The background's side of the data API: validates the sender, the operation, the input (zod),
 * runs the handler and answers `{ ok, data }` or a typed `{ ok: false, error }` — never throws.
 */
import { z } from 'zod';
import type { RapportDB, TableName } from '../db/db';
import type { HandlerCtx, OpDef, SenderKind } from './define';
import { type ApiErrorBody, type ApiResult, ApiError, MSG } from './messages';
import { ops } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

/**
 * Who sent a message: an extension page of ours, our content script on linkedin.com (top frame),
 * or nobody we talk to (null).
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (!sender || sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  const origin = sender.origin ?? safeOrigin(url);
  const ownOrigin = extensionOrigin.replace(/\/$/, '');
  if (origin === ownOrigin && url.startsWith(ownOrigin + '/')) return 'extension';
  if (sender.tab && origin === LINKEDIN_ORIGIN && safeOrigin(url) === LINKEDIN_ORIGIN && (sender.frameId ?? 0) === 0) {
    return 'content';
  }
  return null;
}

function safeOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    // Non-special schemes (chrome-extension:, moz-extension:) have an opaque `origin` in some runtimes.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export interface ServerDeps {
  db: RapportDB;
  now?: () => Date;
  notify?: (tables: TableName[]) => void;
  ops?: Record<string, OpDef>;
}

const messageSchema = z.object({ type: z.literal(MSG.UI_API_CALL), op: z.string().max(100), input: z.unknown() });

export async function handleApiMessage(message: unknown, sender: SenderKind | null, deps: ServerDeps): Promise<ApiResult<unknown>> {
  try {
    if (!sender) return fail('forbidden', 'This sender may not talk to Rapport.');
    const msg = messageSchema.safeParse(message);
    if (!msg.success) return fail('invalid-input', 'Malformed request.');
    const table = deps.ops ?? (ops as unknown as Record<string, OpDef>);
    const op = Object.prototype.hasOwnProperty.call(table, msg.data.op) ? table[msg.data.op] : undefined;
    if (!op) return fail('unknown-op', `Unknown operation "${msg.data.op}".`);
    if (op.access === 'extension' && sender !== 'extension') {
      return fail('forbidden', `"${msg.data.op}" can only be used from Rapport's own pages.`);
    }
    const input = op.input.safeParse(msg.data.input);
    if (!input.success) return fail('invalid-input', describeZodError(input.error));
    const pending = new Set<TableName>();
    const ctx: HandlerCtx = {
      db: deps.db,
      now: deps.now ?? (() => new Date()),
      sender,
      notify: (tables) => tables.forEach((t) => pending.add(t)),
    };
    const raw = await op.handler(input.data, ctx);
    const output = op.output.safeParse(raw);
    if (!output.success) {
      console.error(`[rapport] ${msg.data.op} produced invalid output`, output.error);
      return fail('internal', 'Rapport produced an unexpected answer. Nothing else was changed.');
    }
    for (const t of op.writes ?? []) pending.add(t);
    if (pending.size && deps.notify) deps.notify([...pending]);
    return { ok: true, data: output.data };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}

export function fail(code: ApiErrorBody['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  // Dexie may wrap the browser's error more than once (AbortError → AbortError → QuotaExceededError).
  const names: string[] = [];
  for (let e = err as { name?: string; inner?: unknown } | null, i = 0; e && i < 5; e = e.inner as typeof e, i++) names.push(e.name ?? '');
  const name = names[0] ?? '';
  const inner = names.includes('QuotaExceededError') ? 'QuotaExceededError' : names.includes('ConstraintError') ? 'ConstraintError' : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return { code: 'quota', message: 'Your browser refused to store more data (storage is full). Nothing was saved; free some space and try again.' };
  }
  if (name === 'ConstraintError' || inner === 'ConstraintError') {
    return { code: 'conflict', message: 'That record already exists.' };
  }
  console.error('[rapport] operation failed', err);
  return { code: 'internal', message: 'Something went wrong while saving. Nothing was changed.' };
}

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Invalid request.';
  const where = first.path.length ? first.path.join('.') + ': ' : '';
  return `Invalid request: ${where}${first.message}`;
}
