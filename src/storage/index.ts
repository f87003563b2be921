/**
 * The storage layer's only import surface (README.md states the contract). Dexie stays
 * behind it: nothing outside src/storage imports Dexie or touches tables directly.
 */
import { HomewardDb } from './db';
import { createDraftsRepository, type DraftsRepository } from './repositories/drafts';
import { createSettingsRepository, type SettingsRepository } from './repositories/settings';
import {
  createIdentitiesRepository,
  createOrganisationAuthorityRepository,
  type IdentitiesRepository,
  type OrganisationAuthorityRepository,
} from './repositories/identities';
import { createTrustedRootsRepository, type TrustedRootsRepository } from './repositories/trusted-roots';
import { createReceivedRepository, type ReceivedRepository } from './repositories/received';
import { createCaseLinksRepository, type CaseLinksRepository } from './repositories/case-links';
import { createAgreementKeysRepository, type AgreementKeysRepository } from './repositories/agreement-keys';
import { createAddressBookRepository, type AddressBookRepository } from './repositories/address-book';
import { createOrgKitRepository, type OrgKitRepository } from './repositories/org-kit';
import { createEncryptedCodec } from './codec';
import { createKeyring, type Keyring } from './crypto/keyring';
import { appKeyringStore, opfsRoot } from './crypto/keyring-store';
import { createKeySession, type KeySession } from './crypto/session';
import { rotateDataKey, settleDataKey, type RotationProgress, type RotationResult, type SettleResult } from './crypto/rotation';
import { reachableWebStorages, wipeDevice, type WipeReport } from './wipe';

let instance: HomewardDb | undefined;

/**
 * The app's database, created on first use. Dexie opens the connection lazily on the first
 * query; call `openDb().open()` to surface an open failure (private mode, blocked upgrade) early.
 */
export function openDb(): HomewardDb {
  instance ??= new HomewardDb();
  return instance;
}

/** The app's keyring and its one key session (the data key lives only in that session's closure). */
/** The wrapped key lives in the Origin Private File System where there is one (docs/adr/0004). */
const keyringStore = appKeyringStore(openDb);
export const keyring: Keyring = createKeyring(keyringStore);
export const keySession: KeySession = createKeySession(keyring);

/**
 * The app's drafts: every read and write goes through the encrypted codec, so only ciphertext
 * reaches IndexedDB; while `keySession` is locked, reads and writes reject with LockedError.
 */
export const drafts: DraftsRepository = createDraftsRepository(openDb, { codec: createEncryptedCodec(keySession) });
export const settings: SettingsRepository = createSettingsRepository(openDb);
/** Signing identities, trusted organisation roots and the organisation CA: sealed; LockedError while locked. */
export const identities: IdentitiesRepository = createIdentitiesRepository(openDb, keySession);
export const trustedRoots: TrustedRootsRepository = createTrustedRootsRepository(openDb, keySession);
export const organisationAuthority: OrganisationAuthorityRepository = createOrganisationAuthorityRepository(openDb, keySession);
/** Signed files received, and per draft the versions exported and the decision back (issue 14): sealed. */
export const receivedFiles: ReceivedRepository = createReceivedRepository(openDb, keySession);
export const caseLinks: CaseLinksRepository = createCaseLinksRepository(openDb, keySession);
/** Encrypted hand-over and the organisation kit (issues 16 and 15): key-agreement keys, recipients' certificates, the kit; sealed. */
export const agreementKeys: AgreementKeysRepository = createAgreementKeysRepository(openDb, keySession);
export const addressBook: AddressBookRepository = createAddressBookRepository(openDb, keySession);
export const orgKit: OrgKitRepository = createOrgKitRepository(openDb, keySession);

/**
 * Changes the passphrase AND replaces the data key: every sealed record re-encrypted under a new
 * key, the old key destroyed at the end (crypto/rotation.ts, docs/adr/0005). `onProgress` gets
 * records done / total. Resumable: see finishDataKeyRotation.
 */
export function replaceDataKey(oldPassphrase: string, newPassphrase: string, onProgress?: (progress: RotationProgress) => void): Promise<RotationResult> {
  return rotateDataKey({ db: openDb, keyring, session: keySession, ...(onProgress ? { onProgress } : {}) }, oldPassphrase, newPassphrase);
}

/**
 * Run after every unlock (and from Settings, "finish now"): completes a data key replacement that
 * was interrupted, else checks that the session and the stored key agree. See settleDataKey.
 */
export function finishDataKeyRotation(onProgress?: (progress: RotationProgress) => void): Promise<SettleResult> {
  return settleDataKey({ db: openDb, keyring, session: keySession, ...(onProgress ? { onProgress } : {}) });
}

/** True while a data key replacement has started and not finished (read without the passphrase). */
export async function dataKeyRotationPending(): Promise<boolean> {
  return (await keyring.describe()).rotation !== null;
}

/**
 * Panic wipe (wipe.ts): locks the session, deletes the wrapped key, the whole database, every
 * cache but the precache (kept so the app still starts offline; it holds only the app's files)
 * and web storage. Afterwards `openDb()` gives a fresh, empty database: `keyring.status()` is
 * 'none', so the app shows first-run set-up (reload the page to drop any state left in memory).
 */
