// WARNING: makes the encrypted files Homeward hands to a recipient (docs/encrypted-files.md). A
// regression can make a file unreadable for its recipient, or readable for someone else.
//
// CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084) around the signed PDF, its key
// wrapped for one recipient by ephemeral-static ECDH on P-256 with the SHA-256 X9.63 KDF and
// AES-256 key wrap (RFC 5753), the recipient named by the issuer and serial number of their
// encryption certificate. `openssl cms -decrypt` reads it (OpenSSL 3.0 and later).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../signing/bytes';
import { ECDH_P256, keyEncryptionKey, sharedSecret, wrapAlgorithm } from './kari';
import { OID } from './oids';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function implicit(tagNumber: number, value: asn1js.AsnType[]): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value });
}

function recipientInfo(recipient: pkijs.Certificate, ephemeralPoint: ArrayBuffer, encryptedKey: ArrayBuffer): pkijs.RecipientInfo {
  const originator = new pkijs.OriginatorIdentifierOrKey({
    variant: 3,
    // The ephemeral public key; parameters absent: the curve is the recipient's (RFC 5753 7.1.2).
    value: new pkijs.OriginatorPublicKey({ algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecPublicKey }), publicKey: new asn1js.BitString({ valueHex: ephemeralPoint }) }),
  });
  const rid = new pkijs.KeyAgreeRecipientIdentifier({ variant: 1, value: new pkijs.IssuerAndSerialNumber({ issuer: recipient.issuer, serialNumber: recipient.serialNumber }) });
  const value = new pkijs.KeyAgreeRecipientInfo({
    version: 3,
    originator,
    keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdhSha256Kdf, algorithmParams: wrapAlgorithm().toSchema() }),
    recipientEncryptedKeys: new pkijs.RecipientEncryptedKeys({ encryptedKeys: [new pkijs.RecipientEncryptedKey({ rid, encryptedKey: new asn1js.OctetString({ valueHex: encryptedKey }) })] }),
  });
  return new pkijs.RecipientInfo({ variant: 2, value });
}

/**
 * Encrypts `content` (a signed PDF) for the holder of `recipient`, an encryption certificate with
 * a P-256 key (check it with checkRecipientCertificate first). Returns the DER of the ContentInfo.
 * The ephemeral key and the content key live only inside this call.
 */
export async function encryptForRecipient(content: Uint8Array, recipient: pkijs.Certificate): Promise<Uint8Array> {
  const recipientKey = await crypto.subtle.importKey('spki', recipient.subjectPublicKeyInfo.toSchema().toBER(false), ECDH_P256, false, []);
  const ephemeral = await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits']);
  const ephemeralPoint = await crypto.subtle.exportKey('raw', ephemeral.publicKey);
  const kek = await keyEncryptionKey(await sharedSecret(ephemeral.privateKey, recipientKey), wrapAlgorithm(), null, 'wrapKey');
  // Extractable only so that it can be wrapped; it never leaves this function otherwise.
  const cek = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const encryptedKey = await crypto.subtle.wrapKey('raw', cek, kek, { name: 'AES-KW' });
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, tagLength: TAG_BYTES * 8 }, cek, toArrayBuffer(content)));
  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  const mac = sealed.subarray(sealed.length - TAG_BYTES);

  const gcmParameters = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: nonce.buffer }), new asn1js.Integer({ value: TAG_BYTES })] });
  const encryptedContentInfo = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.data }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.aes256Gcm }), gcmParameters] }),
      // [0] IMPLICIT OCTET STRING, primitive (DER).
      new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: toArrayBuffer(ciphertext) }),
    ],
  });
  const authEnvelopedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Set({ value: [recipientInfo(recipient, ephemeralPoint, encryptedKey).toSchema()] }),
      encryptedContentInfo,
      new asn1js.OctetString({ valueHex: toArrayBuffer(mac) }),
    ],
  });
  const contentInfo = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.authEnvelopedData }), implicit(0, [authEnvelopedData])] });
  return new Uint8Array(contentInfo.toBER(false));
}
