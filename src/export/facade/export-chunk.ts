/**
 * The export chunk: everything heavy (pdf-lib, fontkit, fonts, pkijs) sits behind this module, which
 * is only ever reached through `import()` from src/export/index.ts, so the first screen never loads
 * it. It is precached with the fonts, so export, verify and countersign all work offline.
 *
 * The built-in fictional sample (sampleIdentity/exportSample/countersignSample) lives here too, so
 * `npm run sample-pdf` and `npm run bench:pdf` drive exactly the app's code path in the browser.
 */
import { assess } from '../../engine';
import { getInstrument, registry, type Answers } from '../../instrument';
import { countersignPdf, createSelfSignedCertificate, certificateToPem, generateSigningKeyPair, parseCertificate, signPdf } from '../signing';
import { buildPersonCopyPdf, buildSummaryPdf, decisionAppearance, type PersonCopyContact, loadSummaryFonts, type AppearanceLine, type SummaryFonts, type SummaryInput, type Translate } from '../summary';
import { findLanguage, i18next, loadLanguage } from '../../i18n';
import { formatDecisionReason, PREPARED_REASON, type Decision } from '../../case/decision';
import { isRole } from '../../case/roles';
import { withoutDecisions } from '../../case/state';
import { summaryFileName } from './file-name';
import sample from './sample-case.json';
import { summaryTexts } from './texts';

/** What signs: an identity from storage (SigningIdentity) fits this shape. */
export interface SignerIdentity {
  readonly name: string;
  readonly organisation: string;
  readonly role: string;
  readonly privateKey: CryptoKey;
  readonly certificatePem: string;
  readonly chainPem: readonly string[];
  readonly verifiedByOrganisation: boolean;
}

export type SummarySignature = SummaryInput['signatures'][number];

/** One case to summarise, as the export screen (or the sample) describes it. */
export interface ExportCase {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Answers;
  /** The assessment date (YYYY-MM-DD) the engine computes ages and windows from. */
  readonly now: string;
  readonly caseReference: string;
  /** Only when the caseworker chose to include it. */
  readonly personName?: string;
  readonly workingLanguage: string;
  /** Set for a bilingual summary: the person's language, when it differs from the working one. */
  readonly personLanguage?: string;
  readonly signatures: readonly SummarySignature[];
  readonly createdAt: Date;
  /** The fingerprint of the version of this case that this export replaces (its draft's last export). */
  readonly supersedes?: string;
}

