/**
 * WARNING: decides which keys open files on this device and to whom files are encrypted. A
 * regression here can encrypt a record to a certificate nobody vouched for, or lose the key that
 * opens files sent to this person.
 *
 * Encrypted hand-over (issue 16, item 3) without a server:
 * - beside each signing identity this device keeps a key-agreement key (ECDH P-256), made
 *   extractable only until storage has sealed it (storage/repositories/agreement-keys.ts);
 * - its public half travels in the identity's certificate request; the supervisor's device issues
 *   the encryption certificate with the signing one (src/export/envelope/encryption-certificates.ts)
 *   and both come back in certificate.pem; on a device that holds the organisation root, it is
 *   issued at once;
 * - an imported encryption certificate is kept only if it certifies this device's key, has the
 *   encryption profile and was issued by a root this device already trusts;
 * - the address book keeps recipients' encryption certificates; an entry is added only when it
 *   fits the profile and a trusted root issued it, and is checked again every time it is used.
 * Every refusal is an EncryptionServiceError (or an EnvelopeError when a file is opened) whose
 * reason has a sentence in locales/<lang>/envelope.json.
 *
 * Loads pkijs: import it lazily.
 */
import type * as pkijs from 'pkijs';
import {
  agreementKeyAttribute,
  checkRecipientCertificate,
  describeRecipient,
  ECDH_P256,
  encryptForRecipient,
  issueEncryptionCertificate,
  openEnvelope,
  profileProblem,
  type DecryptionKey,
  type OpenedEnvelope,
  type RecipientDescription,
  type RecipientProblem,
} from '../../../export/envelope';
import { certificateToPem, createCertificationRequest, parseCertificate, type IssueOptions } from '../../../export/signing';
import { roleOf } from '../../../case/roles';
import {
  addressBook as appAddressBook,
  agreementKeys as appAgreementKeys,
  trustedRoots as appTrustedRoots,
  type AddressBookRepository,
  type AgreementKey,
  type AgreementKeysRepository,
  type SigningIdentity,
  type TrustedRootsRepository,
} from '../../../storage';
import { EncryptionServiceError } from './service-errors';

export { EncryptionServiceError, type EncryptionServiceReason } from './service-errors';

/** Certificate files are small; anything bigger is not one. */
export const MAX_RECIPIENT_FILE_BYTES = 64 * 1024;
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** A recipient as the address book shows it, with whether a file may be encrypted to them now. */
export interface Recipient extends RecipientDescription {
  readonly id: string;
  readonly certificate: pkijs.Certificate;
  /** null: usable now; otherwise why not (checked afresh: roots and time change). */
  readonly problem: RecipientProblem | null;
}

export interface EncryptionServiceDeps {
  agreementKeys: AgreementKeysRepository;
  addressBook: AddressBookRepository;
  trustedRoots: TrustedRootsRepository;
  now?: () => Date;
}

function certificatesIn(text: string): pkijs.Certificate[] {
  if (text.length > MAX_RECIPIENT_FILE_BYTES) throw new EncryptionServiceError('too-large');
  const blocks = [...text.matchAll(BLOCK)];
  if (blocks.length === 0 || blocks.some((block) => block[1] !== 'CERTIFICATE')) throw new EncryptionServiceError('unreadable');
  try {
    return blocks.map((block) => parseCertificate(block[0]));
  } catch (error) {
    throw new EncryptionServiceError('unreadable', error instanceof Error ? error.message : undefined);
  }
}

async function certifies(certificate: pkijs.Certificate, publicKey: CryptoKey): Promise<boolean> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const held = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
  return spki.length === held.length && spki.every((byte, i) => byte === held[i]);
}

