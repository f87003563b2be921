// Recovery attacks (independent review of issue 12's verifier, probes p3 and p8): a countersignature
// update whose table lists only the countersignature, while the same update also writes objects no
// table lists: page 1 and assessment.json redefined under their genuine object numbers, in the
// update itself or hidden inside the data of the countersignature's own (permitted) appearance
// stream. Readers that call the table damaged REBUILD it by scanning the file and take the last
// "N G obj" of each number; a verifier that follows the table sees the genuine page and
// assessment beside a valid countersignature, those readers show the attacker's. What makes a
// reader rebuild: object 0 in use (pdf.js), a generation past 65535 (poppler), a /Prev that is not
// a whole number (poppler), an entry line of the wrong length; poppler also rebuilds when it cannot
// fetch an object it needs: a /Sig entry that names a missing object, a /V whose generation is not
// the table's. And the redefinitions themselves may be written as those readers' scanners accept
// them but a stricter pattern does not: an object number with leading zeros (13 digits), a
// generation of 6 digits. The trusted insider and a self-signed key each sign, after the
// supervisor's approval.
import { deflateSync } from 'node:zlib';
import { concatBytes, ascii } from '../../../src/export/signing/bytes';
import type { AttackCase, Expectation } from '../support/cases';
import { handCountersignature, objectsBytes, rawNumber } from '../support/hand-update';
import type { HandUpdate } from '../support/hand-update';
import { selfSigned } from '../support/pki';
import { arr, attachment, dictOf, firstPage, name, num, pdf, readPdfIndex, ref, serialize, withEntries } from '../support/pdf-update';
import type { PdfObject } from '../support/pdf-update';
import type { World } from '../support/world';
import { ATTACKER_PAGE, attachmentStream, fields, helvetica, insider, selfSignedSigner } from './edits';
import type { LaterSigner } from './edits';

/** What a rebuilding reader shows of the attacker's, so that the case proves something (recovery.test.ts checks it with poppler). */
export interface Premise {
  /**
   * 'poppler': poppler rebuilds this very file (pdftotext, pdfdetach). 'forced': the trigger is
   * one another reader acts on (`reader`), so poppler is made to rebuild the same bytes (the
   * final startxref zeroed) to show what such a reader sees.
   */
  readonly rebuild: 'poppler' | 'forced';
  readonly reader: string;
  /** Page 1's text (pdftotext) and/or assessment.json (pdfdetach -save 1) are the attacker's. */
  readonly shows: readonly ('page 1' | 'assessment.json')[];
}

export interface RecoveryCase extends AttackCase {
  /** null: no reader installed here rebuilds the file so (the attack says which readers do). */
  readonly premise: Premise | null;
}

/** Approval, then the attacker's update: refused or modified, never the attacker's assessment; both earlier signatures changed after. */
const hidden = (signer: LaterSigner): Expectation => ({ trustable: [true, true, signer.trustable], changedAfter: ['yes', 'yes', null] });

/** Page 1's line as the attacker redraws it (the whole page is replaced). */
export const ATTACKER_LINE = 'Recommendation: no impediment';

const BOTH = ['page 1', 'assessment.json'] as const;
const ANY_REBUILDING_READER: Premise = { rebuild: 'forced', reader: 'any reader that rebuilds the table (none is forced to here)', shows: BOTH };

interface Trigger {
  readonly slug: string;
  readonly what: string;
  readonly premise: Premise;
  readonly update: (base: Uint8Array, spare: number) => HandUpdate;
}

/** Triggers the review found (the verifier now refuses each of them). */
const TABLE_TRIGGERS: readonly Trigger[] = [
  {
    slug: 'object-0-in-use',
    what: 'its table marks object 0 as in use (pdf.js: "unexpected first object", rebuilds)',
    premise: { rebuild: 'forced', reader: 'pdf.js', shows: BOTH },
    update: (base) => ({ extraXref: `0 1\n${String(base.length + 1).padStart(10, '0')} 00000 n\r\n` }),
  },
  {
    slug: 'generation-past-65535',
    what: 'its table holds a free entry with generation 2147483648 (poppler: not an integer, rebuilds)',
    premise: { rebuild: 'poppler', reader: 'poppler', shows: BOTH },
    update: (_base, spare) => ({ extraXref: `${spare} 1\n0000000000 2147483648 f\r\n` }),
  },
  {
    slug: 'prev-not-a-whole-number',
    what: 'its trailer says /Prev 123.0 (the right offset written as a real: poppler stops there, misses the older objects, rebuilds)',
    premise: { rebuild: 'poppler', reader: 'poppler', shows: BOTH },
    update: () => ({ trailer: (trailer, prev) => trailer.set('Prev', rawNumber(prev, `${prev}.0`)) }),
  },
  {
    slug: 'entry-line-of-19-bytes',
    what: 'one entry of its table ends with a single line feed (19 bytes: a reader stepping through the table 20 bytes at a time misreads every later entry)',
    premise: { rebuild: 'forced', reader: 'readers that step through the table 20 bytes at a time', shows: BOTH },
    update: () => ({ entryLine: (line) => line.replace(' n\r\n', ' n\n') }),
  },
  { slug: 'no-rebuild-trigger', what: 'its table is well formed', premise: ANY_REBUILDING_READER, update: () => ({}) },
];

