// WARNING: part of the verifier. Homeward files never carry scripts, launch actions or actions that
// run on opening; a file that does is refused before anything else is shown, whoever signed it.
import type { PdfValue } from '../signing/pdf-syntax';
import { getObject } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import type { Budget } from './limits';

/** Dictionary keys that make a PDF act on its own (ISO 32000-1, 12.6). */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'OpenAction', 'AA', 'Launch', 'SubmitForm', 'ImportData', 'RichMedia', 'XFA']);
/** Action types (/S) that run code, open other files or send data. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'GoToE', 'GoToR', 'URI', 'Rendition', 'RichMediaExecute', 'Sound', 'Movie']);

function findActive(value: PdfValue, depth: number): string | null {
  if (depth > 64) return null;
  if (value.kind === 'array') {
    for (const item of value.items) {
      const found = findActive(item, depth + 1);
      if (found !== null) return found;
    }
  }
  if (value.kind !== 'dict') return null;
  for (const [key, item] of value.entries) {
    if (ACTIVE_KEYS.has(key)) return `/${key}`;
    if (key === 'S' && item.kind === 'name' && ACTIVE_ACTIONS.has(item.value)) return `/S /${item.value}`;
    // A file attachment annotation would be a second embedded file, shown by some readers only.
    if (key === 'Subtype' && item.kind === 'name' && item.value === 'FileAttachment') return '/Subtype /FileAttachment';
    const found = findActive(item, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** A sentence naming the active content in any object of this revision, or null when there is none. */
export function activeContent(index: PdfIndex, budget: Budget): string | null {
  for (const num of index.objects.keys()) {
    budget.visit();
    let value: PdfValue;
    try {
      value = getObject(index, num).value;
    } catch {
      continue; // unreadable objects are reported where they matter
    }
    const found = findActive(value, 0);
    if (found !== null) return `The file contains active content (${found} in object ${String(num)}), which Homeward files never have.`;
  }
  return null;
}
