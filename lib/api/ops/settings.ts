import { z } from 'zod';
import { relationship, settingsSchema } from '../../db/schema';
import { readSettings, writeSettings } from '../../domain/settings';
import { defineOp } from '../define';

export const settingsOps = {
  'settings.get': defineOp({
    access: 'panel',
    input: z.object({}).default({}),
    output: settingsSchema,
    handler: async (_i, { db }) => readSettings(db),
  }),

  /** Any setting, from Rapport's own pages. */
  'settings.update': defineOp({
    access: 'extension',
    writes: ['settings'],
    input: settingsSchema.partial(),
    output: settingsSchema,
    handler: async (patch, { db }) => writeSettings(db, patch),
  }),

  /** What the in-page panel may change about itself: open or collapsed, and its side. */
  'settings.panelState': defineOp({
    access: 'panel',
    writes: ['settings'],
    input: settingsSchema.pick({ panelCollapsed: true, panelSide: true }).partial(),
    output: settingsSchema,
    handler: async (patch, { db }) => writeSettings(db, patch),
  }),

  /** A custom relationship label, added once and reused. */
  'relationship.addCustom': defineOp({
    access: 'panel',
    writes: ['settings'],
    input: z.object({ label: relationship }),
    output: settingsSchema,
    async handler({ label }, { db }) {
      const s = await readSettings(db);
      if (s.customRelationships.some((r) => r.toLowerCase() === label.toLowerCase())) return s;
      return writeSettings(db, { customRelationships: [...s.customRelationships, label] });
    },
  }),
};