/** Triggers poppler acts on while reading the signatures (before pdfdetach saves a file, before a viewer lists signatures). */
const FETCH_TRIGGERS: readonly Trigger[] = [
  {
    slug: 'sig-location-names-a-missing-object',
    what: 'its /Sig dictionary’s /Location names an object that does not exist (poppler fetches it when reading the signature, fails, rebuilds)',
    premise: { rebuild: 'poppler', reader: 'poppler', shows: ['assessment.json'] },
    update: (_base, spare) => ({ signature: { Location: ref(spare) } }),
  },
  {
    slug: 'sig-object-generation-1-named-as-0',
    what: 'its /Sig object is written and listed with generation 1 while the field’s /V says "0 R" (poppler: generation mismatch, rebuilds)',
    premise: { rebuild: 'poppler', reader: 'poppler', shows: ['assessment.json'] },
    update: () => ({ signatureGen: 1 }),
  },
  { slug: 'no-rebuild-trigger', what: 'its table is well formed', premise: ANY_REBUILDING_READER, update: () => ({}) },
];

/** How the unlisted redefinitions' "N G obj" are written. */
const HEADERS: readonly { slug: string; what: string; header: (num: number, gen: number) => string }[] = [
  { slug: 'object-numbers-of-13-digits', what: 'each "N 0 obj" written with the number padded to 13 digits', header: (n, gen) => `${String(n).padStart(13, '0')} ${gen} obj` },
  { slug: 'generations-of-6-digits', what: 'each "N 0 obj" written with a 6-digit generation (000000)', header: (n, gen) => `${n} ${String(gen).padStart(6, '0')} obj` },
];

/** The attacker's page 1 (only their text, with a Helvetica of their own) and assessment.json, under the genuine object numbers. */
function redefinitions(w: World, base: Uint8Array, first: number): PdfObject[] {
  const index = readPdfIndex(base);
  const page = firstPage(index);
  return [
    { num: first, stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } },
    helvetica(first + 1),
    { num: page.ref.num, value: withEntries(page.dict, { Contents: ref(first), Resources: pdf.dict({ Font: pdf.dict({ Fa: ref(first + 1) }) }) }) },
    attachmentStream(w, attachment(index).stream.num),
  ];
}

/**
 * An object stream (number `objNum`) whose /Type is written /Obj#53tm (the same name, /ObjStm, once
 * its escape is decoded), holding page 1's dictionary and assessment.json's file specification
 * redefined to point at the attacker's content and stream (written plainly, under new numbers).
 */
