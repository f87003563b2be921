// WARNING: opens encrypted files addressed to this device. A regression can show a file that was
// changed after it was encrypted, or open one with the wrong key without saying so.
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from '../signing/bytes';
import { EnvelopeError, type IntendedRecipient } from './errors';
import { ECDH_P256, keyEncryptionKey, sharedSecret } from './kari';
import { parseEnvelope, type RecipientKey } from './parse';

/** One of this device's encryption keys with the certificate the organisation issued for it. */
export interface DecryptionKey {
  readonly certificate: pkijs.Certificate;
  /** ECDH P-256, usages ['deriveBits']; non-extractable in the app. */
  readonly privateKey: CryptoKey;
}

export interface OpenedEnvelope {
  /** The signed PDF inside. */
  readonly content: Uint8Array;
  /** The certificate of this device the file was encrypted for. */
  readonly recipient: pkijs.Certificate;
}

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function subjectKeyId(certificate: pkijs.Certificate): Uint8Array | null {
  const value: unknown = certificate.extensions?.find((item) => item.extnID === SUBJECT_KEY_IDENTIFIER)?.parsedValue;
  return value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : null;
}

/** True when the file names exactly this certificate (issuer and serial compared by DER, or key identifier). */
export function names(intended: IntendedRecipient, certificate: pkijs.Certificate): boolean {
  if (intended.issuer !== null && intended.serial !== null) {
    return bytesEqual(intended.issuer, new Uint8Array(certificate.issuer.toSchema().toBER(false))) && bytesEqual(intended.serial, certificate.serialNumber.valueBlock.valueHexView);
  }
  const keyId = subjectKeyId(certificate);
  return intended.keyId !== null && keyId !== null && bytesEqual(intended.keyId, keyId);
}

/** The content key, unwrapped with this device's key; null when it does not unwrap (wrong key or changed file). */
async function unwrap(entry: RecipientKey, key: DecryptionKey): Promise<CryptoKey | null> {
  try {
    // importKey checks that the point is on the curve: a forged point is refused here.
    const originator = await crypto.subtle.importKey('raw', toArrayBuffer(entry.originatorPoint), ECDH_P256, false, []);
    const kek = await keyEncryptionKey(await sharedSecret(key.privateKey, originator), entry.wrap, entry.ukm, 'unwrapKey');
    return await crypto.subtle.unwrapKey('raw', toArrayBuffer(entry.encryptedKey), kek, { name: 'AES-KW' }, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  } catch {
    return null;
  }
}

/**
 * Opens an encrypted file with one of `keys`. Refusals (EnvelopeError): the file's shape
 * (parse.ts), 'no-key' when this device has none, 'not-for-you' (with whom it names) when no key
 * here is addressed, 'damaged' when the addressed key does not unwrap or the content does not
 * authenticate (a flipped byte, a cut), 'not-a-pdf' for authentic content that is not a PDF.
 */
export async function openEnvelope(bytes: Uint8Array, keys: readonly DecryptionKey[]): Promise<OpenedEnvelope> {
  const envelope = parseEnvelope(bytes);
  if (keys.length === 0) throw new EnvelopeError('no-key');
  const addressed = envelope.recipients.flatMap((entry) => keys.filter((key) => names(entry, key.certificate)).map((key) => ({ entry, key })));
  if (addressed.length === 0) throw new EnvelopeError('not-for-you', undefined, envelope.recipients);
  for (const { entry, key } of addressed) {
    const cek = await unwrap(entry, key);
    if (cek === null) continue;
    let content: Uint8Array;
    try {
      const sealed = new Uint8Array(envelope.ciphertext.length + envelope.mac.length);
      sealed.set(envelope.ciphertext);
      sealed.set(envelope.mac, envelope.ciphertext.length);
      content = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: toArrayBuffer(envelope.nonce), tagLength: 128 }, cek, sealed));
    } catch {
      throw new EnvelopeError('damaged', 'the content does not authenticate');
    }
    if (!PDF_HEADER.every((byte, i) => content[i] === byte)) throw new EnvelopeError('not-a-pdf');
    return { content, recipient: key.certificate };
  }
  throw new EnvelopeError('damaged', 'the content key does not unwrap');
}

export { looksEncrypted } from './sniff';