export async function panicWipe(): Promise<WipeReport> {
  const db = openDb();
  try {
    return await wipeDevice({
      db,
      session: keySession,
      keyring: keyringStore,
      fileSystem: opfsRoot,
      caches: typeof caches === 'undefined' ? undefined : caches,
      storages: reachableWebStorages(),
    });
  } finally {
    if (instance === db) instance = undefined;
  }
}

export { wipeDevice, PRECACHE_PREFIX, type WipeReport, type WipeTargets } from './wipe';
export { appKeyringStore, memoryKeyringStore, opfsKeyringStore, indexedDbKeyringStore, type KeyringLocation, type KeyringStore } from './crypto/keyring-store';
export {
  createBackup,
  restoreBackup,
  encryptBackup,
  decryptBackup,
  backupFileName,
  BackupError,
  BACKUP_EXTENSION,
  MAX_BACKUP_BYTES,
  type BackupProblem,
  type BackupResult,
  type RestoreResult,
} from './backup';
export { HomewardDb, DEFAULT_DB_NAME, type HomewardDbOptions } from './db';
export {
  createDraftsRepository,
  type CreateDraftInput,
  type DbSource,
  type DraftList,
  type DraftsRepository,
  type DraftsRepositoryOptions,
  type WriteOptions,
} from './repositories/drafts';
export { createSettingsRepository, defaultSettings, type Settings, type SettingsRepository } from './repositories/settings';
export {
  createIdentitiesRepository,
  createOrganisationAuthorityRepository,
  publicKeySha256,
  IdentityRecordError,
  ORG_AUTHORITY_ID,
  type CertificateUpdate,
  type CreateIdentityInput,
  type IdentitiesRepository,
  type OrganisationAuthority,
  type OrganisationAuthorityRepository,
  type SigningIdentity,
} from './repositories/identities';
export { createReceivedRepository, MAX_RECEIVED_BYTES, type ReceivedFile, type ReceivedRepository } from './repositories/received';
export { createAgreementKeysRepository, AgreementKeyRecordError, type AgreementKey, type AgreementKeysRepository } from './repositories/agreement-keys';
export { createAddressBookRepository, type AddressBookEntry, type AddressBookRepository } from './repositories/address-book';
export { createOrgKitRepository, MAX_ORG_KIT_BYTES, type OrgKitRepository, type StoredOrgKit } from './repositories/org-kit';
export { createCaseLinksRepository, type CaseExport, type CaseLink, type CaseLinksRepository, type CaseOutcome, type CurrentReview, currentReview, supersededByNextExport } from './repositories/case-links';
export {
  createTrustedRootsRepository,
  inspectRootCertificate,
  TrustedRootError,
  type RootInspection,
  type RootProblem,
  type TrustedRoot,
  type TrustedRootsRepository,
} from './repositories/trusted-roots';
export type { Draft, DraftData, DraftMeta, DraftStatus, DraftSummary } from './records';
export { plainCodec, createEncryptedCodec, type CodecContext, type DraftDataCodec } from './codec';
export {
  createKeyring,
  KEYRING_ID,
  type DataKeys,
  type KeyringDescription,
  type KdfOptions,
  type Keyring,
  type KeyringOptions,
  type KeyringStatus,
} from './crypto/keyring';
export { createKeySession, type DataKeySource, type KeySession, type LockListener, type SessionKeyring } from './crypto/session';
export {
  rotateDataKey,
  settleDataKey,
  type RotationDependencies,
  type RotationPhase,
  type RotationProgress,
  type RotationResult,
  type RotationStep,
  type SettleResult,
} from './crypto/rotation';
export { onDataKeyEvent, type DataKeyEvent } from './crypto/data-key-channel';
export { DATA_KEY_MARKER_ID } from './crypto/data-key-marker';
export { encryptPlaintextDrafts, type PlaintextEncryptionResult } from './crypto/encrypt-plaintext-drafts';
export { seal, open, generationOf, ENVELOPE_VERSION, type Envelope, type EnvelopeContext, type KeyLookup, type WriteKey } from './crypto/envelope';
export { DEFAULT_ITERATIONS, MIN_ITERATIONS, MAX_ITERATIONS, type KdfParams } from './crypto/kdf';
export {
  DataKeyChangedError,
  EnvelopeError,
  KdfParamsError,
  KeyringError,
  LockedError,
  RotationIncompleteError,
  RotationRefusedError,
  WrongPassphraseError,
  type EnvelopeProblem,
  type RotationIncompleteProblem,
  type KdfParamsProblem,
  type KeyringProblem,
} from './crypto/errors';
export {
  StorageError,
  DraftConflictError,
  DraftNotFoundError,
  DraftSignedOffError,
  DraftUnreadableError,
  InvalidDraftDataError,
} from './errors';
export {
  createAutosaver,
  errorName,
  attachLifecycleFlush,
  type Autosaver,
  type AutosaverOptions,
  type AutosaveState,
  type AutosaveStatus,
  type LifecycleTargets,
} from './autosave';
export {
  requestPersistence,
  isPersisted,
  estimateStorage,
  type PersistenceResult,
  type StorageEstimateResult,
} from './persistence';
