/**
 * The machine-readable copy of the assessment embedded in the summary as `assessment.json`
 * (AFRelationship Data; no personal data in the file name), and the reader the verify screen
 * uses to get it back. The blob carries a format name and version; readers reject others.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { withNameOnlyIfChosen } from './person-name';
import type { SummaryInput } from './types';

export const ATTACHMENT_NAME = 'assessment.json';
export const ATTACHMENT_FORMAT = 'homeward-assessment';
export const ATTACHMENT_VERSION = 1;

export function summaryAttachment(given: SummaryInput): unknown {
  const input = withNameOnlyIfChosen(given);
  const language = (t: SummaryInput['working']) => ({ code: t.language.code, dir: t.language.dir, reviewed: t.language.reviewed });
  return {
    format: ATTACHMENT_FORMAT,
    version: ATTACHMENT_VERSION,
    instrument: { id: input.instrument.id, version: input.instrument.version, sha256: input.instrumentHash },
    metadata: {
      caseReference: input.caseReference,
      ...(input.personName !== undefined && input.personName.trim() !== '' ? { personName: input.personName } : {}),
      assessmentDate: input.now,
      createdAt: input.createdAt.toISOString(),
      assessor: { ...input.assessor },
      ...(input.supersedes !== undefined ? { supersedes: input.supersedes } : {}),
      identityVerified: input.identityVerified,
      signatures: input.signatures.map((s) => ({ kind: s.kind, name: s.name, role: s.role, date: s.date, drawn: s.image !== undefined })),
    },
    languages: {
      working: language(input.working),
      ...(input.person && input.person.language.code !== input.working.language.code ? { person: language(input.person) } : {}),
    },
    answers: input.answers,
    result: input.result,
  };
}

export function attachmentBytes(input: SummaryInput): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(summaryAttachment(input), null, 1));
}

function findInNameTree(node: PDFDict, name: string, depth = 0): PDFDict | undefined {
  if (depth > 16) return undefined;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if ((key instanceof PDFString || key instanceof PDFHexString) && key.decodeText() === name) {
        const spec = names.lookup(i + 1);
        if (spec instanceof PDFDict) return spec;
      }
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    const hit = kid instanceof PDFDict ? findInNameTree(kid, name, depth + 1) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** The embedded assessment JSON of a summary PDF (signed or not), or null when there is none. */
export async function readSummaryAttachment(pdf: Uint8Array): Promise<unknown> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const spec = tree ? findInNameTree(tree, ATTACHMENT_NAME) : undefined;
  const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) return null;
  const text = new TextDecoder().decode(decodePDFRawStream(stream).decode());
  return JSON.parse(text) as unknown;
}
