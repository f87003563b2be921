/**
 * DraftStore backed by src/storage. Storage (Dexie, zod record validation) and the instrument
 * registry are imported on first use rather than statically: they are the heaviest part of
 * this screen, and loading them after the first paint keeps the entry bundle small on cheap
 * phones. The chunk is precached, so this works offline. Drafts go through the encrypted
 * repository: the app shows this screen only while the key session is unlocked.
 */
import type { DraftStore, PersistenceOutcome } from './draft-store';

import type * as Instrument from '../../instrument';
import type * as Storage from '../../storage';
import type { PersistenceResult } from '../../storage';

type StorageModule = typeof Storage;
type InstrumentModule = typeof Instrument;

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

export const storageDraftStore: DraftStore = {
  async list() {
    const [{ drafts }] = await load();
    const listing = await drafts.list();
    return {
      drafts: listing.drafts.map(({ id, caseRef, status, updatedAt }) => ({ id, caseRef, status, updatedAt })),
      unreadable: listing.unreadable,
    };
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

  async remove(id) {
    const [{ drafts }] = await load();
    await drafts.remove(id);
  },

  async requestPersistence(): Promise<PersistenceOutcome> {
    const [{ requestPersistence }] = await load();
    const result = await requestPersistence();
    return persistenceOutcomes[result];
  },
};
