/**
 * The one typed data API. Every operation the panel, popup and options page use is defined once
 * in an `ops/*.ts` file (zod input and output schemas, who may call it, its handler) and listed
 * here. Clients import only the *types* of this module (see client.ts), so zod and Dexie never
 * reach a content script through it.
 */
import type { z } from 'zod';
import { contactOps } from './ops/contacts';
import { noteOps } from './ops/notes';
import { settingsOps } from './ops/settings';
import { groupOps } from './ops/groups';
import { commitmentOps } from './ops/commitments';
import { manageOps } from './ops/manage';
import { importOps } from './ops/import';
import { backupOps } from './ops/backup';
import { goalOps } from './ops/goals';
import { reminderOps } from './ops/reminders';
import { activityOps } from './ops/activities';

export const ops = {
  ...contactOps,
  ...noteOps,
  ...settingsOps,
  ...groupOps,
  ...commitmentOps,
  ...manageOps,
  ...importOps,
  ...backupOps,
  ...goalOps,
  ...reminderOps,
  ...activityOps,
};

export type Ops = typeof ops;
export type OpName = keyof Ops;
export type OpInput<K extends OpName> = z.input<Ops[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Ops[K]['output']>;
