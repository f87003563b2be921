/**
 * DraftStore backed by src/storage. Storage (Dexie, zod record validation) and the instrument
 * registry are imported on first use rather than statically: they are the heaviest part of
 * this screen, and loading them after the first paint keeps the entry bundle small on cheap
 * phones. The chunk is precached, so this works offline. Drafts go through the encrypted
 * repository: the app shows this screen only while the key session is unlocked.
 */
import type { DraftStore, PersistenceOutcome, UpgradePreview } from './draft-store';

import type * as Engine from '../../engine';
import type * as Instrument from '../../instrument';
import type * as Storage from '../../storage';
import type { Answers } from '../../instrument';
import type { PersistenceResult } from '../../storage';

type StorageModule = typeof Storage;
type InstrumentModule = typeof Instrument;
type EngineModule = typeof Engine;

const persistenceOutcomes = {
  granted: 'persisted',
  denied: 'not-persisted',
  unsupported: 'unsupported',
} as const satisfies Record<PersistenceResult, PersistenceOutcome>;

let modules: Promise<[StorageModule, InstrumentModule]> | null = null;

function load(): Promise<[StorageModule, InstrumentModule]> {
  modules ??= Promise.all([import('../../storage'), import('../../instrument')]).catch((error: unknown) => {
    modules = null; // allow a retry, e.g. if the chunk was not yet cached
    throw error;
  });
  return modules;
}

/** The engine only when a draft is moved to a newer version. */
const loadEngine = (): Promise<EngineModule> => import('../../engine');

/** A draft's answers moved to the next version of its questionnaire, and the note of what changed. */
async function moved(id: string, date: string): Promise<UpgradePreview & { answers: Answers; draft: Storage.Draft }> {
  const [[{ drafts }, { getInstrument, getUpgrade }], { upgradeAnswers }] = await Promise.all([load(), loadEngine()]);
  const draft = await drafts.get(id);
  if (!draft) throw new Error('The draft is gone.');
  const upgrade = getUpgrade(draft.instrumentId, draft.instrumentVersion);
  if (!upgrade) throw new Error('There is no newer version to move this draft to.');
  const from = getInstrument(draft.instrumentId, draft.instrumentVersion);
  const to = getInstrument(draft.instrumentId, upgrade.to);
  const { answers, note } = upgradeAnswers(from, to, upgrade.mapping, draft.data.answers, date);
  return { instrumentId: draft.instrumentId, toVersion: upgrade.to, note, answers, draft };
}

export const storageDraftStore: DraftStore = {
  async list() {
    const [{ drafts, caseLinks, currentReview }, { getUpgrade }] = await load();
    const [listing, links] = await Promise.all([drafts.list(), caseLinks.inspect()]);
    return {
      drafts: listing.drafts.map(({ id, caseRef, status, updatedAt, instrumentId, instrumentVersion }) => ({
        id, caseRef, status, updatedAt, instrumentVersion,
        // A signed-off draft is a record: it is never moved, only copied as a new version.
        upgradeTo: status === 'draft' ? (getUpgrade(instrumentId, instrumentVersion)?.to ?? null) : null,
        review: currentReview(links.links.get(id)),
      })),
      unreadable: listing.unreadable,
    };
  },

  async previewUpgrade(id, date) {
    const { instrumentId, toVersion, note } = await moved(id, date);
    return { instrumentId, toVersion, note };
  },

  async upgrade(id, date) {
    const [{ drafts }] = await load();
    const { toVersion, answers, draft } = await moved(id, date);
    const { caseRef, workingLanguage, personLanguage } = draft.data;
    const copy = await drafts.create({ caseRef, instrumentId: draft.instrumentId, instrumentVersion: toVersion, workingLanguage, personLanguage });
    try {
      await drafts.saveData(copy.id, { ...copy.data, answers }, { expectedUpdatedAt: copy.updatedAt });
    } catch (error) {
      // Never leave an empty copy behind that looks like the moved draft; the original is untouched.
      await drafts.remove(copy.id).catch(() => undefined);
      throw error;
    }
    return copy.id;
  },

  async create(caseRef, workingLanguage, personLanguage = null) {
    const [{ drafts }, { CURRENT }] = await load();
    const draft = await drafts.create({
      caseRef,
      instrumentId: CURRENT.id,
      instrumentVersion: CURRENT.version,
      workingLanguage,
      personLanguage,
    });
    return draft.id;
  },

  async duplicate(id, caseRef) {
    const [{ drafts }] = await load();
    const copy = await drafts.duplicate(id, caseRef);
    return copy.id;
  },

  async newVersion(id) {
    const [{ drafts, caseLinks, supersededByNextExport }] = await load();
    const [draft, link] = await Promise.all([drafts.get(id), caseLinks.get(id)]);
    if (!draft) throw new Error('The draft is gone.');
    const continues = supersededByNextExport(link);
    const copy = await drafts.duplicate(id, draft.data.caseRef);
    if (continues !== null) {
      try {
        await caseLinks.recordBasedOn(copy.id, continues);
      } catch (error) {
        // Without the link the new version would not name the one it replaces: undo the copy.
        await drafts.remove(copy.id).catch(() => undefined);
        throw error;
      }
    }
    return copy.id;
  },

  async remove(id) {
    const [{ drafts, caseLinks }] = await load();
    await drafts.remove(id);
    // What tied the draft to its exported versions goes with it.
    await caseLinks.remove(id);
  },

  async requestPersistence(): Promise<PersistenceOutcome> {
    const [{ requestPersistence }] = await load();
    const result = await requestPersistence();
    return persistenceOutcomes[result];
  },
};