export function createEncryptionService(deps: EncryptionServiceDeps) {
  const { agreementKeys, addressBook, trustedRoots } = deps;
  const now = deps.now ?? (() => new Date());
  const roots = async () => (await trustedRoots.list()).map((root) => parseCertificate(root.certificatePem));

  async function ensureKey(identityId: string): Promise<AgreementKey> {
    const existing = await agreementKeys.forIdentity(identityId);
    if (existing) return existing;
    // Extractable only until the repository has sealed it; what `create` returns is not.
    const pair = await crypto.subtle.generateKey(ECDH_P256, true, ['deriveBits']);
    return agreementKeys.create({ identityId, privateKey: pair.privateKey, publicKey: pair.publicKey });
  }

  return {
    ensureKey,

    /** The attribute that carries this identity's key-agreement key in its certificate request. */
    async requestAttribute(identityId: string): Promise<pkijs.Attribute> {
      return agreementKeyAttribute((await ensureKey(identityId)).publicKey);
    },

    /** On the supervisor's device: the encryption certificate a request asks for, as PEM ('' when it asks for none). */
    async issueFor(request: pkijs.CertificationRequest, options: IssueOptions): Promise<string> {
      const issued = await issueEncryptionCertificate(request, options);
      return issued === null ? '' : certificateToPem(issued);
    },

    /**
     * Issues and keeps this device's own encryption certificate, on a device that holds the
     * organisation root: a request signed with the identity's signing key names the key, as a
     * caseworker's would.
     */
    async issueOwn(identity: SigningIdentity, options: IssueOptions): Promise<void> {
      const key = await ensureKey(identity.id);
      const name = { cn: identity.name, o: identity.organisation, role: roleOf(identity.role) };
      const request = await createCertificationRequest({ privateKey: identity.privateKey, publicKey: identity.publicKey }, name, [await agreementKeyAttribute(key.publicKey)]);
      const issued = await issueEncryptionCertificate(request, options);
      if (issued !== null && (await certifies(issued, key.publicKey))) await agreementKeys.setCertificate(key.id, certificateToPem(issued));
    },

    /**
     * Keeps, from an imported certificate.pem, the encryption certificate for this identity's key,
     * if there is one that fits the profile and a trusted root issued. Returns whether one was kept.
     */
    async importOwn(identityId: string, certificates: readonly pkijs.Certificate[]): Promise<boolean> {
      const key = await agreementKeys.forIdentity(identityId);
      if (!key) return false;
      const trusted = await roots();
      for (const certificate of certificates) {
        if (!(await certifies(certificate, key.publicKey))) continue;
        if (!(await checkRecipientCertificate(certificate, trusted, now())).ok) continue;
        await agreementKeys.setCertificate(key.id, certificateToPem(certificate));
        return true;
      }
      return false;
    },

    /** This device's encryption certificate for the identity (PEM) to give to senders, or null while none is issued. */
    async ownCertificatePem(identityId: string): Promise<string | null> {
      return (await agreementKeys.forIdentity(identityId))?.certificatePem ?? null;
    },

    /** Every key of this device that has a certificate (files may be addressed to any of them). */
    async decryptionKeys(): Promise<DecryptionKey[]> {
      const { keys } = await agreementKeys.list();
      return keys.flatMap((key) => (key.certificatePem === null ? [] : [{ certificate: parseCertificate(key.certificatePem), privateKey: key.privateKey }]));
    },

    /** Opens an encrypted file with this device's keys (EnvelopeError with the reason otherwise). */
    async open(bytes: Uint8Array): Promise<OpenedEnvelope> {
      return openEnvelope(bytes, await this.decryptionKeys());
    },

    /** Every recipient in the address book, each checked now. */
    async recipients(): Promise<Recipient[]> {
      const { entries } = await addressBook.list();
      const trusted = await roots();
      return Promise.all(
        entries.map(async (entry) => {
          const certificate = parseCertificate(entry.certificatePem);
          const check = await checkRecipientCertificate(certificate, trusted, now());
          return { id: entry.id, certificate, problem: check.ok ? null : check.problem, ...(await describeRecipient(certificate)) };
        }),
      );
    },

    /**
     * Adds the encryption certificates of a .pem file to the address book. Each must fit the profile
     * and be issued by a trusted root, valid now; a file whose certificates all fail is refused with
     * the first one's reason; root certificates in the file are skipped (never trusted here).
     */
    async importRecipients(text: string): Promise<RecipientDescription[]> {
      const certificates = certificatesIn(text);
      const trusted = await roots();
      const added: RecipientDescription[] = [];
      let first: RecipientProblem | null = null;
      for (const certificate of certificates) {
        const check = await checkRecipientCertificate(certificate, trusted, now());
        if (!check.ok) {
          // A signing certificate or a root in the same file (certificate.pem) is not a recipient: said only if nothing else fits.
          first ??= profileProblem(certificate) ?? check.problem;
          continue;
        }
        const description = await describeRecipient(certificate);
        await addressBook.add(certificateToPem(certificate), description.fingerprint);
        added.push(description);
      }
      if (added.length === 0) throw new EncryptionServiceError(first ?? 'no-certificate');
      return added;
    },

    removeRecipient: (id: string) => addressBook.remove(id),

    /** Encrypts a signed file for a recipient of the address book, checked again now. */
    async encryptFor(recipientId: string, content: Uint8Array): Promise<Uint8Array> {
      const recipient = (await this.recipients()).find((entry) => entry.id === recipientId);
      if (!recipient) throw new EncryptionServiceError('no-certificate');
      if (recipient.problem !== null) throw new EncryptionServiceError(recipient.problem);
      return encryptForRecipient(content, recipient.certificate);
    },
  };
}

export type EncryptionService = ReturnType<typeof createEncryptionService>;

export const encryptionService: EncryptionService = createEncryptionService({ agreementKeys: appAgreementKeys, addressBook: appAddressBook, trustedRoots: appTrustedRoots });
