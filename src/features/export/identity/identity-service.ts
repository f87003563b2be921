/**
 * WARNING: decides who a signature is attributed to. A regression here can mark an identity as
 * verified by an organisation that never issued it, or accept a certificate for someone else's key.
 *
 * Signing identities and the organisation CA without a server (issue 3):
 * - a caseworker creates an identity: a P-256 key pair and a self-signed
 *   certificate marked "not verified by the organisation" (or, on a supervisor's device that
 *   holds the organisation root, a certificate issued by that root straight away);
 * - the caseworker downloads a certificate request (PKCS#10) and hands it to the supervisor;
 * - the supervisor's device issues a certificate from it and downloads `certificate.pem`
 *   (the issued certificate followed by the organisation root);
 * - the caseworker imports that file: it is accepted only if a certificate in it is for this
 *   identity's public key, is not self-declared, and was issued by a root ALREADY trusted on this
 *   device. A root bundled in the file is never trusted by this import (issue 12): if the leaf
 *   chains to it, the import is refused with that root's organisation and fingerprint, and the
 *   caseworker trusts it on purpose, in Trusted roots (previewRoot → trustRoot), after comparing
 *   the fingerprint with the supervisor's.
 * Keys to be kept are generated extractable (generateSealableSigningKeyPair) and handed to the
 * repository at once, which seals the private key as PKCS#8 under the data key and returns a
 * non-extractable copy: never store or keep the extractable object (storage/repositories/identities.ts
 * explains why a CryptoKey must not be stored by structured clone).
 * Every refusal is an IdentityImportError with a `reason` code the UI translates; a refused
 * file changes nothing.
 *
 * This module loads pkijs; import it lazily (index.ts does) so it stays out of the first screen.
 */
import type * as pkijs from 'pkijs';
import {
  CertificateFormatError,
  certificateToDer,
  certificateToPem,
  createCertificationRequest,
  createRootCertificate,
  createSelfSignedCertificate,
  isCertificateAuthority,
  isSelfDeclared,
  isSelfSigned,
  issueCertificate,
  parseCertificate,
  parseCertificationRequest,
  readPartyName,
  requestToPem,
} from '../../../export/signing';
import { generateSealableSigningKeyPair } from '../../../export/signing/keys';
import { isRole, roleOf, type Role } from '../../../case/roles';
import { hasBidiControls } from '../../../export/verify/names';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { announceTrustChange } from '../../../lib/trust-events';
import { checkTrust, trustAnchors } from '../../../export/verify/path';
import {
  identities as appIdentities,
  organisationAuthority as appAuthority,
  trustedRoots as appTrustedRoots,
  TrustedRootError,
  type IdentitiesRepository,
  type OrganisationAuthority,
  type OrganisationAuthorityRepository,
  type SigningIdentity,
  type TrustedRoot,
  type TrustedRootsRepository,
} from '../../../storage';
import { encryptionService, type EncryptionService } from '../envelope/encryption-service';

/** Why a file was refused; each has its own sentence in locales/<lang>/identity.json (errors.*). */
export type ImportReason =
  | 'too-large'
  | 'unreadable'
  | 'other-key'
  | 'self-declared'
  | 'no-root'
  | 'not-a-root'
  | 'chain'
  | 'request-unreadable'
  | 'request-signature'
  | 'request-names'
  | 'no-authority'
  | 'no-identity'
  | 'root-not-trusted'
  | 'several-roots'
  | 'name-controls'
  | 'request-controls';

export class IdentityImportError extends Error {
  override name = 'IdentityImportError';
  constructor(
    readonly reason: ImportReason,
    detail?: string,
    /** For 'root-not-trusted': the root the file carried, to compare and trust on purpose. */
    readonly root?: RootPreview,
  ) {
    super(detail ?? reason);
  }
}

/** A root certificate shown to a person before they decide to trust it. */
export interface RootPreview {
  readonly certificatePem: string;
  /** Hex SHA-256 of the DER. */
  readonly fingerprint: string;
  /** The organisation the root names (O, else CN), direction controls removed. */
  readonly organisation: string;
  readonly name: string;
  readonly notAfter: Date;
}

export interface IdentityInput {
  name: string;
  organisation: string;
  role: string;
}

export interface RequestSummary {
  /** The person the request names (CN). */
  name: string;
  organisation: string;
  /** The role the request asks for (a code of src/case/roles.ts), or null when it states none. */
  role: Role | null;
  /** Keep it to issue after the supervisor confirms. */
  readonly request: pkijs.CertificationRequest;
}

