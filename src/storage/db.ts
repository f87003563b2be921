/**
 * WARNING: the database definition. A regression here can make data unreadable.
 * Tables and indexes come only from versions/ (one file per Dexie version, append-only).
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { DraftRow, SettingRow } from './records';
import type { KeyringRow } from './crypto/keyring';
import type { KeyringPointerRow } from './crypto/keyring-store';
import type { DataKeyMarkerRow } from './crypto/data-key-marker';
import type { IdentityRow, OrgAuthorityRow } from './repositories/identities';
import type { TrustedRootRow } from './repositories/trusted-roots';
import type { SealedRow } from './repositories/sealed-store';
import { VERSIONS, declareVersions } from './versions';

export const DEFAULT_DB_NAME = 'homeward';

export interface HomewardDbOptions {
  /** Database name; tests use a fresh one (or a fresh factory) per case. */
  name?: string;
  /** For tests: fake-indexeddb's factory and key range instead of the browser's. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

export class HomewardDb extends Dexie {
  // `declare`, not `!:`: with ES2022 class fields an initialiser-less field would be
  // (re)defined as undefined after super(), hiding the tables Dexie attaches.
  declare drafts: Table<DraftRow, string>;
  declare settings: Table<SettingRow, string>;
  /**
   * Since version 2: the wrapped data key (crypto/keyring.ts; read it only through the keyring),
   * or where it lives instead (the pointer row), and the data key marker (crypto/data-key-marker.ts).
   */
  declare keyring: Table<KeyringRow | KeyringPointerRow | DataKeyMarkerRow, string>;
  /** Since version 3: signing identities, sealed (repositories/identities.ts). */
  declare identities: Table<IdentityRow, string>;
  /** Since version 3: organisation roots this device trusts, sealed (repositories/trusted-roots.ts). */
  declare trustedRoots: Table<TrustedRootRow, string>;
  /** Since version 3: the organisation's root key and certificate, on a supervisor's device only. */
  declare orgAuthority: Table<OrgAuthorityRow, string>;
  /** Since version 4: signed files received, sealed (repositories/received.ts). */
  declare received: Table<SealedRow, string>;
  /** Since version 4: per draft, the versions exported and the decision that came back, sealed (repositories/case-links.ts). */
  declare caseLinks: Table<SealedRow, string>;
  /** Since version 5: key-agreement keys beside signing identities, sealed (repositories/agreement-keys.ts). */
  declare agreementKeys: Table<IdentityRow, string>;
  /** Since version 5: recipients' encryption certificates, sealed (repositories/address-book.ts). */
  declare addressBook: Table<SealedRow, string>;
  /** Since version 5: the organisation kit this device imported, sealed (repositories/org-kit.ts). */
  declare orgKit: Table<SealedRow, string>;

  constructor(options: HomewardDbOptions = {}) {
    super(options.name ?? DEFAULT_DB_NAME, {
      // Drafts are the only copy of an interview: a commit should mean "on disk", not
      // "handed to the OS" (Chromium's relaxed default). Costs a little write latency.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    declareVersions(this, VERSIONS);
  }
}
