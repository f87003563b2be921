// Attachment ambiguity (independent review of issue 12's verifier, probe p10): a malicious assessor
// signs, with their genuine certificate, a summary whose assessment.json is not one unambiguous
// file: the file specification's /EF also names the attacker's stream under /UF (pdf.js reads /UF,
// the app read /F), the EmbeddedFiles tree lists a second assessment.json (readers that key
// attachments by name keep the last one), the specification carries related files (/RF), or page 1
// carries a FileAttachment annotation with the attacker's assessment.json (pdfdetach lists it).
// The app showed the genuine assessment as valid, and the supervisor approved it, while other
// readers hand out the attacker's. Each file is checked as signed by the assessor and once approved.
import type { AttackCase } from '../support/cases';
import { appendUpdate, arr, attachment, catalog, dictOf, firstPage, name, num, pdf, readPdfIndex, ref, resolve, str, text, withEntries } from '../support/pdf-update';
import type { PdfDict, PdfObject } from '../support/pdf-update';
import { appCms, signFirst } from '../support/sign';
import { reviewerSigns } from '../support/world';
import type { World } from '../support/world';
import { assessorFields, attachmentStream } from './edits';

/** Which reader hands out the attacker's assessment.json (attachment.test.ts checks the poppler ones). */
export type AttachmentPremise = 'pdfdetach lists two files' | 'pdf.js (reads /UF)' | 'readers that take /RF' | 'pdf.js (keys attachments by name: the last wins)';

export interface AttachmentCase extends AttackCase {
  readonly premise: AttachmentPremise;
}

/** A file specification for assessment.json whose data is stream `streamNum`. */
function fileSpec(objectNum: number, streamNum: number): PdfObject {
  return { num: objectNum, value: pdf.dict({ Type: name('Filespec'), F: str('assessment.json'), UF: text('assessment.json'), AFRelationship: name('Data'), EF: pdf.dict({ F: ref(streamNum) }) }) };
}

/** The objects that make the summary's attachment ambiguous, one way per variant; `first` is a free object number. */
function variants(w: World, first: number): [string, string, AttachmentPremise, PdfObject[]][] {
  const index = readPdfIndex(w.unsigned);
  const { spec } = attachment(index);
  const specDict = dictOf(index, spec, 'the file specification');
  const ef = dictOf(index, specDict.entries.get('EF'), '/EF');
  const root = catalog(index);
  const names = dictOf(index, root.dict.entries.get('Names'), '/Names');
  const tree = dictOf(index, names.entries.get('EmbeddedFiles'), '/EmbeddedFiles');
  const listed = resolve(index, tree.entries.get('Names'));
  const page = firstPage(index);
  const annots = resolve(index, page.dict.entries.get('Annots'));
  const withSpec = (entries: Record<string, ReturnType<typeof ref> | PdfDict>): PdfObject => ({ num: spec.num, value: withEntries(specDict, entries) });
  return [
    ['uf-names-another-stream', 'the file specification’s /EF keeps the genuine stream under /F and names the attacker’s under /UF', 'pdf.js (reads /UF)', [attachmentStream(w, first), withSpec({ EF: withEntries(ef, { UF: ref(first) }) })]],
    [
      'second-entry-in-embedded-files',
      'the EmbeddedFiles tree lists a second assessment.json (the attacker’s) after the genuine one',
      'pdf.js (keys attachments by name: the last wins)',
      [
        attachmentStream(w, first),
        fileSpec(first + 1, first),
        { num: root.ref.num, value: withEntries(root.dict, { Names: withEntries(names, { EmbeddedFiles: pdf.dict({ Names: arr(...(listed?.kind === 'array' ? listed.items : []), text('assessment.json'), ref(first + 1)) }) }) }) },
      ],
    ],
    ['related-files', 'the file specification carries related files (/RF) holding the attacker’s assessment.json', 'readers that take /RF', [attachmentStream(w, first), { num: first + 1, value: arr(str('assessment.json'), ref(first)) }, withSpec({ RF: pdf.dict({ F: ref(first + 1) }) })]],
    [
      'file-attachment-annotation',
      'page 1 carries a FileAttachment annotation whose file is the attacker’s assessment.json',
      'pdfdetach lists two files',
      [
        attachmentStream(w, first),
        fileSpec(first + 1, first),
        { num: first + 2, value: pdf.dict({ Type: name('Annot'), Subtype: name('FileAttachment'), Rect: arr(num(20), num(20), num(40), num(40)), FS: ref(first + 1), Contents: text('assessment.json'), Name: name('Paperclip') }) },
        { num: page.ref.num, value: withEntries(page.dict, { Annots: arr(...(annots?.kind === 'array' ? annots.items : []), ref(first + 2)) }) },
      ],
    ],
  ];
}

export async function attachmentCases(w: World): Promise<AttachmentCase[]> {
  const cases: AttachmentCase[] = [];
  let n = 1;
  for (const [slug, what, premise, objects] of variants(w, readPdfIndex(w.unsigned).size)) {
    // The malicious assessor signs the prepared summary (signing makes it one revision) with their genuine certificate.
    const signed = await signFirst(appendUpdate(w.unsigned, objects), assessorFields(), appCms(w.caseworker));
    cases.push({ file: `attachment-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `the assessor signs a summary where ${what}`, bytes: signed, expect: { trustable: [true] }, premise });
    cases.push({
      file: `attachment-${String(n++).padStart(2, '0')}-${slug}-approved.pdf`,
      attack: `the same, approved by the supervisor, who saw the genuine assessment`,
      bytes: await reviewerSigns(signed, w.supervisor, 'Dana Reyes', 'Supervisor'),
      expect: { trustable: [true, true] },
      premise,
    });
  }
  return cases;
}
