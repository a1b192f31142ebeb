/**
 * The message protocol under random input: every operation name (plus invented ones) called with
 * random payloads, as a content script (the in-page panel on a hostile page) and as an extension
 * page. The server must answer `{ ok:false, error:{ code, message } }` or `{ ok:true, data }`,
 * never throw, never crash inside a handler (`internal`), never let a content script run an
 * extension-only operation (nothing written), never store a record that breaks its schema, and
 * never pollute Object.prototype.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MSG } from '../../lib/api/messages';
import { handleApiMessage } from '../../lib/api/server';
import { ops } from '../../lib/api/protocol';
import { INTERACTION_KINDS, NOTE_TARGETS } from '../../lib/db/schema';
import { VALID_EXAMPLES } from './examples';
import { badShape, freshDb, fuzzConfig, invalidRows, seedNetwork, snapshot } from './helpers';

const OP_NAMES = Object.keys(ops);
const EXTENSION_ONLY = new Set(Object.entries(ops).filter(([, op]) => op.access === 'extension').map(([n]) => n));
const OP_RUNS = 60; // default runs per property; `npm run fuzz` uses 2000

/** Strings a hostile page or a broken caller could send. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '   \n\t', 'DELETE', 'delete', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
    '<img src=x onerror="window.__pwned=1">', 'javascript:alert(1)', '\u202Eevil\u202C', '\u0000', '\uD800', 'ada-example',
    'mira-okafor-test', '2026-02-30', '2026-01-05', '9999-99-99', 'https://www.linkedin.com/in/x/', 'contact', 'group', 'event',
    'member', 'connected', 'mentor', 'week', 'open', 'A'.repeat(70_000), '\uFDFA'.repeat(300), '\uFB00'.repeat(300),
  ),
  fc.constantFrom(...INTERACTION_KINDS, ...NOTE_TARGETS),
);
const nastyNumber = fc.oneof(
  fc.integer({ min: -2, max: 8 }),
  fc.constantFrom(0, -0, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308, -1e-9),
  fc.double(),
);
const leaf = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));

const KEYS = [
  'id', 'ids', 'contactId', 'targetId', 'targetType', 'groupId', 'eventId', 'slug', 'name', 'text', 'note', 'kind', 'date',
  'query', 'limit', 'patch', 'headline', 'company', 'location', 'degree', 'status', 'tags', 'add', 'remove', 'confirm',
  'relationships', 'membership', 'title', 'due', 'label', 'panelSide', 'panelCollapsed', 'weekStart', 'fromPage', 'linkToId',
  'survivorId', 'memberCount', 'description', 'source', 'typedFields', 'connectedOn', 'cadenceDays', 'nextFollowUp',
  'howWeMet', 'rows', 'fileName', 'runId', 'backup', 'json', 'format', 'contacts', 'notes', 'settings',
];

/** Objects that look like real inputs (known keys), nested one level, with hostile values. */
const shaped: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(leaf, { maxLength: 4 }), tie('obj')),
  obj: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
})).obj;

/** `__proto__` / `constructor` keys as JSON.parse makes them (own properties), like a message would carry. */
const polluting = fc
  .record({ inner: shaped, key: fc.constantFrom('__proto__', 'constructor', 'prototype') })
  .map(({ inner, key }) =>
    JSON.parse(
      `{"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}},"patch":{"${key}":{"polluted":"yes"}},"cadenceByRelationship":{"__proto__":{"polluted":1}},"x":${JSON.stringify(inner ?? null) ?? 'null'}}`,
    ),
  );

const anyInput = fc.oneof(fc.anything({ maxDepth: 3 }), shaped, polluting, fc.constant(undefined), fc.constant({}));
const opName = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...OP_NAMES) }, { weight: 1, arbitrary: nastyString.map((s) => s.slice(0, 100)) });

/** What the server logged for the last crash (its console.error is silenced during fuzzing). */
function lastLogged(spy: { mock: { calls: unknown[][] } }): string {
  const call = spy.mock.calls[spy.mock.calls.length - 1];
  return call ? call.map((x) => (x instanceof Error ? `${x.name}: ${x.message}` : String(x))).join(' ').slice(0, 500) : 'nothing logged';
}

function expectNotPolluted() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
}

