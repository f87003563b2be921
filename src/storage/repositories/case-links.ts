/**
 * WARNING: keeps what ties a draft to the signed files made from it. A regression here can hide a
 * decision from the caseworker.
 *
 * Per draft (same id), sealed (sealed-store.ts): every summary exported from it (the version's
 * fingerprint, when, and the earlier version it replaces), and the last decision that came back
 * on one of them, as src/case judged it when the countersigned file was imported. The draft's
 * own status ('signed_off') is what makes it read-only; this record says why.
 */
import { z } from '../../instrument/schema/zod';
import type { DataKeySource } from '../crypto/session';
import type { DbSource } from './drafts';
import { createSealedStore } from './sealed-store';

export const CASE_LINK_RECORD_SCHEMA = 1;

const fingerprint = z.string().regex(/^[0-9a-f]{64}$/);
const exportSchema = z.strictObject({ fingerprint, exportedAt: z.string().min(1), supersedes: fingerprint.nullable() });
const outcomeSchema = z.strictObject({
  /** The case's state (src/case CaseStateKind) when the decision was imported. */
  state: z.string().min(1),
  /** The version the decision is on. */
  fingerprint,
  /** Who decided, and their comments, in the order signed (names as the certificates give them). */
  decisions: z.array(z.strictObject({ kind: z.string().min(1), by: z.string(), comments: z.string() })),
  importedAt: z.string().min(1),
  /** How many signatures the imported copy carried: an older copy of the same version never replaces a later one. */
  signatures: z.int().positive().optional(),
});
const dataSchema = z.strictObject({
  exports: z.array(exportSchema),
  outcome: outcomeSchema.nullable(),
  /** A new version of a signed-off case starts here: the version it continues (its first export supersedes it). */
  basedOn: fingerprint.nullable().optional(),
});

export type CaseExport = z.infer<typeof exportSchema>;
export type CaseOutcome = z.infer<typeof outcomeSchema>;
export type CaseLink = z.infer<typeof dataSchema>;

export interface CaseLinksRepository {
  get(draftId: string): Promise<CaseLink | undefined>;
  /** Every readable link by draft id, and the ids that cannot be read. */
  inspect(): Promise<{ links: Map<string, CaseLink>; unreadable: string[] }>;
  recordExport(draftId: string, entry: CaseExport): Promise<CaseLink>;
  recordOutcome(draftId: string, outcome: CaseOutcome): Promise<CaseLink>;
  /** A new draft continuing the version with this fingerprint (its first export names it as superseded). */
  recordBasedOn(draftId: string, fingerprint: string): Promise<CaseLink>;
  /** The draft that exported the version with this fingerprint, if this device made it. */
  findByFingerprint(fingerprint: string): Promise<string | undefined>;
  remove(draftId: string): Promise<void>;
}

export const caseLinkRecordId = (id: string) => `case-link:${id}`;

/** The version the draft's next export supersedes: its latest export, or the version it continues. */
export function supersededByNextExport(link: CaseLink | undefined): string | null {
  if (link === undefined) return null;
  return link.exports[link.exports.length - 1]?.fingerprint ?? link.basedOn ?? null;
}

/** The latest summary exported from a draft, and the decision that came back on it (if any). */
export interface CurrentReview {
  /** SHA-256 of the latest exported version (the fingerprint every reviewer sees). */
  readonly fingerprint: string;
  /** epoch ms */
  readonly exportedAt: number;
  /** The version it replaces, if it is a new version of a case. */
  readonly supersedes: string | null;
  /** The case's state when a file deciding this version was imported; null: none came back yet. */
  readonly outcome: Pick<CaseOutcome, 'state' | 'decisions'> | null;
}

/** The draft's latest export and its decision; a decision on an older export is not current, so not shown as such. */
export function currentReview(link: CaseLink | undefined): CurrentReview | null {
  const latest = link?.exports[link.exports.length - 1];
  if (link === undefined || latest === undefined) return null;
  const outcome = link.outcome?.fingerprint === latest.fingerprint ? { state: link.outcome.state, decisions: link.outcome.decisions } : null;
  return { fingerprint: latest.fingerprint, exportedAt: Date.parse(latest.exportedAt), supersedes: latest.supersedes, outcome };
}

export function createCaseLinksRepository(source: DbSource, session: DataKeySource): CaseLinksRepository {
  const store = createSealedStore(source, session, (db) => db.caseLinks, caseLinkRecordId, CASE_LINK_RECORD_SCHEMA, dataSchema);
  const empty = (): CaseLink => ({ exports: [], outcome: null });

  async function inspect() {
    const { records, unreadable } = await store.inspect();
    return { links: new Map(records.map(({ id, value }) => [id, value])), unreadable };
  }

  return {
    get: (draftId) => store.get(draftId),
    inspect,
    async recordExport(draftId, entry) {
      const current = (await store.get(draftId)) ?? empty();
      const next = { ...current, exports: [...current.exports.filter((e) => e.fingerprint !== entry.fingerprint), entry] };
      await store.put(draftId, next);
      return next;
    },
    async recordOutcome(draftId, outcome) {
      const current = (await store.get(draftId)) ?? empty();
      const next = { ...current, outcome };
      await store.put(draftId, next);
      return next;
    },
    async recordBasedOn(draftId, basedOn) {
      const next = { ...((await store.get(draftId)) ?? empty()), basedOn };
      await store.put(draftId, next);
      return next;
    },
    async findByFingerprint(fingerprint) {
      const { links } = await inspect();
      for (const [id, link] of links) if (link.exports.some((e) => e.fingerprint === fingerprint)) return id;
      return undefined;
    },
    remove: (draftId) => store.remove(draftId),
  };
}
