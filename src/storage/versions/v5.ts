/**
 * WARNING: shipped schema. A regression here can make data unreadable. Never edit this file once
 * released (see v1.ts for the rules); schema.snapshot.test.ts fails if it changes.
 *
 * Version 5 adds the tables of encrypted hand-over (issue 16, item 3) and the organisation kit
 * (issue 15, item 8):
 * - `agreementKeys`: this device's key-agreement (ECDH P-256) keys, one beside each signing
 *   identity, with the encryption certificate the organisation issued for it; rows
 *   `{ id, schema, key, data }`, the PKCS#8 key and the data sealed (repositories/agreement-keys.ts).
 * - `addressBook`: recipients' encryption certificates, sealed (repositories/address-book.ts).
 * - `orgKit`: the organisation kit this device imported, sealed (repositories/org-kit.ts).
 * Keyed by random ids; nothing else is indexed, so no index holds personal data.
 * No upgrade function: the tables start empty.
 */
import type { VersionDeclaration } from './types';

export const v5 = {
  version: 5,
  stores: {
    agreementKeys: '&id',
    addressBook: '&id',
    orgKit: '&id',
  },
} as const satisfies VersionDeclaration;
