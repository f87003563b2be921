// WARNING: signing code. Copies a drawn page from a small PDF made for the purpose (pdf-lib, with
// the summary's own shaped, multilingual text) into a signed file's incremental update, as the
// Form XObject a countersignature's widget shows. Every object is renumbered into fresh numbers
// of the target: nothing of the signed revision is touched, and the verifier permits exactly the
// new objects reachable from the filled widget's /AP (src/export/verify/changes.ts).
import { PdfStructureError, pdf } from './pdf-syntax';
import type { PdfDict, PdfValue } from './pdf-syntax';
import { getObject, readPdfIndex, resolve, streamData, trailerRef } from './xref';
import type { PdfIndex } from './xref';

export interface NewObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfValue;
  /** Raw (still encoded) stream data, for a stream object. */
  readonly data?: Uint8Array;
}

/** A one-page PDF whose page is the appearance to show, drawn at the box's size. */
export interface AppearanceSource {
  readonly pdf: Uint8Array;
}

const MAX_OBJECTS = 200;

function firstPage(index: PdfIndex): PdfDict {
  const catalog = resolve(index, trailerRef(index, 'Root'));
  const pages = catalog?.kind === 'dict' ? resolve(index, catalog.entries.get('Pages')) : undefined;
  const kids = pages?.kind === 'dict' ? resolve(index, pages.entries.get('Kids')) : undefined;
  const page = kids?.kind === 'array' ? resolve(index, kids.items[0]) : undefined;
  if (page?.kind !== 'dict') throw new PdfStructureError('The appearance has no page.');
  return page;
}

/** `value` with every reference renumbered through `map` (filled on the way, from `next`). */
function renumber(value: PdfValue, map: Map<number, number>, next: () => number, queue: number[]): PdfValue {
  switch (value.kind) {
    case 'ref': {
      let num = map.get(value.num);
      if (num === undefined) {
        num = next();
        map.set(value.num, num);
        queue.push(value.num);
      }
      return pdf.ref(num);
    }
    case 'array':
      return pdf.array(value.items.map((item) => renumber(item, map, next, queue)));
    case 'dict':
      return { kind: 'dict', entries: new Map([...value.entries].map(([key, item]) => [key, renumber(item, map, next, queue)])), start: -1, end: -1 };
    default:
      return value;
  }
}

/**
 * The appearance page as a Form XObject (/BBox = the page's MediaBox) and every object its
 * content and resources need, numbered from `firstNum`. Returns the objects and the form's number.
 */
export function pageAsForm(source: AppearanceSource, firstNum: number): { objects: NewObject[]; form: number } {
  const index = readPdfIndex(source.pdf);
  const page = firstPage(index);
  const contents = page.entries.get('Contents');
  const contentRef = contents?.kind === 'array' && contents.items.length === 1 ? contents.items[0] : contents;
  if (contentRef?.kind !== 'ref') throw new PdfStructureError('The appearance page must have one content stream.');
  const content = getObject(index, contentRef.num);
  if (content.value.kind !== 'dict') throw new PdfStructureError('The appearance content is not a stream.');
  let counter = firstNum;
  const next = () => counter++;
  const form = next();
  const map = new Map<number, number>();
  const queue: number[] = [];
  const resources = renumber(page.entries.get('Resources') ?? pdf.dict({}), map, next, queue);
  const filter = content.value.entries.get('Filter');
  const formDict = pdf.dict({
    Type: pdf.name('XObject'),
    Subtype: pdf.name('Form'),
    BBox: page.entries.get('MediaBox') ?? pdf.array([pdf.num(0), pdf.num(0), pdf.num(0), pdf.num(0)]),
    Resources: resources,
    ...(filter === undefined ? {} : { Filter: filter }),
  });
  const objects: NewObject[] = [{ num: form, gen: 0, value: formDict, data: streamData(index, content) }];
  for (let old = queue.shift(); old !== undefined; old = queue.shift()) {
    if (objects.length > MAX_OBJECTS) throw new PdfStructureError('The appearance needs too many objects.');
    const object = getObject(index, old);
    const value = renumber(object.value, map, next, queue);
    objects.push({ num: map.get(old) ?? next(), gen: 0, value, ...(object.isStream ? { data: streamData(index, object) } : {}) });
  }
  return { objects, form };
}