function objectStreamRedefinitions(w: World, base: Uint8Array, first: number, objNum: number): Uint8Array {
  const index = readPdfIndex(base);
  const page = firstPage(index);
  const { spec } = attachment(index);
  const inner = [
    { num: page.ref.num, text: serialize(withEntries(page.dict, { Contents: ref(first), Resources: pdf.dict({ Font: pdf.dict({ Fa: ref(first + 1) }) }) })) },
    { num: spec.num, text: serialize(withEntries(dictOf(index, spec, 'the file specification'), { EF: pdf.dict({ F: ref(first + 2) }) })) },
  ];
  let header = '';
  let body = '';
  for (const item of inner) {
    header += `${item.num} ${body.length} `;
    body += `${item.text}\n`;
  }
  const data = new Uint8Array(deflateSync(ascii(header + body)));
  const plain = objectsBytes([{ num: first, stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } }, helvetica(first + 1), attachmentStream(w, first + 2)]);
  const stream = concatBytes([ascii(`${objNum} 0 obj\n<< /Type /Obj#53tm /N ${inner.length} /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, ascii('\nendstream\nendobj\n')]);
  return concatBytes([plain, stream]);
}

/** Where the unlisted definitions go: after the listed objects, or inside the countersignature's appearance stream. */
function placed(where: 'update' | 'appearance', bytes: Uint8Array, appearanceNum: number): HandUpdate {
  if (where === 'update') return { unlisted: bytes };
  // The appearance's data: a comment and a stray keyword (drawn as nothing), then the definitions.
  const data = concatBytes([ascii('%\nendobj\n'), bytes]);
  return {
    listed: [{ num: appearanceNum, stream: { dict: pdf.dict({ Type: name('XObject'), Subtype: name('Form'), BBox: arr(num(0), num(0), num(1), num(1)) }), data } }],
    widget: (field) => withEntries(field, { AP: pdf.dict({ N: ref(appearanceNum) }) }),
  };
}

export async function recoveryCases(w: World): Promise<RecoveryCase[]> {
  const signers = [insider(w), selfSignedSigner(await selfSigned('Dana Reyes'))];
  const base = w.countersigned;
  const size = readPdfIndex(base).size;
  // The countersignature takes `size`, its appearance `size + 1`; the attacker's new objects and a spare (free, missing) number come after.
  const objects = redefinitions(w, base, size + 10);
  const spare = size + 20;
  const cases: RecoveryCase[] = [];
  let n = 1;
  const add = async (slug: string, attack: string, signer: LaterSigner, update: HandUpdate, premise: Premise): Promise<void> => {
    cases.push({
      file: `recovery-${String(n++).padStart(2, '0')}-${slug}-${signer.label}.pdf`,
      attack: `after the supervisor’s approval, a ${signer.label} countersignature whose table lists only itself, while ${attack}`,
      bytes: await handCountersignature(base, fields(signer.name), signer.cms, update),
      expect: hidden(signer),
      premise,
    });
  };
  // The review's files: plain "N 0 obj" redefinitions, which the verifier's scan must find.
  for (const where of ['update', 'appearance'] as const) {
    const inside = where === 'update' ? 'in the update' : 'inside the data of the countersignature’s appearance stream';
    for (const trigger of TABLE_TRIGGERS) {
      for (const signer of signers) {
        const slug = `unlisted-page1-and-attachment-${where === 'update' ? 'in-update' : 'in-appearance-stream'}-${trigger.slug}`;
        await add(slug, `page 1 and assessment.json are redefined ${inside}; ${trigger.what}`, signer, { ...placed(where, objectsBytes(objects), size + 1), ...trigger.update(base, spare) }, trigger.premise);
      }
    }
  }
  // Redefinitions written as rebuilding readers accept them, with triggers the verifier does not refuse.
  for (const { slug: headerSlug, what, header } of HEADERS) {
    for (const trigger of FETCH_TRIGGERS) {
      for (const signer of trigger.slug === 'no-rebuild-trigger' ? signers.slice(0, 1) : signers) {
        const update = { ...placed('update', objectsBytes(objects, header), size + 1), ...trigger.update(base, spare) };
        await add(`unlisted-redefinitions-${headerSlug}-${trigger.slug}`, `page 1 and assessment.json are redefined in the update, ${what}; ${trigger.what}`, signer, update, trigger.premise);
      }
    }
  }
  // An object stream no strict pattern finds (its /Type escaped); poppler since 2026 (after 22.12) and xpdf 4.03 read object streams they find while rebuilding.
  const [firstFetchTrigger] = FETCH_TRIGGERS;
  const [trustedInsider] = signers;
  if (firstFetchTrigger === undefined || trustedInsider === undefined) throw new Error('no trigger or signer');
  cases.push({
    file: `recovery-${String(n).padStart(2, '0')}-object-stream-type-name-escaped-${firstFetchTrigger.slug}-${trustedInsider.label}.pdf`,
    attack: `after the supervisor’s approval, a ${trustedInsider.label} countersignature whose update also holds an object stream (/Type /Obj#53tm, i.e. /ObjStm) redefining page 1’s dictionary and assessment.json’s file specification; ${firstFetchTrigger.what}. Readers that take object streams into a rebuilt table (poppler after 22.12, xpdf 4.03) then show the attacker’s; the installed poppler 22.12 does not, so this file has no premise test`,
    bytes: await handCountersignature(base, fields(trustedInsider.name), trustedInsider.cms, { unlisted: objectStreamRedefinitions(w, base, size + 10, size + 15), ...firstFetchTrigger.update(base, spare) }),
    expect: hidden(trustedInsider),
    premise: null,
  });
  return cases;
}
