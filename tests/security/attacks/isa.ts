// ISA, incremental saving attack (Mladenov et al., CCS 2019): content appended after a signature
// in a new revision. Without a later signature, the newest bytes are signed by nobody; with one,
// a signature covers the whole file but an earlier signer never saw what the update changed.
import type { AttackCase, Expectation } from '../support/cases';
import { selfSigned } from '../support/pki';
import { appendUpdate, arr, catalog, firstPage, name, pdf, readPdfIndex, ref, str, withEntries } from '../support/pdf-update';
import type { World } from '../support/world';
import {
  attackerPageObjects,
  catalogWithAttackerAttachment,
  foreignSigner,
  insider,
  laterSignature,
  pageContentNum,
  pageWithAttackerText,
  pathConfusionSigner,
  replaceAttachment,
  selfSignedSigner,
  signedWith,
  ATTACKER_PAGE,
} from './edits';

/** Nobody signed the newest revision: never valid, and pdfsig must not say the whole file is signed. */
const unsigned = (signatures: number): Expectation => ({
  changedAfter: Array.from({ length: signatures }, () => 'yes' as const),
  trustable: Array.from({ length: signatures }, () => true),
  pdfsig: [{ sig: signatures - 1, wholeDocument: false }],
});

/** A later signature covers the change: every earlier signature must say the document changed after it. */
const laterSigned = (earlier: number, newestTrustable: boolean): Expectation => ({
  signatures: earlier + 1,
  changedAfter: [...Array.from({ length: earlier }, () => 'yes' as const), null],
  trustable: [...Array.from({ length: earlier }, () => true), newestTrustable],
  pdfsig: [
    ...Array.from({ length: earlier }, (_v, sig) => ({ sig, wholeDocument: false, validation: { is: 'Signature is Valid.' } })),
    ...(newestTrustable ? [] : [{ sig: earlier, certificate: { isNot: 'Certificate is Trusted.' } }]),
  ],
});

