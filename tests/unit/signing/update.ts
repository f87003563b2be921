// Test helper: appends a hand-made incremental update (objects + classic xref + trailer with /Prev),
// the way an attacker's tool would, so the verifier's revision checks can be exercised.
import { readPdfIndex } from '../../../src/export/signing/xref';
import { serialize } from '../../../src/export/signing/pdf-syntax';

export interface UpdateObject {
  readonly num: number;
  readonly gen?: number;
  /** The object's body between "N G obj" and "endobj" (may include a stream). */
  readonly body: string;
  /** Point the xref entry at this offset instead of the written body (an object hidden in earlier bytes). */
  readonly offset?: number;
}

export interface UpdateOptions {
  /** Replaces the trailer's /Root reference (e.g. "12 0 R"). */
  readonly root?: string;
}

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

export function appendUpdate(pdf: Uint8Array, objects: readonly UpdateObject[], options: UpdateOptions = {}): Uint8Array {
  const index = readPdfIndex(pdf);
  let out = latin1(pdf);
  if (!out.endsWith('\n')) out += '\n';
  const entries: { num: number; gen: number; offset: number }[] = [];
  for (const object of objects) {
    const gen = object.gen ?? 0;
    if (object.offset !== undefined) {
      entries.push({ num: object.num, gen, offset: object.offset });
      continue;
    }
    entries.push({ num: object.num, gen, offset: out.length });
    out += `${String(object.num)} ${String(gen)} obj\n${object.body}\nendobj\n`;
  }
  const xrefAt = out.length;
  out += 'xref\n';
  for (const entry of [...entries].sort((a, b) => a.num - b.num)) {
    out += `${String(entry.num)} 1\n${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
  }
  const trailer = new Map(index.trailer.entries);
  trailer.delete('Prev');
  const size = entries.reduce((max, e) => Math.max(max, e.num + 1), index.size);
  let text = serialize({ kind: 'dict', entries: trailer, start: -1, end: -1 });
  text = text.replace(/\/Size \d+/, `/Size ${String(size)}`).replace(/>>$/, ` /Prev ${String(index.startxref)}>>`);
  if (options.root !== undefined) text = text.replace(/\/Root \d+ \d+ R/, `/Root ${options.root}`);
  out += `trailer\n${text}\nstartxref\n${String(xrefAt)}\n%%EOF\n`;
  return bytesOf(out);
}

/** The body text of object `num` as the file's current revision has it. */
export function objectBody(pdf: Uint8Array, num: number): string {
  const index = readPdfIndex(pdf);
  const entry = index.objects.get(num);
  if (entry === undefined) throw new Error(`no object ${String(num)}`);
  const text = latin1(pdf);
  const start = text.indexOf('obj', entry.offset) + 3;
  return text.slice(start, text.indexOf('endobj', start)).trim();
}

/** Object number of the first object whose body matches `pattern`. */
export function findObject(pdf: Uint8Array, pattern: RegExp): number {
  const index = readPdfIndex(pdf);
  for (const num of [...index.objects.keys()].sort((a, b) => a - b)) {
    if (pattern.test(objectBody(pdf, num))) return num;
  }
  throw new Error(`no object matches ${String(pattern)}`);
}
