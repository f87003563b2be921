// The genuine files: what the app makes when nobody attacks. They must stay valid, trusted exactly
// where the organisation root issued the signer, in the app and in pdfsig.
import type { AttackCase, PdfsigCheck } from '../support/cases';
import { cmsWithKeyIdentifierSigner } from '../support/cms';
import { selfSigned } from '../support/pki';
import { countersign, signFirst } from '../support/sign';
import { assessorSigns, reviewerSigns } from '../support/world';
import type { World } from '../support/world';
import { assessorFields, fields } from './edits';

const valid: PdfsigCheck = { sig: 'each', validation: { is: 'Signature is Valid.' } };
const trusted = (sig: number): PdfsigCheck => ({ sig, certificate: { is: 'Certificate is Trusted.' } });
const unknownIssuer = (sig: number): PdfsigCheck => ({ sig, certificate: { is: 'Certificate issuer is unknown.' } });
const coverage = (flags: readonly boolean[]): PdfsigCheck[] => flags.map((wholeDocument, sig) => ({ sig, wholeDocument }));

export async function genuineCases(w: World): Promise<AttackCase[]> {
  const selfPartner = await selfSigned('Return Partner Officer RN-3');
  const mixed = await reviewerSigns(await reviewerSigns(w.selfSignedFile, w.supervisor, 'Dana Reyes', 'Supervisor'), selfPartner, 'Return Partner Officer RN-3', 'Return partner');
  const returned = await reviewerSigns(w.signed, w.supervisor, 'Dana Reyes', 'Supervisor', { kind: 'return', comments: 'Please verify the reception arrangements (fictional).' });
  const genuine = { verdicts: ['valid'], shows: 'genuine' } as const;
  return [
    {
      file: 'genuine-01-assessor-trusted.pdf',
      attack: 'none: the caseworker, issued by the trusted organisation root, signs the summary',
      bytes: w.signed,
      expect: { ...genuine, signatures: 1, trusted: [true], changedAfter: ['no'], pdfsig: [valid, trusted(0), ...coverage([true])] },
    },
    {
      file: 'genuine-02-assessor-self-signed.pdf',
      attack: 'none: a caseworker with a self-signed identity signs the summary',
      bytes: w.selfSignedFile,
      expect: { ...genuine, signatures: 1, trusted: [false], changedAfter: ['no'], pdfsig: [valid, unknownIssuer(0), ...coverage([true])] },
    },
    {
      file: 'genuine-03-assessor-and-supervisor-trusted.pdf',
      attack: 'none: the supervisor approves (one countersignature)',
      bytes: w.countersigned,
      expect: { ...genuine, signatures: 2, trusted: [true, true], changedAfter: ['signatures-only', 'no'], pdfsig: [valid, trusted(0), trusted(1), ...coverage([false, true])] },
    },
    {
      file: 'genuine-04-assessor-supervisor-partner-trusted.pdf',
      attack: 'none: supervisor and return partner approve (two countersignatures)',
      bytes: w.countersignedTwice,
      expect: {
        ...genuine,
        signatures: 3,
        trusted: [true, true, true],
        changedAfter: ['signatures-only', 'signatures-only', 'no'],
        pdfsig: [valid, trusted(0), trusted(1), trusted(2), ...coverage([false, false, true])],
      },
    },
    {
      file: 'genuine-05-self-signed-assessor-trusted-supervisor-self-signed-partner.pdf',
      attack: 'none: mixed identities; only the supervisor’s certificate was issued by the trusted root',
      bytes: mixed,
      expect: {
        ...genuine,
        signatures: 3,
        trusted: [false, true, false],
        changedAfter: ['signatures-only', 'signatures-only', 'no'],
        pdfsig: [valid, unknownIssuer(0), trusted(1), unknownIssuer(2), ...coverage([false, false, true])],
      },
    },
    {
      file: 'genuine-06-supervisor-returns-for-changes.pdf',
      attack: 'none: the supervisor returns the assessment for changes, with comments',
      bytes: returned,
      expect: { ...genuine, signatures: 2, trusted: [true, true], changedAfter: ['signatures-only', 'no'], pdfsig: [valid, trusted(0), trusted(1)] },
    },
    {
      file: 'genuine-07-assessor-trusted-signed-again.pdf',
      attack: 'none: a second export of the same case by the same caseworker (fresh signature, same content)',
      bytes: await assessorSigns(w.unsigned, w.caseworker),
      expect: { ...genuine, signatures: 1, trusted: [true], changedAfter: ['no'], pdfsig: [valid, trusted(0)] },
    },
    // RFC 5652 lets a CMS name its signer by subject key identifier; other signing tools do (review
    // probe p7). pdfsig (NSS) cannot verify such a signer ("Unknown Validation Failure."; OpenSSL
    // verifies the same CMS, see genuine.test.ts): it is asked only about the other signatures.
    {
      file: 'genuine-08-supervisor-named-by-subject-key-identifier.pdf',
      attack: 'none: the supervisor’s approval whose CMS names its signer by the certificate’s subject key identifier, not by issuer and serial number',
      bytes: await countersign(w.signed, fields('Dana Reyes'), cmsWithKeyIdentifierSigner(w.supervisor)),
      expect: { ...genuine, signatures: 2, trusted: [true, true], changedAfter: ['signatures-only', 'no'], pdfsig: [{ sig: 0, validation: { is: 'Signature is Valid.' } }, trusted(0)] },
    },
    {
      file: 'genuine-09-self-signed-assessor-named-by-subject-key-identifier.pdf',
      attack: 'none: a self-signed caseworker’s signature whose CMS names its signer by subject key identifier',
      bytes: await signFirst(w.unsigned, assessorFields(), cmsWithKeyIdentifierSigner(w.selfCaseworker)),
      expect: { ...genuine, signatures: 1, trusted: [false], changedAfter: ['no'] },
    },
  ];
}