export interface IdentityServiceDeps {
  identities: IdentitiesRepository;
  trustedRoots: TrustedRootsRepository;
  authority: OrganisationAuthorityRepository;
  /** Encryption certificates beside signing ones (issue 16); absent: signing only. */
  encryption?: Pick<EncryptionService, 'requestAttribute' | 'issueFor' | 'issueOwn' | 'importOwn'>;
  now?: () => Date;
}

/** Certificate files are small; anything bigger is not one (and is not read into memory twice). */
export const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** Every CERTIFICATE block of a PEM file, parsed; anything else in it is refused. */
export function parseCertificateBundle(text: string): pkijs.Certificate[] {
  if (text.length > MAX_CERTIFICATE_FILE_BYTES) throw new IdentityImportError('too-large');
  const blocks = [...text.matchAll(BLOCK)];
  const begins = text.match(/-----BEGIN /g)?.length ?? 0;
  if (blocks.length === 0 || blocks.length !== begins || blocks.some((b) => b[1] !== 'CERTIFICATE')) {
    throw new IdentityImportError('unreadable');
  }
  return blocks.map((block) => {
    try {
      return parseCertificate(block[0]);
    } catch (error) {
      throw new IdentityImportError('unreadable', error instanceof Error ? error.message : undefined);
    }
  });
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** True when `certificate` certifies exactly this public key (compared as the raw EC point). */
export async function certifiesKey(certificate: pkijs.Certificate, publicKey: CryptoKey): Promise<boolean> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  return bytesEqual(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView, raw);
}

async function isRoot(certificate: pkijs.Certificate): Promise<boolean> {
  return isCertificateAuthority(certificate) && (await isSelfSigned(certificate));
}

/** The verifier's own path check (src/export/verify/path.ts): exactly `leaf`, issued by `root`, valid `now`. */
async function chainsTo(leaf: pkijs.Certificate, root: pkijs.Certificate, now: Date): Promise<boolean> {
  const trust = await checkTrust(leaf, [], await trustAnchors([root]), { now, claimed: null }, () => undefined);
  return trust.status === 'trusted';
}

export async function previewOf(certificate: pkijs.Certificate): Promise<RootPreview> {
  const [anchor] = await trustAnchors([certificate]);
  if (anchor === undefined) throw new IdentityImportError('unreadable');
  return { certificatePem: certificateToPem(certificate), fingerprint: anchor.info.fingerprint, organisation: anchor.info.organisation, name: anchor.info.name, notAfter: certificate.notAfter.value };
}

function refuseControls(values: readonly string[], reason: 'name-controls' | 'request-controls'): void {
  if (values.some(hasBidiControls)) throw new IdentityImportError(reason);
}

/** The organisation a verified identity's root names, or null while it is self-declared. */
export function verifiedBy(identity: Pick<SigningIdentity, 'verifiedByOrganisation' | 'chainPem' | 'organisation'>): string | null {
  if (!identity.verifiedByOrganisation) return null;
  const root = identity.chainPem[0];
  if (root === undefined) return identity.organisation;
  try {
    const name = readPartyName(parseCertificate(root).subject);
    return name.o || name.cn || identity.organisation;
  } catch {
    return identity.organisation;
  }
}

/** "AB12 CD34 EF56 7890": the first 64 bits of a SHA-256 fingerprint, for people to compare. */
export function shortFingerprint(fingerprint: string): string {
  return groupedFingerprint(fingerprint.slice(0, 16));
}

