// Where a summary's signature fields are, read through the file's own cross-reference index.
import { decodeText } from '../../../src/export/signing/pdf-syntax';
import { getObject, readPdfIndex } from '../../../src/export/signing/xref';

/** The rectangle of the signature field named `name`, read through the file's own cross-reference index. */
export function fieldRect(bytes: Uint8Array, name: string): number[] {
  const index = readPdfIndex(bytes);
  for (const num of index.objects.keys()) {
    const value = getObject(index, num).value;
    const title = value.kind === 'dict' ? value.entries.get('T') : undefined;
    const rect = value.kind === 'dict' ? value.entries.get('Rect') : undefined;
    if (title?.kind === 'string' && decodeText(title.bytes) === name && rect?.kind === 'array') return rect.items.map((item) => (item.kind === 'num' ? item.value : Number.NaN));
  }
  throw new Error(`no field ${name}`);
}
