/**
 * WARNING: sets a device up from a file. A regression here can trust a root nobody chose to trust.
 *
 * The organisation kit on a device (issue 15, item 8; docs/organisation-kit.md):
 * - on the supervisor's device (it holds the organisation root), `createKit` signs the roots this
 *   device trusts, the recipients it can encrypt to (its address book and its own encryption
 *   certificates) and the policy into one file;
 * - on any device, `importKit` reads it against the roots already trusted here. A kit signed by a
 *   root not trusted yet is refused (KitError 'root-not-trusted', with that root's organisation and
 *   fingerprint); the person compares the fingerprint and imports again with `trustSigner`, which
 *   trusts exactly that root first. Then the kit's roots are trusted, its recipients that fit the
 *   profile go into the address book, and the kit is kept (sealed).
 * Loads pkijs: import it lazily.
 */
import { KitError, makeKit, readKit, type KitContent, type KitSigner, type VerifiedKit } from '../../../export/org-kit';
import { certificateToPem, parseCertificate } from '../../../export/signing';
import {
  orgKit as appOrgKit,
  organisationAuthority as appAuthority,
  trustedRoots as appTrustedRoots,
  type OrgKitRepository,
  type OrganisationAuthorityRepository,
  type TrustedRootsRepository,
} from '../../../storage';
import { encryptionService, type EncryptionService } from '../envelope/encryption-service';

export interface OrgKitServiceDeps {
  orgKit: OrgKitRepository;
  trustedRoots: TrustedRootsRepository;
  authority: OrganisationAuthorityRepository;
  encryption: Pick<EncryptionService, 'recipients' | 'decryptionKeys' | 'importRecipients'>;
  now?: () => Date;
}

export interface KitImport {
  readonly organisation: string;
  readonly fingerprint: string;
  readonly rootsTrusted: number;
  readonly recipientsAdded: number;
  /** Recipient certificates the kit lists that this device could not take (expired, not from a trusted root…). */
  readonly recipientsSkipped: number;
}

export type KitChoices = Pick<KitContent, 'roles' | 'policy'>;

export function createOrgKitService(deps: OrgKitServiceDeps) {
  const { orgKit, trustedRoots, authority, encryption } = deps;
  const now = deps.now ?? (() => new Date());
  const roots = async () => (await trustedRoots.list()).map((root) => parseCertificate(root.certificatePem));

  return {
    /** On the device holding the organisation root: the kit file's bytes. */
    async createKit(choices: KitChoices): Promise<Uint8Array> {
      const ca = await authority.get();
      if (!ca) throw new KitError('not-signed-by-root', 'this device holds no organisation root');
      const own = (await encryption.decryptionKeys()).map((key) => certificateToPem(key.certificate));
      const listed = (await encryption.recipients()).filter((recipient) => recipient.problem === null).map((recipient) => certificateToPem(recipient.certificate));
      return makeKit(
        {
          organisation: ca.organisation,
          issuedAt: now().toISOString(),
          roles: choices.roles,
          trustedRoots: (await trustedRoots.list()).map((root) => root.certificatePem),
          recipients: [...new Set([...own, ...listed])],
          policy: choices.policy,
        },
        { certificate: parseCertificate(ca.certificatePem), privateKey: ca.privateKey },
      );
    },

    /**
     * Checks and applies a kit. `trustSigner`: the root a previous attempt named (KitError
     * 'root-not-trusted'), which the person compared and confirmed; it must be the kit's signer.
     */
    async importKit(bytes: Uint8Array, trustSigner?: KitSigner): Promise<KitImport> {
      let kit: VerifiedKit;
      try {
        kit = await readKit(bytes, await roots());
      } catch (error) {
        if (!(error instanceof KitError) || error.reason !== 'root-not-trusted' || trustSigner === undefined || error.signer?.fingerprint !== trustSigner.fingerprint) throw error;
        await trustedRoots.add(certificateToPem(error.signer.certificate));
        kit = await readKit(bytes, await roots());
      }
      let rootsTrusted = 0;
      for (const pem of kit.content.trustedRoots) {
        const before = (await trustedRoots.list()).length;
        // A listed certificate that is not a root is refused by the repository and skipped.
        await trustedRoots.add(pem).catch(() => undefined);
        if ((await trustedRoots.list()).length > before) rootsTrusted += 1;
      }
      let recipientsAdded = 0;
      let recipientsSkipped = 0;
      for (const pem of kit.content.recipients) {
        const added = await encryption.importRecipients(pem).catch(() => []);
        if (added.length > 0) recipientsAdded += 1;
        else recipientsSkipped += 1;
      }
      await orgKit.save(bytes, kit.fingerprint);
      return { organisation: kit.content.organisation, fingerprint: kit.fingerprint, rootsTrusted, recipientsAdded, recipientsSkipped };
    },

    /** The kit this device was set up from, read again now (its signer must still be trusted); null when none. */
    async current(): Promise<{ kit: VerifiedKit; importedAt: Date } | { problem: KitError; importedAt: Date } | null> {
      const stored = await orgKit.get();
      if (!stored) return null;
      try {
        return { kit: await readKit(stored.bytes, await roots()), importedAt: stored.importedAt };
      } catch (error) {
        if (error instanceof KitError) return { problem: error, importedAt: stored.importedAt };
        throw error;
      }
    },
  };
}

export type OrgKitService = ReturnType<typeof createOrgKitService>;

export const orgKitService: OrgKitService = createOrgKitService({ orgKit: appOrgKit, trustedRoots: appTrustedRoots, authority: appAuthority, encryption: encryptionService });