const totals = { content: 0, extension: 0, nearValid: 0, accepted: 0, envelopes: 0 };
afterAll(() =>
  console.log(
    `[fuzz] protocol: ${totals.content} content-script calls, ${totals.extension} extension-page calls, ` +
      `${totals.nearValid} mutated valid inputs (${totals.accepted} accepted), ${totals.envelopes} malformed envelopes`,
  ),
);

type Mutation = { kind: 'set' | 'delete' | 'setNested'; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'delete', 'setNested'),
  key: fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('__proto__', 'constructor')),
  value: fc.oneof(leaf, shaped),
});

/** A valid example with 0–3 changes (a field set to a hostile value, removed, or nested). */
function mutate(example: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(example) as Record<string, unknown>;
  for (const m of mutations) {
    const keys = Object.keys(copy);
    const target = m.kind === 'setNested' && copy.patch && typeof copy.patch === 'object' ? (copy.patch as Record<string, unknown>) : copy;
    const key = keys.length && m.kind !== 'setNested' && m.key.length % 2 === 0 ? keys[m.key.length % keys.length]! : m.key;
    if (m.kind === 'delete') delete target[key];
    else Object.defineProperty(target, key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

describe('data API under random messages', () => {
  it('from a content script: typed errors only, extension-only operations refused and nothing written', async () => {
    const { seed, numRuns } = fuzzConfig('protocol/content', OP_RUNS * 4);
    const db = freshDb('fuzz-proto');
    await seedNetwork(db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(opName, anyInput, async (op, input) => {
          totals.content++;
          const before = EXTENSION_ONLY.has(op) ? await snapshot(db) : null;
          let res: Awaited<ReturnType<typeof handleApiMessage>>;
          try {
            res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'content', { db });
          } catch (err) {
            throw new Error(`${op} threw: ${String(err)}`);
          }
          const problem = badShape(res);
          if (problem) throw new Error(`${op}: ${problem}: ${JSON.stringify(res).slice(0, 300)}`);
          if (!res.ok && res.error.code === 'internal') throw new Error(`${op} crashed inside its handler on a content-script input: ${res.error.message} (${lastLogged(errors)})`);
          if (before) {
            expect(res.ok ? 'ok' : res.error.code, op).toBe('forbidden');
            expect(await snapshot(db), `${op} from a content script changed the database`).toEqual(before);
          }
          if (!Object.prototype.hasOwnProperty.call(ops, op)) expect(res.ok ? 'ok' : res.error.code, op).toBe('unknown-op');
          expectNotPolluted();
        }),
        { seed, numRuns },
      );
      // Every operation name, at least once each, with an empty and a polluting payload.
      for (const op of OP_NAMES) {
        for (const input of [undefined, {}, JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}')]) {
          const before = EXTENSION_ONLY.has(op) ? await snapshot(db) : null;
          const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'content', { db });
          totals.content++;
          expect(badShape(res), op).toBeNull();
          if (before) {
            expect(res.ok ? 'ok' : res.error.code, op).toBe('forbidden');
            expect(await snapshot(db)).toEqual(before);
          }
        }
      }
      expect(await invalidRows(db), 'records written by random panel calls break their schema').toEqual([]);
      expectNotPolluted();
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('[rapport]')), 'handlers logged crashes').toEqual([]);
    } finally {
      errors.mockRestore();
      db.close();
    }
  });

  it('from an extension page: every operation answers with data or a typed error, never crashes, stores only valid records', async () => {
    const { seed, numRuns } = fuzzConfig('protocol/extension', OP_RUNS * 4);
    let db = freshDb('fuzz-proto-ext');
    await seedNetwork(db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...OP_NAMES), fc.oneof(shaped, anyInput), async (op, input) => {
          totals.extension++;
          if ((await db.contacts.count()) === 0) {
            // A random `data.deleteEverything {confirm:'DELETE'}` emptied it: start again with data.
            db.close();
            db = freshDb('fuzz-proto-ext');
            await seedNetwork(db);
          }
          let res: Awaited<ReturnType<typeof handleApiMessage>>;
          try {
            res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'extension', { db });
          } catch (err) {
            throw new Error(`${op} threw: ${String(err)}`);
          }
          const problem = badShape(res);
          if (problem) throw new Error(`${op}: ${problem}`);
          if (!res.ok && res.error.code === 'internal') {
            throw new Error(`${op} crashed inside its handler on ${JSON.stringify(input)?.slice(0, 400)}: ${res.error.message} (${lastLogged(errors)})`);
          }
          expectNotPolluted();
        }),
        { seed, numRuns },
      );
      expect(await invalidRows(db), 'records written by random calls break their schema').toEqual([]);
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('[rapport]')), 'handlers logged crashes').toEqual([]);
    } finally {
      errors.mockRestore();
      db.close();
    }
  });

  it('mutated valid inputs reach every handler: data or a typed error, valid records only, content scripts still refused', async () => {
    const { seed, numRuns } = fuzzConfig('protocol/near-valid', OP_RUNS * 5);
    const withExamples = OP_NAMES.filter((op) => VALID_EXAMPLES[op]);
    const without = OP_NAMES.filter((op) => !VALID_EXAMPLES[op]);
    if (without.length) console.log(`[fuzz] protocol: no valid example yet (random payloads only) for: ${without.join(', ')}`);
    let db = freshDb('fuzz-proto-near');
    await seedNetwork(db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const accepted = new Set<string>();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...withExamples),
          fc.nat(),
          fc.array(mutation, { maxLength: 3 }),
          fc.constantFrom('extension', 'extension', 'content'),
          async (op, pick, mutations, sender) => {
            totals.nearValid++;
            if ((await db.contacts.count()) < 2 || (await db.groups.count()) === 0) {
              db.close();
              db = freshDb('fuzz-proto-near');
              await seedNetwork(db);
            }
            const examples = VALID_EXAMPLES[op]!;
            const input = mutate(examples[pick % examples.length], mutations);
            const before = sender === 'content' && EXTENSION_ONLY.has(op) ? await snapshot(db) : null;
            let res: Awaited<ReturnType<typeof handleApiMessage>>;
            try {
              res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender as 'content' | 'extension', { db });
            } catch (err) {
              throw new Error(`${op} threw: ${String(err)}`);
            }
            const problem = badShape(res);
            if (problem) throw new Error(`${op}: ${problem}`);
            if (!res.ok && res.error.code === 'internal') {
              throw new Error(`${op} crashed inside its handler on ${JSON.stringify(input)?.slice(0, 400)}: ${res.error.message} (${lastLogged(errors)})`);
            }
            if (before) {
              expect(res.ok ? 'ok' : res.error.code, op).toBe('forbidden');
              expect(await snapshot(db)).toEqual(before);
            }
            if (res.ok) {
              totals.accepted++;
              accepted.add(op);
            }
            const bad = await invalidRows(db);
            if (bad.length) throw new Error(`${op} stored records that break their schema after ${JSON.stringify(input)?.slice(0, 300)}: ${bad.slice(0, 3).join('; ')}`);
            expectNotPolluted();
          },
        ),
        { seed, numRuns },
      );
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('[rapport]')), 'handlers logged crashes').toEqual([]);
      // The fuzzer must actually get past validation, or it proves little.
      expect(accepted.size).toBeGreaterThan(Math.min(5, withExamples.length / 3));
    } finally {
      errors.mockRestore();
      db.close();
    }
  });

  it('malformed envelopes and unknown senders are refused without throwing', async () => {
    const { seed, numRuns } = fuzzConfig('protocol/envelope', OP_RUNS * 2);
    const db = freshDb('fuzz-proto-env');
    await seedNetwork(db);
    let before = await snapshot(db);
    const envelope = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record({ type: fc.oneof(fc.constant(MSG.UI_API_CALL), nastyString, nastyNumber), op: fc.oneof(opName, nastyNumber, fc.constant(null), fc.array(nastyString)), input: anyInput }, { requiredKeys: [] }),
    );
    const sender = fc.constantFrom('content', 'extension', null);
    await fc.assert(
      fc.asyncProperty(envelope, sender, async (message, who) => {
        totals.envelopes++;
        const m = message as { type?: unknown; op?: unknown } | null;
        const wellFormed = !!m && typeof m === 'object' && m.type === MSG.UI_API_CALL && typeof m.op === 'string' && m.op.length <= 100;
        const res = await handleApiMessage(message, who as 'content' | 'extension' | null, { db });
        expect(badShape(res)).toBeNull();
        if (who === null) expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
        else if (!wellFormed) expect(res.ok ? 'ok' : res.error.code).toBe('invalid-input');
        if (who === null || !wellFormed) expect(await snapshot(db)).toEqual(before);
        else before = await snapshot(db); // a well-formed call may legitimately write
        expectNotPolluted();
      }),
      { seed, numRuns },
    );
    db.close();
  });
});
