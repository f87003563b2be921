/**
 * WARNING: shipped schema. A regression here can make data unreadable. Never edit this
 * file once released (see v1.ts for the rules); schema.snapshot.test.ts fails if it changes.
 *
 * Version 3 adds the tables of the signing identities (repositories/identities.ts):
 * - `identities`: the caseworker's signing identities. A row is `{ id, schema, key, data }`:
 *   `key` is the private key as PKCS#8, sealed with AES-GCM under the data key (additional data
 *   `identity-key:<id>|<schema>`), and `data` is an envelope holding the name, role,
 *   organisation, certificates and public key. No CryptoKey is stored: Chromium would write its
 *   raw key bytes into LevelDB, readable without the passphrase.
 * - `trustedRoots`: organisation roots this device trusts; `{ id, schema, data }`, sealed.
 * - `orgAuthority`: on a supervisor's device, the organisation's root key and certificate;
 *   one row, id 'primary', shaped like an identity row (its root key sealed the same way).
 * Keyed by random (or constant) ids only; nothing else is indexed, so no index can hold
 * personal data. No upgrade function: the tables start empty.
 */
import type { VersionDeclaration } from './types';

export const v3 = {
  version: 3,
  stores: {
    identities: '&id',
    trustedRoots: '&id',
    orgAuthority: '&id',
  },
} as const satisfies VersionDeclaration;
