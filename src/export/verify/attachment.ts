// WARNING: part of the verifier. The embedded assessment a reviewer reads must be the one the
// assessor signed: it is read from the first signed revision, through the verifier's own
// cross-reference index (catalog → /Names → /EmbeddedFiles → file specification → /EF /F), never by
// scanning the file, which could find a second, unreferenced copy or one added later. It is
// inflated with an output limit, and only for a file that verified.
import { decodeText } from '../signing/pdf-syntax';
import type { PdfDict, PdfValue } from '../signing/pdf-syntax';
import { getObject, resolve, streamData, trailerRef } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import { inflateLimited } from './inflate';
import { LIMITS, VerifyLimitError } from './limits';
import type { Budget } from './limits';

export class AttachmentError extends Error {
  override name = 'AttachmentError';
}

const MAX_NAME_TREE_DEPTH = 8;

function dict(index: PdfIndex, value: PdfValue | undefined, what: string): PdfDict {
  const found = resolve(index, value);
  if (found?.kind !== 'dict') throw new AttachmentError(`${what} is missing.`);
  return found;
}

/** Every (name, file specification) of the EmbeddedFiles name tree; each node is read once. */
function entries(index: PdfIndex, node: PdfDict, budget: Budget, depth: number, seen: Set<PdfDict>, out: [string, PdfValue][]): void {
  if (depth > MAX_NAME_TREE_DEPTH) throw new AttachmentError('The attachment list is nested too deeply.');
  if (seen.has(node)) throw new AttachmentError('The attachment list reaches one of its branches more than once.');
  seen.add(node);
  budget.visit();
  const names = resolve(index, node.entries.get('Names'));
  if (names?.kind === 'array') {
    for (let i = 0; i + 1 < names.items.length; i += 2) {
      budget.visit();
      const key = names.items[i];
      const value = names.items[i + 1];
      if (key?.kind === 'string' && value !== undefined) out.push([decodeText(key.bytes), value]);
    }
  }
  const kids = resolve(index, node.entries.get('Kids'));
  if (kids?.kind === 'array') for (const kid of kids.items) entries(index, dict(index, kid, 'A branch of the attachment list'), budget, depth + 1, seen, out);
}

/** The decoded bytes of the attachment `name` in this revision. */
export async function readAttachment(index: PdfIndex, name: string, budget: Budget): Promise<Uint8Array> {
  const rootRef = trailerRef(index, 'Root');
  if (rootRef === undefined) throw new AttachmentError('The document has no catalog.');
  const catalog = dict(index, rootRef, 'The catalog');
  const tree = dict(index, dict(index, catalog.entries.get('Names'), 'The name dictionary').entries.get('EmbeddedFiles'), 'The attachment list');
  // Exactly one embedded file, named as Homeward names it: readers differ in which of several they show.
  const found: [string, PdfValue][] = [];
  entries(index, tree, budget, 0, new Set(), found);
  if (found.length !== 1 || found[0]?.[0] !== name) throw new AttachmentError(`The file must embed exactly one file, ${name}.`);
  const spec = dict(index, found[0][1], 'The attachment’s file specification');
  if (spec.entries.has('RF')) throw new AttachmentError('The attachment has related files, which Homeward files never have.');
  const ef = dict(index, spec.entries.get('EF'), 'The attachment’s embedded file');
  const streamRef = ef.entries.get('F');
  if (streamRef?.kind !== 'ref') throw new AttachmentError('The attachment’s data is not a stream.');
  // Readers pick /UF or /F: both must name the same data, and nothing else may be there.
  const uf = ef.entries.get('UF');
  const extra = [...ef.entries.keys()].filter((key) => key !== 'F' && key !== 'UF');
  if (extra.length > 0 || (uf !== undefined && !(uf.kind === 'ref' && uf.num === streamRef.num))) throw new AttachmentError('The attachment names more than one embedded file.');
  const object = getObject(index, streamRef.num);
  const raw = streamData(index, object);
  if (object.value.kind !== 'dict') throw new AttachmentError('The attachment’s data is not a stream.');
  const filter = resolve(index, object.value.entries.get('Filter'));
  const filters = filter === undefined ? [] : filter.kind === 'array' ? filter.items : [filter];
  if (filters.length === 0) {
    if (raw.length > LIMITS.attachmentBytes) throw new VerifyLimitError('too-complex', 'The embedded assessment is larger than any assessment.');
    return raw;
  }
  if (filters.length !== 1 || filters[0]?.kind !== 'name' || filters[0].value !== 'FlateDecode' || object.value.entries.has('DecodeParms')) {
    throw new AttachmentError('The attachment is encoded in a way Homeward does not read.');
  }
  return inflateLimited(raw, LIMITS.attachmentBytes, budget);
}
