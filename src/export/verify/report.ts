// WARNING: the verifier's report decides what a reviewer is told about a signed file. Every field
// states exactly what was checked; nothing here may claim more (docs/adr/0006-verification-model.md).

/** What a later revision changed in a way a countersignature may not (shown to people, translated by kind). */
export type ChangeKind =
  /** A page's content or resources: what the page shows. */
  | 'page-content'
  /** Pages added, removed or reordered, or a page's size or other entries. */
  | 'pages'
  /** An annotation added, removed or altered (other than the signature field being signed). */
  | 'annotation'
  /** The embedded machine-readable assessment or its entry in the file. */
  | 'attachment'
  /** A form field's value or an earlier signature's dictionary. */
  | 'form'
  /** The document catalog (actions, names, outlines, permissions…). */
  | 'catalog'
  /** Document information or XMP metadata. */
  | 'metadata'
  /** An object present in the signed bytes but not used there was brought into use (a "shadow"). */
  | 'hidden-object'
  /** An object in use was removed. */
  | 'removed'
  /** A new signature field that shows content on a page (only prepared, empty fields may be signed visibly). */
  | 'visible-signature'
  /** A change the first signature's certification (DocMDP) does not permit. */
  | 'certification'
  /** The later revision does not simply extend the signed one (cross-reference chain or trailer rewritten). */
  | 'structure'
  /** Objects added that nothing a countersignature needs refers to. */
  | 'added'
  /** Any other object in use changed. */
  | 'other';

export interface DocumentChange {
  readonly kind: ChangeKind;
  /** 1-based page number, where the change is on a page. */
  readonly page?: number;
  /** Technical detail in English (object numbers, keys), for experts and the security tests. */
  readonly detail: string;
}

/** What happened to the document after a signature. */
export type AfterSignature =
  /** The signature covers the whole file. */
  | { readonly kind: 'unchanged' }
  /** Only the permitted additions of `count` later signatures (each itself checked). */
  | { readonly kind: 'signatures-only'; readonly count: number }
  /** Changed in ways a countersignature may not change it; the document shown is not what was signed. */
  | { readonly kind: 'changed'; readonly changes: readonly DocumentChange[] }
  /** The signature could not be placed in a revision of the file, so nothing is known. */
  | { readonly kind: 'unknown' };

export type TrustProblem =
  | 'no-trusted-roots'
  | 'no-path'
  | 'self-signed'
  | 'expired-now'
  | 'not-valid-at-claimed-time'
  | 'claimed-time-in-future'
  | 'bad-issuer-signature'
  | 'not-a-ca'
  | 'path-length'
  | 'key-usage'
  | 'extended-key-usage'
  | 'signer-is-ca'
  | 'basic-constraints'
  | 'unknown-critical-extension'
  | 'unsupported-key';

export interface TrustedRootInfo {
  /** SHA-256 of the root certificate's DER, lower-case hex. */
  readonly fingerprint: string;
  /** The organisation as the root names it (its subject O, else CN), cleaned for display. */
  readonly organisation: string;
  /** The root's own name (subject CN), cleaned for display. */
  readonly name: string;
}

export type TrustReport =
  /** A path from exactly the signer's certificate to a root this device trusts, valid now and at the claimed time. */
  | { readonly status: 'trusted'; readonly root: TrustedRootInfo; readonly pathLength: number }
  /** The signer's certificate is self-issued and self-signed: an identity nobody vouched for. */
  | { readonly status: 'self-signed'; readonly problems: readonly TrustProblem[] }
  | { readonly status: 'untrusted'; readonly problems: readonly TrustProblem[] };

/** A problem code with English detail; the screen translates by code. */
export interface VerifyProblem {
  readonly code: ProblemCode;
  readonly detail: string;
}

export type ProblemCode =
  // The file as a whole
  | 'not-pdf'
  | 'truncated'
  | 'damaged'
  | 'unsupported'
  | 'no-signatures'
  | 'too-complex'
  | 'too-slow'
  | 'unsigned-changes'
  | 'attachment-unreadable'
  // One signature
  | 'signature-structure'
  | 'signature-unreadable'
  | 'digest-mismatch'
  | 'signature-mismatch'
  | 'signer-certificate'
  | 'certificate-binding'
  | 'claimed-time';

export interface SignerName {
  /** Person or CA name (CN) from the signer's own certificate, with direction controls removed. */
  readonly cn: string;
  /** Organisation (O) as the signer's certificate claims it, with direction controls removed. */
  readonly o: string;
  /** The role code the certificate names (its subject title), '' when it names none. Vouched for only when the trust is 'trusted'. */
  readonly role: string;
  /** True when the certificate's names held bidirectional control characters (removed above). */
  readonly hadControlCharacters: boolean;
}

export interface SignatureReport {
  readonly fieldName: string;
  /**
   * SHA-256 (hex) of the signer's public key (its SubjectPublicKeyInfo), empty when unknown: the
   * identity to compare when two signatures must come from different people (not typed names).
   */
  readonly signerKey: string;
  /** 1 for the first (assessor's) signature, in file order. */
  readonly revision: number;
  readonly signer: SignerName;
  /** Claimed by the signer (/M, or the CMS signing-time attribute): not a trusted timestamp. */
  readonly claimedSigningTime: Date | null;
  readonly reason: string;
  /** The first signature certifies the document: later changes limited to DocMDP permissions P. */
  readonly certification: { readonly permissions: 1 | 2 | 3 } | null;
  /** Structure, digest over the signed ranges, and the signature by the signer's own certificate all check out. */
  readonly valid: boolean;
  readonly after: AfterSignature;
  readonly trust: TrustReport;
  readonly problems: readonly VerifyProblem[];
}

export type FileVerdict =
  /** Every signature valid; nothing changed after any of them except permitted countersignatures. */
  | 'valid'
  /** Some signed content was changed after it was signed (bytes or a later revision). */
  | 'modified'
  /** A signature does not verify or is malformed. */
  | 'invalid'
  /** Not a PDF Homeward can check (not a PDF, truncated, damaged, unsupported, over a limit, unsigned). */
  | 'refused';

export interface VerifyReport {
  readonly verdict: FileVerdict;
  /**
   * SHA-256 (hex) of the first signed revision (the assessor's summary as signed): the same for
   * every countersigned copy of one version of a case. Null when no signature could be placed.
   */
  readonly fingerprint: string | null;
  /** True only when the verdict is valid and every signature is trusted. */
  readonly allTrusted: boolean;
  readonly signatures: readonly SignatureReport[];
  /** Problems with the file as a whole. */
  readonly problems: readonly VerifyProblem[];
}