export async function isaCases(w: World): Promise<AttackCase[]> {
  const signed = w.signed;
  const size = readPdfIndex(signed).size;
  const newAttachment = appendUpdate(signed, replaceAttachment(w, signed));
  const attacker = await selfSigned('Dana Reyes');
  const foreign = await w.foreign.issue('Dana Reyes');
  const root = catalog(readPdfIndex(signed));
  const page = firstPage(readPdfIndex(signed));
  const openAction = pdf.dict({ S: name('JavaScript'), JS: str("app.alert('The assessment was approved.');") });

  const cases: AttackCase[] = [
    {
      file: 'isa-01-attachment-replaced-no-signature.pdf',
      attack: 'an unsigned update redefines assessment.json (same object number) with the attacker’s assessment',
      bytes: newAttachment,
      expect: unsigned(1),
    },
    {
      file: 'isa-02-new-attachment-in-catalog-no-signature.pdf',
      attack: 'an unsigned update rewrites the catalog so /Names lists a new assessment.json',
      bytes: appendUpdate(signed, catalogWithAttackerAttachment(w, signed, size)),
      expect: unsigned(1),
    },
    {
      file: 'isa-03-page1-content-stream-replaced-no-signature.pdf',
      attack: 'an unsigned update redefines page 1’s content stream (same object number)',
      bytes: appendUpdate(signed, [{ num: pageContentNum(signed), stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } }]),
      expect: unsigned(1),
    },
    {
      file: 'isa-04-page1-new-text-no-signature.pdf',
      attack: 'an unsigned update draws "Recommendation: no impediment" over page 1 (new content, new font, page rewritten)',
      bytes: appendUpdate(signed, attackerPageObjects(signed)),
      expect: unsigned(1),
    },
    {
      file: 'isa-05-catalog-openaction-no-signature.pdf',
      attack: 'an unsigned update adds a JavaScript /OpenAction to the catalog',
      bytes: appendUpdate(signed, [{ num: root.ref.num, value: withEntries(root.dict, { OpenAction: openAction }) }]),
      expect: unsigned(1),
    },
    {
      file: 'isa-06-trailer-root-new-catalog-no-signature.pdf',
      attack: 'an unsigned update adds a new catalog carrying the attacker’s attachment and points the trailer’s /Root at it',
      bytes: appendUpdate(signed, catalogWithAttackerAttachment(w, signed, size, size + 2), { trailer: { Root: ref(size + 2) } }),
      expect: unsigned(1),
    },
    {
      file: 'isa-07-attachment-replaced-without-xref.pdf',
      attack: 'the new assessment.json is appended with no xref section (the old startxref copied after it), for viewers that repair files',
      bytes: appendUpdate(signed, replaceAttachment(w, signed), { ending: 'none' }),
      expect: unsigned(1),
    },
    {
      file: 'isa-08-attachment-replaced-broken-xref.pdf',
      attack: 'the new assessment.json is appended with an xref section whose offsets are wrong',
      bytes: appendUpdate(signed, replaceAttachment(w, signed), { ending: 'broken' }),
      expect: unsigned(1),
    },
    {
      file: 'isa-09-attachment-replaced-trailer-only.pdf',
      attack: 'the new assessment.json is appended with a trailer but no xref section',
      bytes: appendUpdate(signed, replaceAttachment(w, signed), { ending: 'trailer-only' }),
      expect: unsigned(1),
    },
    {
      file: 'isa-10-attachment-replaced-after-approval-no-signature.pdf',
      attack: 'after the supervisor’s approval, an unsigned update replaces assessment.json',
      bytes: appendUpdate(w.countersigned, replaceAttachment(w, w.countersigned)),
      expect: unsigned(2),
    },
  ];

  const signers = [insider(w), selfSignedSigner(attacker), pathConfusionSigner(w, attacker), foreignSigner(foreign)];
  let n = 11;
  for (const signer of signers) {
    cases.push({
      file: `isa-${n++}-attachment-replaced-then-${signer.label}-signs.pdf`,
      attack: `assessment.json replaced in an unsigned update, then a ${signer.label} signer countersigns the whole file`,
      bytes: await laterSignature(newAttachment, signer),
      expect: laterSigned(1, signer.trustable),
    });
  }
  for (const signer of [insider(w), pathConfusionSigner(w, attacker)]) {
    cases.push({
      file: `isa-${n++}-attachment-replaced-and-${signer.label}-signature-in-one-update.pdf`,
      attack: `the new assessment.json and a ${signer.label} countersignature are written in the same update`,
      bytes: await signedWith(signed, signer, { objects: replaceAttachment(w, signed) }),
      expect: laterSigned(1, signer.trustable),
    });
  }
  const size2 = readPdfIndex(w.countersigned).size;
  const approvedThenChanged = appendUpdate(w.countersigned, replaceAttachment(w, w.countersigned));
  cases.push(
    {
      file: `isa-${n++}-page1-text-and-trusted-insider-signature-in-one-update.pdf`,
      attack: 'page 1 gets "Recommendation: no impediment" in the same update as a trusted insider’s countersignature',
      bytes: await signedWith(signed, insider(w), { objects: attackerPageObjects(signed).slice(0, 2), page: (dict) => pageWithAttackerText(dict, size, size + 1) }),
      expect: laterSigned(1, true),
    },
    {
      file: `isa-${n++}-after-approval-attachment-replaced-then-trusted-insider-signs.pdf`,
      attack: 'after the supervisor approved, assessment.json is replaced and a trusted insider countersigns: the approval now sits beside the attacker’s assessment',
      bytes: await laterSignature(approvedThenChanged, insider(w)),
      expect: laterSigned(2, true),
    },
    {
      file: `isa-${n++}-after-approval-root-swapped-then-self-signed-signs.pdf`,
      attack: 'after the approval, the trailer’s /Root is pointed at a new catalog with the attacker’s attachment, then a self-signed key countersigns',
      bytes: await laterSignature(
        appendUpdate(w.countersigned, catalogWithAttackerAttachment(w, w.countersigned, size2, size2 + 2), { trailer: { Root: ref(size2 + 2) } }),
        selfSignedSigner(attacker),
      ),
      expect: laterSigned(2, false),
    },
    {
      file: `isa-${n++}-catalog-names-replaced-then-path-confusion-signs.pdf`,
      attack: 'the catalog’s /Names are rewritten to a new assessment.json, then a self-signed key carrying the organisation’s certificates countersigns',
      bytes: await laterSignature(appendUpdate(signed, catalogWithAttackerAttachment(w, signed, size)), pathConfusionSigner(w, attacker)),
      expect: laterSigned(1, false),
    },
    {
      file: `isa-${n}-page1-annotation-array-emptied-then-trusted-insider-signs.pdf`,
      attack: 'page 1’s /Annots array is emptied (the assessor’s signature widget removed from view), then a trusted insider countersigns',
      bytes: await laterSignature(
        appendUpdate(signed, [{ num: page.ref.num, value: withEntries(page.dict, { Annots: arr() }) }]),
        insider(w),
      ),
      expect: laterSigned(1, true),
    },
  );
  return cases;
}
