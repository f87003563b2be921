/**
 * WARNING: passphrase key derivation. A regression here makes every device's data key
 * unrecoverable (the same passphrase would derive a different key) or weakens it.
 * Never change what `v: 1` means: derivation = PBKDF2-HMAC-SHA256 over the NFC-normalised
 * passphrase as UTF-8, 32-byte output used as an AES-GCM-256 key-encryption key (KEK).
 * A different scheme is a new `v` (or `alg`) that readers accept alongside this one.
 *
 * The parameters are stored beside the wrapped key and are untrusted on read: whoever can
 * write the profile could lower the iterations so a stolen copy is cheaper to brute-force
 * (Bitwarden calls this a "pre-login downgrade attack"). `checkKdfParams` refuses anything
 * below OWASP's 600,000 (Password Storage Cheat Sheet), above 2,000,000 (cheap phones fail,
 * bitwarden/android#2295), and any unknown algorithm or version.
 */
import { KdfParamsError } from './errors';
import { bytes, copy, randomBytes } from './bytes';

export const KDF_ALG = 'PBKDF2-SHA256';
export const KDF_VERSION = 1;
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 2_000_000;
export const DEFAULT_ITERATIONS = 600_000;
export const SALT_BYTES = 16;

export interface KdfParams {
  alg: typeof KDF_ALG;
  iterations: number;
  salt: Uint8Array;
  v: typeof KDF_VERSION;
}

const saltSchema = bytes();

/** Fresh parameters with a random salt. Iterations may only go up from the minimum. */
export function newKdfParams(iterations: number = DEFAULT_ITERATIONS): KdfParams {
  return checkKdfParams({ alg: KDF_ALG, iterations, salt: randomBytes(SALT_BYTES), v: KDF_VERSION });
}

/** Validates stored (untrusted) parameters; throws KdfParamsError saying why they were refused. */
export function checkKdfParams(raw: unknown): KdfParams {
  if (typeof raw !== 'object' || raw === null) throw new KdfParamsError('malformed');
  const record = raw as Record<string, unknown>;
  if (Object.keys(record).sort().join(',') !== 'alg,iterations,salt,v') throw new KdfParamsError('malformed');
  if (record.alg !== KDF_ALG || record.v !== KDF_VERSION) throw new KdfParamsError('unknown');
  const { iterations } = record;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) throw new KdfParamsError('malformed');
  if (iterations < MIN_ITERATIONS) throw new KdfParamsError('too-weak');
  if (iterations > MAX_ITERATIONS) throw new KdfParamsError('too-costly');
  const salt = saltSchema.safeParse(record.salt);
  if (!salt.success) throw new KdfParamsError('malformed');
  if (salt.data.byteLength < SALT_BYTES) throw new KdfParamsError('too-weak');
  if (salt.data.byteLength !== SALT_BYTES) throw new KdfParamsError('malformed');
  return { alg: KDF_ALG, iterations, salt: copy(salt.data), v: KDF_VERSION };
}

/**
 * Derives the non-extractable KEK (AES-GCM-256, usages wrapKey/unwrapKey). Takes ~0.2 s on
 * the 2-core dev sandbox and an estimated 1–2.5 s on a cheap phone: show progress.
 */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const checked = checkKdfParams(params);
  // NFC: the same passphrase typed through different keyboards/IMEs gives the same bytes.
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  secret.fill(0); // importKey copied it; do not leave the passphrase bytes lying around
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: copy(checked.salt), iterations: checked.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
