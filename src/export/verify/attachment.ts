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

/** Every file specification named `name` in the EmbeddedFiles name tree (there must be exactly one). */
function specsNamed(index: PdfIndex, node: PdfDict, name: string, budget: Budget, depth: number, out: PdfValue[]): void {
  if (depth > MAX_NAME_TREE_DEPTH) throw new AttachmentError('The attachment list is nested too deeply.');
  const names = resolve(index, node.entries.get('Names'));
  if (names?.kind === 'array') {
    for (let i = 0; i + 1 < names.items.length; i += 2) {
      budget.visit();
      const key = names.items[i];
      if (key?.kind === 'string' && decodeText(key.bytes) === name) out.push(names.items[i + 1] as PdfValue);
    }
  }
  const kids = resolve(index, node.entries.get('Kids'));
  if (kids?.kind === 'array') for (const kid of kids.items) specsNamed(index, dict(index, kid, 'A branch of the attachment list'), name, budget, depth + 1, out);
}

/** The decoded bytes of the attachment `name` in this revision. */
export async function readAttachment(index: PdfIndex, name: string, budget: Budget): Promise<Uint8Array> {
  const rootRef = trailerRef(index, 'Root');
  if (rootRef === undefined) throw new AttachmentError('The document has no catalog.');
  const catalog = dict(index, rootRef, 'The catalog');
  const tree = dict(index, dict(index, catalog.entries.get('Names'), 'The name dictionary').entries.get('EmbeddedFiles'), 'The attachment list');
  const specs: PdfValue[] = [];
  specsNamed(index, tree, name, budget, 0, specs);
  if (specs.length !== 1) throw new AttachmentError(specs.length === 0 ? `The file has no ${name}.` : `The file lists ${name} more than once.`);
  const spec = dict(index, specs[0], 'The attachment’s file specification');
  const ef = dict(index, spec.entries.get('EF'), 'The attachment’s embedded file');
  const streamRef = ef.entries.get('F');
  if (streamRef?.kind !== 'ref') throw new AttachmentError('The attachment’s data is not a stream.');
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
