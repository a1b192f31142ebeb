import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema';
import { mergeSettings, writeSettings } from '../../../lib/domain/settings';
import { readSettingsLite, settingsFromStored } from '../../../lib/domain/settings-read';
import { freshDb } from '../reminders/helpers';

/** Values near each field's limits: valid ones, and ones the schema rejects. */
const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, 1, 6, 7, -1, 1.5, 3650, 3651, NaN, Infinity, '', ' ', 'page', 'sidepanel', 'left', 'right', '09:00', '9:00', '23:59x'),
  fc.integer({ min: -5, max: 4000 }),
  fc.string({ maxLength: 70, unit: 'grapheme' }),
  fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 9 }),
  fc.array(fc.oneof(fc.string({ maxLength: 64, unit: 'binary' }), fc.constant('  x  '), fc.constant(' ')), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.constant('30'))),
  fc.record({ enabled: fc.boolean(), time: fc.constantFrom('09:00', '9am') }),
  fc.record({
    enabled: fc.oneof(fc.boolean(), fc.constant(1)),
    weekdays: fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 8 }),
    prompts: fc.array(fc.string({ maxLength: 301, unit: 'grapheme-composite' }), { maxLength: 3 }),
    extra: fc.anything(),
  }, { requiredKeys: ['enabled'] }),
);
const keys = Object.keys(DEFAULT_SETTINGS);

describe('the zod-free settings read', () => {
  it('gives what the zod-validated mergeSettings gives: valid values kept, anything invalid → the defaults', () => {
    fc.assert(fc.property(
      // A stored value: some fields replaced (by valid or invalid values), maybe unknown keys.
      fc.dictionary(fc.constantFrom(...keys, 'unknownKey'), anyValue, { maxKeys: 4 }),
      (patch) => {
        expect(settingsFromStored(patch)).toEqual(mergeSettings(patch));
      },
    ), { numRuns: 3000, seed: 5 });
  });

  it('keeps a valid stored value (unknown keys dropped, custom relationships trimmed)', () => {
    const stored = {
      ...DEFAULT_SETTINGS, weekStart: 0, panelPlacement: 'sidepanel', cadenceByRelationship: { mentor: 14, 'Old boss': 200 },
      customRelationships: ['  Old boss '], shareExpertise: { enabled: false, weekdays: [], prompts: ['Teach one thing'] },
      notifications: { enabled: true, time: '18:30' }, lastBackupAt: 1_700_000_000_000, leftover: 'x',
    };
    const got = settingsFromStored(stored);
    expect(got).toEqual(mergeSettings(stored));
    expect(got.weekStart).toBe(0);
    expect(got.customRelationships).toEqual(['Old boss']);
    expect(got).not.toHaveProperty('leftover');
  });

  it('falls back to the defaults on garbage', () => {
    for (const garbage of [undefined, null, 42, 'settings', [], { weekStart: 9 }, { notifications: null }, { customRelationships: [''] },
      { shareExpertise: { enabled: true, weekdays: [8], prompts: [] } }, { cadenceByRelationship: { mentor: 0 } }, { lastBackupAt: NaN }]) {
      expect(settingsFromStored(garbage)).toEqual(DEFAULT_SETTINGS);
      expect(settingsFromStored(garbage)).toEqual(mergeSettings(garbage));
    }
  });

  it('reads what was written through writeSettings', async () => {
    const db = freshDb();
    expect(await readSettingsLite(db)).toEqual(DEFAULT_SETTINGS);
    const written = await writeSettings(db, { weekStart: 6, starterGoalsOffered: true, customRelationships: ['Coach'] });
    expect(await readSettingsLite(db)).toEqual(written);
  });
});
