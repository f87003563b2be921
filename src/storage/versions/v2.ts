/**
 * WARNING: shipped schema. A regression here can make data unreadable. Never edit this
 * file once released (see v1.ts for the rules); schema.snapshot.test.ts fails if it changes.
 *
 * Version 2 adds the `keyring` table: one row, id 'primary', holding the data key wrapped
 * by the passphrase-derived key plus the KDF parameters (crypto/keyring.ts). Keyed by its
 * constant id only; nothing else is indexed. No upgrade function: drafts are untouched, and
 * encrypting existing plaintext drafts needs WebCrypto, which cannot run inside the
 * versionchange transaction; it happens after the first unlock instead.
 */
import type { VersionDeclaration } from './types';

export const v2 = {
  version: 2,
  stores: {
    keyring: '&id',
  },
} as const satisfies VersionDeclaration;
