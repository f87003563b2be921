// Test support (imported by tests only): one device, its own database and data key, with the
// identity, encryption and organisation kit services bound to it. Real pkijs and WebCrypto,
// Dexie on fake-indexeddb; databases are closed after each test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import {
  createAddressBookRepository,
  createAgreementKeysRepository,
  createIdentitiesRepository,
  createOrganisationAuthorityRepository,
  createOrgKitRepository,
  createTrustedRootsRepository,
  HomewardDb,
} from '../../../storage';
import { createIdentityService } from '../identity/identity-service';
import { createOrgKitService } from '../org-kit/org-kit-service';
import { createEncryptionService } from './encryption-service';

const opened: HomewardDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

export async function testDevice() {
  const db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const session = { key: () => key };
  const trustedRoots = createTrustedRootsRepository(db, session);
  const authority = createOrganisationAuthorityRepository(db, session);
  const encryption = createEncryptionService({ agreementKeys: createAgreementKeysRepository(db, session), addressBook: createAddressBookRepository(db, session), trustedRoots });
  const identity = createIdentityService({ identities: createIdentitiesRepository(db, session), trustedRoots, authority, encryption });
  const kits = createOrgKitService({ orgKit: createOrgKitRepository(db, session), trustedRoots, authority, encryption });
  return { identity, encryption, kits, trustedRoots };
}
