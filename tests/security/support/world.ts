// The genuine material every attack starts from: a real summary of a fictional golden case built
// by the app's summary code, the people who sign it (issued by the organisation root the reviewer
// trusts, or self-signed), and the genuine files the app's own signPdf / countersignSummary make.
import type * as pkijs from 'pkijs';
import { countersignSummary, type SignerIdentity } from '../../../src/export/facade/export-chunk';
import { PREPARED_REASON, type Decision } from '../../../src/case/decision';
import { certificateToPem } from '../../../src/export/signing/pem';
import { signPdf } from '../../../src/export/signing/sign';
import { buildSummaryPdf, summaryAttachment } from '../../../src/export/summary';
import type { SummaryInput } from '../../../src/export/summary';
import { readFonts, summaryInput, texts } from '../../unit/summary/fixture';
import { ORG, organisation, selfSigned } from './pki';
import type { Identity, Organisation } from './pki';

/** A child's case whose recommendation is "defer": the attacker wants it to read "no impediment". */
export const CASE_FILE = '09-child-15-no-bia-unvetted-institution.json';

export interface World {
  /** The organisation whose root the reviewer trusts. */
  readonly org: Organisation;
  /** Another organisation's root: real, but not trusted by this reviewer. */
  readonly foreign: Organisation;
  readonly rootsPem: readonly string[];
  readonly caseworker: Identity;
  readonly supervisor: Identity;
  readonly partner: Identity;
  /** A colleague with a genuine, trusted certificate who turns against the case. */
  readonly insider: Identity;
  /** The caseworker before the organisation issued a certificate (self-signed, as the app makes it). */
  readonly selfCaseworker: Identity;
  readonly input: SummaryInput;
  readonly unsigned: Uint8Array;
  /** The assessment.json the genuine files carry, as parsed JSON. */
  readonly genuineAssessment: unknown;
  /** The attacker's version of it: same case, recommendation and overall level flipped. */
  readonly attackerAssessment: Record<string, unknown>;
  /** Caseworker (trusted) signs. */
  readonly signed: Uint8Array;
  /** Caseworker (trusted) signs, supervisor (trusted) approves. */
  readonly countersigned: Uint8Array;
  /** … and the return partner (trusted) approves too. */
  readonly countersignedTwice: Uint8Array;
  /** Self-signed caseworker signs. */
  readonly selfSignedFile: Uint8Array;
}

/** Now, to the second: signatures are dated when they are made, as in the app. */
export const now = (): Date => new Date(Math.floor(Date.now() / 1000) * 1000);

export function signerIdentity(identity: Identity, name: string, role: string): SignerIdentity {
  return {
    name,
    organisation: ORG,
    role,
    privateKey: identity.privateKey,
    certificatePem: certificateToPem(identity.certificate),
    chainPem: identity.chain.map((item: pkijs.Certificate) => certificateToPem(item)),
    verifiedByOrganisation: identity.chain.length > 0,
  };
}

/** The assessor's first signature exactly as exportSignedSummary makes it. */
export function assessorSigns(unsigned: Uint8Array, identity: Identity, date = now()): Promise<Uint8Array> {
  return signPdf(unsigned, { privateKey: identity.privateKey, certificate: identity.certificate, chain: identity.chain, name: 'Amara Okafor', reason: PREPARED_REASON, date });
}

/** A reviewer's countersignature exactly as the verify screen makes it. */
export async function reviewerSigns(bytes: Uint8Array, identity: Identity, name: string, role: string, decision: Decision = { kind: 'approve' }): Promise<Uint8Array> {
  return (await countersignSummary(bytes, signerIdentity(identity, name, role), decision, { date: now(), fonts: readFonts(), ui: texts('en').ui })).bytes;
}

export function attackerVersion(genuine: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(genuine)) as { answers: Record<string, unknown>; result: { chosen: { recommendation: string }; overall: { level: string } } };
  copy.answers.N4 = 'no_impediment';
  copy.result.chosen.recommendation = 'no_impediment';
  copy.result.overall.level = 'low';
  return copy;
}

let cached: Promise<World> | undefined;

/** Built once per test file (each vitest file has its own module graph). */
export function world(): Promise<World> {
  cached ??= build();
  return cached;
}

async function build(): Promise<World> {
  const [org, foreign] = await Promise.all([organisation('Homeward Partner NGO Root CA (fictional)'), organisation('Other Agency Root CA (fictional)', 'Other Agency (fictional)')]);
  const [caseworker, supervisor, partner, insider, selfCaseworker] = await Promise.all([
    org.issue('Amara Okafor'),
    org.issue('Dana Reyes'),
    org.issue('Return Partner Officer RN-3'),
    org.issue('Eve Insider'),
    selfSigned('Amara Okafor'),
  ]);
  const input = summaryInput(CASE_FILE, 'en');
  const unsigned = await buildSummaryPdf(input, readFonts());
  const genuineAssessment = JSON.parse(JSON.stringify(summaryAttachment(input))) as unknown;
  const signed = await assessorSigns(unsigned, caseworker);
  const countersigned = await reviewerSigns(signed, supervisor, 'Dana Reyes', 'Supervisor');
  const countersignedTwice = await reviewerSigns(countersigned, partner, 'Return Partner Officer RN-3', 'Return partner');
  const selfSignedFile = await assessorSigns(unsigned, selfCaseworker);
  return {
    org,
    foreign,
    rootsPem: [org.rootPem],
    caseworker,
    supervisor,
    partner,
    insider,
    selfCaseworker,
    input,
    unsigned,
    genuineAssessment,
    attackerAssessment: attackerVersion(genuineAssessment),
    signed,
    countersigned,
    countersignedTwice,
    selfSignedFile,
  };
}

/** The attacker's assessment.json bytes (the app's own layout: JSON, one-space indent). */
export function attackerJson(w: World): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(w.attackerAssessment, null, 1));
}
