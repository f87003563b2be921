// Certification attacks (Rohlmann et al., IEEE S&P 2021) on the countersignature workflow: an
// update shaped like a countersignature that also changes what page 1 shows. "Sneaky signature"
// (SSA): the new signature's own widget is visible and its appearance covers page 1 with other
// words. "Evil annotation" (EAA): annotations (free text, stamp, square, link with a script)
// arrive in the same update as the signature. Earlier signatures must say the document changed.
import type { AttackCase, Expectation } from '../support/cases';
import { selfSigned } from '../support/pki';
import { appendUpdate, arr, firstPage, name, num, pdf, readPdfIndex, ref, str, withEntries } from '../support/pdf-update';
import type { PdfObject } from '../support/pdf-update';
import type { World } from '../support/world';
import { appearance, helvetica, insider, laterSignature, selfSignedSigner, signedWith } from './edits';
import type { LaterSigner } from './edits';

const COVER = '1 1 1 rg 0 0 596 842 re f BT /Fa 20 Tf 0 0 0 rg 56 780 Td (Risk assessment summary) Tj 0 -40 Td (Recommendation: no impediment to return) Tj ET';
const LINE = '1 1 1 rg 0 0 500 40 re f BT /Fa 16 Tf 0 0 0 rg 8 14 Td (Recommendation: no impediment to return) Tj ET';

/** Assessor and supervisor signed; the attacker's signed update changes what page 1 shows. */
const certified = (signer: LaterSigner): Expectation => ({
  signatures: 3,
  trustable: [true, true, signer.trustable],
  changedAfter: ['yes', 'yes', null],
  pdfsig: [
    { sig: 0, wholeDocument: false, validation: { is: 'Signature is Valid.' } },
    { sig: 1, wholeDocument: false, validation: { is: 'Signature is Valid.' } },
  ],
});

export async function certificationCases(w: World): Promise<AttackCase[]> {
  const base = w.countersigned;
  const index = readPdfIndex(base);
  const size = index.size;
  const attacker = await selfSigned('Dana Reyes');
  const rect = (x1: number, y1: number, x2: number, y2: number) => arr(num(x1), num(y1), num(x2), num(y2));
  const font = helvetica(size);
  const annotation = (objectNum: number, subtype: string, entries: Record<string, ReturnType<typeof num>>): PdfObject => ({
    num: objectNum,
    value: pdf.dict({ Type: name('Annot'), Subtype: name(subtype), F: num(4), P: firstPage(index).ref, ...entries }),
  });

  const cases: AttackCase[] = [];
  let n = 1;
  for (const signer of [insider(w), selfSignedSigner(attacker)]) {
    const variants: [string, string, Promise<Uint8Array>][] = [
      [
        `sneaky-signature-widget-covers-page1-${signer.label}`,
        'the new signature’s widget is visible, page-sized, and its appearance redraws page 1 with "no impediment"',
        signedWith(base, signer, { objects: [font, appearance(size + 1, size, COVER, 596, 842)], widget: { Rect: rect(0, 0, 596, 842), F: num(4), AP: pdf.dict({ N: ref(size + 1) }) } }),
      ],
      [
        `sneaky-signature-widget-covers-recommendation-${signer.label}`,
        'the new signature’s widget covers only the recommendation line with a white box and other words',
        signedWith(base, signer, { objects: [font, appearance(size + 1, size, LINE, 500, 40)], widget: { Rect: rect(50, 600, 550, 640), F: num(4), AP: pdf.dict({ N: ref(size + 1) }) } }),
      ],
      [
        `evil-annotation-freetext-${signer.label}`,
        'a FreeText annotation with an opaque appearance over page 1 arrives with the signature',
        signedWith(base, signer, {
          objects: [font, appearance(size + 1, size, LINE, 500, 40), annotation(size + 2, 'FreeText', { Rect: rect(50, 600, 550, 640), AP: pdf.dict({ N: ref(size + 1) }), DA: str('/Fa 16 Tf 0 g'), Contents: str('Recommendation: no impediment') })],
          annotations: [size + 2],
        }),
      ],
      [
        `evil-annotation-stamp-${signer.label}`,
        'a Stamp annotation reading "APPROVED – no impediment" arrives with the signature',
        signedWith(base, signer, {
          objects: [font, appearance(size + 1, size, LINE, 500, 40), annotation(size + 2, 'Stamp', { Rect: rect(50, 600, 550, 640), AP: pdf.dict({ N: ref(size + 1) }), Name: name('Approved') })],
          annotations: [size + 2],
        }),
      ],
      [
        `evil-annotation-square-${signer.label}`,
        'a Square annotation whose appearance hides the recommendation arrives with the signature',
        signedWith(base, signer, {
          objects: [font, appearance(size + 1, size, '1 1 1 rg 0 0 500 200 re f', 500, 200), annotation(size + 2, 'Square', { Rect: rect(50, 450, 550, 650), AP: pdf.dict({ N: ref(size + 1) }) })],
          annotations: [size + 2],
        }),
      ],
      [
        `evil-annotation-link-javascript-${signer.label}`,
        'a page-sized Link annotation with a JavaScript action arrives with the signature',
        signedWith(base, signer, {
          objects: [{ num: size, value: pdf.dict({ Type: name('Annot'), Subtype: name('Link'), Rect: rect(0, 0, 596, 842), F: num(4), A: pdf.dict({ S: name('JavaScript'), JS: str("app.alert('Approved: no impediment.');") }) }) }],
          annotations: [size],
        }),
      ],
    ];
    for (const [slug, attack, bytes] of variants) {
      cases.push({ file: `certification-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `after the supervisor’s approval, ${attack} (${signer.label} signer)`, bytes: await bytes, expect: certified(signer) });
    }
  }
  // The annotation in its own unsigned update just before an otherwise ordinary countersignature.
  const pageNum = firstPage(index).ref.num;
  const withAnnotation = appendUpdate(base, [
    font,
    appearance(size + 1, size, LINE, 500, 40),
    annotation(size + 2, 'FreeText', { Rect: rect(50, 600, 550, 640), AP: pdf.dict({ N: ref(size + 1) }) }),
    { num: pageNum, value: withEntries(firstPage(index).dict, { Annots: arr(...annotsOf(index), ref(size + 2)) }) },
  ]);
  cases.push({
    file: `certification-${String(n).padStart(2, '0')}-evil-annotation-in-update-before-trusted-insider-signature.pdf`,
    attack: 'a FreeText overlay added in an unsigned update, then a trusted insider’s ordinary countersignature',
    bytes: await laterSignature(withAnnotation, insider(w)),
    expect: certified(insider(w)),
  });
  return cases;
}

function annotsOf(index: ReturnType<typeof readPdfIndex>) {
  const annots = firstPage(index).dict.entries.get('Annots');
  return annots?.kind === 'array' ? annots.items : [];
}