export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/** A new summary: also its fingerprint, the SHA-256 of the assessor's signed revision (the whole new file). */
export interface ExportedSummary extends ExportedFile {
  readonly fingerprint: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

let fonts: Promise<SummaryFonts> | undefined;
function cachedFonts(): Promise<SummaryFonts> {
  const loading =
    fonts ??
    loadSummaryFonts().catch((error: unknown) => {
      fonts = undefined; // e.g. offline before the precache finished: let the next try fetch again
      throw error;
    });
  fonts = loading;
  return loading;
}

function signOptions(identity: SignerIdentity, reason: string, date: Date) {
  return {
    privateKey: identity.privateKey,
    certificate: parseCertificate(identity.certificatePem),
    chain: identity.chainPem.map((pem) => parseCertificate(pem)),
    name: identity.name,
    reason,
    date,
  };
}

/**
 * The engine's result printed in the summary. Its sign-off is judged without the draft's own
 * typed decisions (supervisor's signature, override, sign-off): those count only when signed on
 * the summary (src/case), so the summary never says "ready" on the strength of a typed name.
 */
function resultAtExport(instrument: ReturnType<typeof getInstrument>, answers: Answers, now: string) {
  const result = assess(instrument, answers, { now });
  return { ...result, signOff: assess(instrument, withoutDecisions(instrument, answers), { now }).signOff };
}

/** Builds the summary PDF of a case and signs it with the caseworker's identity. */
export async function exportSignedSummary(exportCase: ExportCase, identity: SignerIdentity): Promise<ExportedSummary> {
  const instrument = getInstrument(exportCase.instrumentId, exportCase.instrumentVersion);
  const entry = registry.find((e) => e.id === instrument.id && e.version === instrument.version);
  if (entry === undefined) throw new Error(`Unknown instrument ${instrument.id} v${String(instrument.version)}.`);
  const bilingual = exportCase.personLanguage !== undefined && exportCase.personLanguage !== exportCase.workingLanguage;
  const [working, person, summaryFonts] = await Promise.all([
    summaryTexts(exportCase.workingLanguage, instrument),
    bilingual && exportCase.personLanguage !== undefined ? summaryTexts(exportCase.personLanguage, instrument) : undefined,
    cachedFonts(),
  ]);
  const input: SummaryInput = {
    instrument,
    instrumentHash: entry.sha256,
    answers: exportCase.answers,
    result: resultAtExport(instrument, exportCase.answers, exportCase.now),
    now: exportCase.now,
    caseReference: exportCase.caseReference,
    ...(exportCase.personName !== undefined && exportCase.personName.trim() !== '' ? { personName: exportCase.personName.trim() } : {}),
    assessor: { name: identity.name, role: identity.role, organisation: identity.organisation },
    identityVerified: identity.verifiedByOrganisation,
    working,
    ...(person !== undefined ? { person } : {}),
    signatures: [...exportCase.signatures],
    createdAt: exportCase.createdAt,
    ...(exportCase.supersedes !== undefined ? { supersedes: exportCase.supersedes } : {}),
  };
  const unsigned = await buildSummaryPdf(input, summaryFonts);
  const bytes = await signPdf(unsigned, signOptions(identity, PREPARED_REASON, exportCase.createdAt));
  return { bytes, fileName: summaryFileName('summary', exportCase.createdAt), fingerprint: await sha256Hex(bytes) };
}

/** What the caseworker gives for the person's own copy (issue 16.5). */
export interface PersonCopyCase {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Answers;
  /** The person's language, else the working language. */
  readonly language: string;
  readonly contacts: readonly PersonCopyContact[];
  readonly createdAt: Date;
}

/** The person's own copy as a printable PDF (unsigned: it is their paper, not a record). */
export async function exportPersonCopy(copy: PersonCopyCase): Promise<ExportedFile> {
  const instrument = getInstrument(copy.instrumentId, copy.instrumentVersion);
  const [texts, fonts] = await Promise.all([summaryTexts(copy.language, instrument), cachedFonts()]);
  const bytes = await buildPersonCopyPdf({ instrument, answers: copy.answers, texts, contacts: copy.contacts, createdAt: copy.createdAt }, fonts);
  return { bytes, fileName: summaryFileName('plan', copy.createdAt) };
}

/** The same check the worker runs, for Node scripts and tests (the app uses the worker: src/export/verify-client.ts). */
export { checkSummary as verifySummary } from '../verify/summary-check';

export interface CountersignOptions {
  /** The claimed signing time (default: now). */
  readonly date?: Date;
  /** The language the decision is drawn in on the summary: the summary's working language. */
  readonly language?: string;
  /** Node scripts and tests: fonts read from disk, and that language's `summary` strings. */
  readonly fonts?: SummaryFonts;
  readonly ui?: Translate;
}

/** What the filled decision box says: the decision, who, for whom, when, and the comments. */
async function decisionLines(decision: Decision, identity: SignerIdentity, date: Date, code: string, ui?: Translate): Promise<{ lines: AppearanceLine[]; dir: 'ltr' | 'rtl' }> {
  const language = findLanguage(code) ?? findLanguage('en');
  const lang = language?.code ?? 'en';
  if (ui === undefined) await loadLanguage(lang);
  const fixed = i18next.getFixedT(lang, 'summary');
  const t: Translate = ui ?? ((key, params) => String(fixed(key, { ...params })));
  const comments = decision.comments?.trim() ?? '';
  const time = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return {
    dir: language?.dir ?? 'ltr',
    lines: [
      { text: decision.kind === 'override' ? t('decision.override', { rules: decision.rules.join(', ') }) : t(`decision.${decision.kind}`) },
      { text: t('decision.by', { name: identity.name, role: isRole(identity.role) ? t(`role.${identity.role}`) : identity.role }) },
      { text: t('decision.organisation', { organisation: identity.organisation }) },
      { text: t('decision.time', { time }) },
      ...(decision.kind === 'accept'
        ? [
            { text: t('decision.metBy', { value: decision.handover.metBy }) },
            { text: t('decision.firstNight', { value: decision.handover.firstNight }) },
            { text: t('decision.firstContact', { value: decision.handover.firstContact }) },
          ]
        : []),
      ...(comments === '' ? [] : [{ text: t('decision.comments', { comments }) }]),
      { text: t('decision.check') },
    ],
  };
}

/**
 * Adds a reviewer's countersignature (an incremental update) carrying their decision in /Reason,
 * and draws the decision in the summary's next decision box (when the summary has visible ones).
 */
export async function countersignSummary(bytes: Uint8Array, identity: SignerIdentity, decision: Decision, options: CountersignOptions = {}): Promise<ExportedFile> {
  const date = options.date ?? new Date();
  const reason = formatDecisionReason(decision);
  const signed = await countersignPdf(bytes, {
    ...signOptions(identity, reason, date),
    appearance: async (box) => {
      const [{ lines, dir }, summaryFonts] = await Promise.all([decisionLines(decision, identity, date, options.language ?? 'en', options.ui), options.fonts ?? cachedFonts()]);
      return { pdf: await decisionAppearance(summaryFonts, lines, box, dir) };
    },
  });
  return { bytes: signed, fileName: summaryFileName('countersigned', date) };
}

/** A fresh self-signed identity for the fictional sample (never stored). */
export async function sampleIdentity(name = 'Sample Caseworker (fictional)', role = 'Caseworker'): Promise<SignerIdentity> {
  const organisation = 'Homeward Sample NGO (fictional)';
  const keys = await generateSigningKeyPair();
  const certificate = await createSelfSignedCertificate(keys, { cn: name, o: organisation });
  return { name, organisation, role, privateKey: keys.privateKey, certificatePem: certificateToPem(certificate), chainPem: [], verifiedByOrganisation: false };
}

/** The built-in fictional case, English with the person's Vietnamese alongside. */
export function sampleCase(createdAt = new Date(`${sample.now}T10:00:00Z`)): ExportCase {
  return {
    instrumentId: 'homeward-return',
    instrumentVersion: 1,
    answers: sample.answers,
    now: sample.now,
    caseReference: 'HW-SAMPLE-0001',
    workingLanguage: 'en',
    personLanguage: 'vi',
    signatures: [{ kind: 'caseworker', name: 'Sample Caseworker (fictional)', role: 'Caseworker', date: sample.now }],
    createdAt,
  };
}

/** Signed summary of the sample case. */
export async function exportSample(identity?: SignerIdentity): Promise<ExportedFile> {
  return exportSignedSummary(sampleCase(), identity ?? (await sampleIdentity()));
}

/** Adds a fictional supervisor's approval to a summary. */
export async function countersignSample(bytes: Uint8Array): Promise<ExportedFile> {
  const supervisor = await sampleIdentity('Sample Supervisor (fictional)', 'Supervisor');
  return countersignSummary(bytes, supervisor, { kind: 'approve', comments: 'Sample countersignature (fictional).' });
}
