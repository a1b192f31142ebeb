import type { z } from 'zod';
import type { RapportDB, TableName } from '../db/db';

/**
 * Who may call an operation. `panel`: the in-page panel (a content script on linkedin.com) and
 * extension pages. `extension`: extension pages only (popup, options, side panel) — everything
 * bulk or destructive (delete-all, restore, export, import) is `extension`.
 */
export type Access = 'panel' | 'extension';
export type SenderKind = 'content' | 'extension';

export interface HandlerCtx {
  db: RapportDB;
  now: () => Date;
  sender: SenderKind;
  /** Tell open panels and pages these tables changed (the server does it after each `writes` op). */
  notify: (tables: TableName[]) => void;
}

export interface OpDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** Tables this op may change: open panels are told after it succeeds. */
  writes?: TableName[];
  handler: (input: z.output<I>, ctx: HandlerCtx) => Promise<z.input<O>>;
}

export function defineOp<I extends z.ZodType, O extends z.ZodType>(def: OpDef<I, O>): OpDef<I, O> {
  return def;
}
