/**
 * WARNING: shipped schema. A regression here can make data unreadable. Never edit this file once
 * released (see v1.ts for the rules); schema.snapshot.test.ts fails if it changes.
 *
 * Version 4 adds the tables of the case chain (issue 14):
 * - `received`: signed files this device received (summaries and later decisions on them), each
 *   row `{ id, schema, data }` with `data` sealed (repositories/received.ts): the file's bytes
 *   and when it came. The reviewer's workspace lists them, verified afresh each time.
 * - `caseLinks`: per draft (same id), what this device exported from it and the decision that
 *   came back on it (repositories/case-links.ts), sealed.
 * Keyed by random ids (or the draft's); nothing else is indexed, so no index holds personal data.
 * No upgrade function: the tables start empty.
 */
import type { VersionDeclaration } from './types';

export const v4 = {
  version: 4,
  stores: {
    received: '&id',
    caseLinks: '&id',
  },
} as const satisfies VersionDeclaration;