export function createIdentityService(deps: IdentityServiceDeps) {
  const { identities, trustedRoots, authority, encryption } = deps;
  const now = deps.now ?? (() => new Date());

  async function loadAuthority(): Promise<{ record: OrganisationAuthority; certificate: pkijs.Certificate } | undefined> {
    const record = await authority.get();
    if (!record) return undefined;
    return { record, certificate: parseCertificate(record.certificatePem) };
  }

  /** A certificate issued by this device's organisation root for `keys` under `name`. */
  async function issueOwn(
    keys: CryptoKeyPair,
    name: { cn: string; o: string; role: string },
    ca: { record: OrganisationAuthority; certificate: pkijs.Certificate },
  ): Promise<string> {
    const request = await createCertificationRequest(keys, name);
    const issued = await issueCertificate(request, { issuerCertificate: ca.certificate, issuerKey: ca.record.privateKey, now: now() });
    return certificateToPem(issued);
  }

  async function createIdentity(input: IdentityInput): Promise<SigningIdentity> {
    refuseControls([input.name, input.organisation, input.role], 'name-controls');
    const name = { cn: input.name.trim(), o: input.organisation.trim(), role: roleOf(input.role) };
    // Extractable only until the repository has sealed it; what `create` returns is non-extractable.
    const keys = await generateSealableSigningKeyPair();
    const ca = await loadAuthority();
    if (ca) {
      // A supervisor's own identity is issued by their own root, so their countersignatures chain too.
      const identity = await identities.create({
        ...input,
        privateKey: keys.privateKey,
        publicKey: keys.publicKey,
        certificatePem: await issueOwn(keys, name, ca),
        chainPem: [ca.record.certificatePem],
        verifiedByOrganisation: true,
      });
      await encryption?.issueOwn(identity, { issuerCertificate: ca.certificate, issuerKey: ca.record.privateKey, now: now() });
      announceTrustChange();
      return identity;
    }
    const certificate = await createSelfSignedCertificate(keys, name, { now: now() });
    const created = await identities.create({
      ...input,
      privateKey: keys.privateKey,
      publicKey: keys.publicKey,
      certificatePem: certificateToPem(certificate),
      chainPem: [],
      verifiedByOrganisation: false,
    });
    announceTrustChange();
    return created;
  }

  return {
    createIdentity,

    /** The active identity, or a new self-signed one (issued by the local root on a supervisor's device). */
    async ensureSigningIdentity(input: IdentityInput): Promise<SigningIdentity> {
      return (await identities.getActive()) ?? createIdentity(input);
    },

    /** PEM certificate request naming the identity, signed with its key (proof of possession). */
    async certificateRequestPem(identity: SigningIdentity): Promise<string> {
      const request = await createCertificationRequest(
        { privateKey: identity.privateKey, publicKey: identity.publicKey },
        { cn: identity.name, o: identity.organisation, role: roleOf(identity.role) },
        encryption ? [await encryption.requestAttribute(identity.id)] : [],
      );
      return requestToPem(request);
    },

    /**
     * Checks a certificate file from the organisation against the identity and, if it holds,
     * stores the certificate (identity verified) and trusts the root. Refusals change nothing.
     */
    async importCertificate(identityId: string, text: string): Promise<SigningIdentity> {
      const identity = await identities.get(identityId);
      if (!identity) throw new IdentityImportError('no-identity');
      const certificates = parseCertificateBundle(text);
      const mine: pkijs.Certificate[] = [];
      for (const certificate of certificates) if (await certifiesKey(certificate, identity.publicKey)) mine.push(certificate);
      const leaf = mine.find((c) => !isCertificateAuthority(c));
      if (!leaf) throw new IdentityImportError('other-key');
      if (isSelfDeclared(leaf) || (await isSelfSigned(leaf))) throw new IdentityImportError('self-declared');

      const trusted = (await trustedRoots.list()).map((root) => parseCertificate(root.certificatePem));
      for (const root of trusted.filter((candidate) => leaf.issuer.isEqual(candidate.subject))) {
        if (await chainsTo(leaf, root, now())) {
          const name = readPartyName(leaf.subject);
          const updated = await identities.replaceCertificate(identity.id, {
            name: name.cn || identity.name,
            organisation: name.o || identity.organisation,
            certificatePem: certificateToPem(leaf),
            chainPem: [certificateToPem(root)],
            verifiedByOrganisation: true,
          });
          await encryption?.importOwn(identity.id, certificates);
          announceTrustChange();
          return updated;
        }
      }
      // Not issued by a trusted root. A root that came in the same file is never trusted here.
      const bundled: pkijs.Certificate[] = [];
      for (const candidate of certificates) if (candidate !== leaf && (await isRoot(candidate))) bundled.push(candidate);
      for (const candidate of bundled.filter((root) => leaf.issuer.isEqual(root.subject))) {
        if (await chainsTo(leaf, candidate, now())) throw new IdentityImportError('root-not-trusted', undefined, await previewOf(candidate));
      }
      throw new IdentityImportError([...trusted, ...bundled].some((root) => leaf.issuer.isEqual(root.subject)) ? 'chain' : 'no-root');
    },

    /**
     * Creates this device's organisation root (supervisor). The root becomes trusted here, and an
     * active identity that is still self-declared is re-issued by it.
     */
    async createOrganisationRoot(organisation: string): Promise<OrganisationAuthority> {
      const o = organisation.trim();
      // Extractable only until the repository has sealed it; `record.privateKey` is non-extractable.
      const keys = await generateSealableSigningKeyPair();
      const certificate = await createRootCertificate(keys, { cn: `${o} Root CA`, o }, { now: now() });
      const certificatePem = certificateToPem(certificate);
      const record = await authority.save({ organisation: o, privateKey: keys.privateKey, publicKey: keys.publicKey, certificatePem });
      await trustedRoots.add(certificatePem);
      const active = await identities.getActive();
      if (active && !active.verifiedByOrganisation) {
        const name = { cn: active.name, o: active.organisation, role: roleOf(active.role) };
        const issued = await issueOwn({ privateKey: active.privateKey, publicKey: active.publicKey }, name, { record, certificate });
        const updated = await identities.replaceCertificate(active.id, { name: active.name, organisation: active.organisation, certificatePem: issued, chainPem: [certificatePem], verifiedByOrganisation: true });
        await encryption?.issueOwn(updated, { issuerCertificate: certificate, issuerKey: record.privateKey, now: now() });
      }
      announceTrustChange();
      return record;
    },

    /** Reads a request file and checks the requester signed it; the supervisor confirms who it names. */
    async readCertificateRequest(text: string): Promise<RequestSummary> {
      if (text.length > MAX_CERTIFICATE_FILE_BYTES) throw new IdentityImportError('too-large');
      let request: pkijs.CertificationRequest;
      try {
        request = parseCertificationRequest(text);
      } catch (error) {
        throw new IdentityImportError('request-unreadable', error instanceof Error ? error.message : undefined);
      }
      const signed = await request.verify().catch(() => false);
      if (!signed) throw new IdentityImportError('request-signature');
      const name = readPartyName(request.subject);
      refuseControls([name.cn, name.o, name.ou, name.role], 'request-controls');
      if (name.cn === '' || name.o === '' || (name.role !== '' && !isRole(name.role))) throw new IdentityImportError('request-names');
      return { name: name.cn, organisation: name.o, role: name.role === '' ? null : roleOf(name.role), request };
    },

    /** The issued certificate followed by the organisation root, as the text of `certificate.pem`. */
    async issueFromRequest(summary: RequestSummary): Promise<string> {
      const ca = await loadAuthority();
      if (!ca) throw new IdentityImportError('no-authority');
      try {
        const options = { issuerCertificate: ca.certificate, issuerKey: ca.record.privateKey, now: now() };
        const issued = await issueCertificate(summary.request, options);
        // The encryption certificate, when the request names a key-agreement key, travels in the same file.
        return certificateToPem(issued) + (encryption ? await encryption.issueFor(summary.request, options) : '') + ca.record.certificatePem;
      } catch (error) {
        if (error instanceof CertificateFormatError) throw new IdentityImportError('request-signature', error.message);
        throw error;
      }
    },

    /**
     * Reads the one organisation root in a PEM file (a root alone, or a certificate.pem with the
     * root after the caseworker's certificate) for a person to inspect. Nothing is trusted yet.
     */
    async previewRoot(text: string): Promise<RootPreview> {
      const certificates = parseCertificateBundle(text);
      const roots: pkijs.Certificate[] = [];
      for (const certificate of certificates) if (await isRoot(certificate)) roots.push(certificate);
      const [root] = roots;
      if (root === undefined) throw new IdentityImportError('not-a-root');
      if (new Set(roots.map((item) => certificateToPem(item))).size > 1) throw new IdentityImportError('several-roots');
      return previewOf(root);
    },

    /** Trusts a root the person has inspected (previewRoot) and confirmed. The only way a root becomes trusted, with creating one's own. */
    async trustRoot(preview: RootPreview): Promise<TrustedRoot> {
      try {
        const root = await trustedRoots.add(preview.certificatePem);
        announceTrustChange();
        return root;
      } catch (error) {
        if (error instanceof TrustedRootError) throw new IdentityImportError(error.problem === 'not-a-root' ? 'not-a-root' : 'unreadable', error.message);
        throw error;
      }
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

/** The app's service, bound to the app's (sealed) repositories. */
export const identityService: IdentityService = createIdentityService({
  identities: appIdentities,
  trustedRoots: appTrustedRoots,
  authority: appAuthority,
  encryption: encryptionService,
});

/** Hex SHA-256 of a certificate's DER (as trusted roots store it). */
export async function certificateFingerprint(pem: string): Promise<string> {
  const der = certificateToDer(parseCertificate(pem));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der.slice().buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
