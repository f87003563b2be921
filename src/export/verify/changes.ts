// WARNING: the heart of "document changed after this signature". Between one signed revision and the
// next, a countersignature may only (a) fill one empty signature field prepared in the certified
// first revision, or (b) in an uncertified file, add one invisible signature field: a /Sig
// dictionary, its widget, and the field list, the page's annotation list and the catalog gaining
// exactly that. Anything else — a changed page, attachment or catalog, an object revealed from the
// signed bytes (shadow attacks), a rewritten cross-reference chain — is a change, described by kind.
// src/export/signing/incremental.ts writes exactly shapes (a) and (b): keep them in step.
import { bytesEqual } from '../signing/bytes';
import type { PdfDict, PdfValue } from '../signing/pdf-syntax';
import { getObject, streamData } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import type { Budget } from './limits';
import type { ChangeKind, DocumentChange } from './report';
import { refsIn, revisionRoles } from './roles';
import type { Role, RevisionRoles } from './roles';

/** Keys a countersignature's /Sig dictionary may hold. No /Reference: only the first signature certifies. */
const SIG_KEYS = new Set(['Type', 'Filter', 'SubFilter', 'ByteRange', 'Contents', 'M', 'Name', 'Reason', 'Location', 'ContactInfo', 'Prop_Build', 'Prop_AuthTime', 'Prop_AuthType']);
/** Keys a new (uncertified-file) signature widget may hold: no actions, no appearance. */
const NEW_WIDGET_KEYS = new Set(['Type', 'Subtype', 'FT', 'Rect', 'F', 'P', 'T', 'TU', 'V', 'DA', 'MK']);
/** Changes listed per revision; a hostile file can produce millions. */
const MAX_CHANGES = 40;
/** What filling a prepared field may add to it. */
const FILL_KEYS = new Set(['V', 'AP']);

export interface RevisionPair {
  readonly older: PdfIndex;
  readonly newer: PdfIndex;
  /** Object number of the /Sig dictionary of the signature that made `newer`; null for an unsigned tail. */
  readonly signature: number | null;
  /** DocMDP permissions of the first signature, or null when it does not certify. */
  readonly certification: 1 | 2 | 3 | null;
  readonly budget: Budget;
}

interface Loaded {
  readonly value: PdfValue;
  readonly data: Uint8Array | null;
}

function load(index: PdfIndex, num: number): Loaded | null {
  try {
    const object = getObject(index, num);
    return { value: object.value, data: object.isStream ? streamData(index, object) : null };
  } catch {
    return null;
  }
}

export function valuesEqual(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (a.kind) {
    case 'null':
      return b.kind === 'null';
    case 'bool':
      return b.kind === 'bool' && a.value === b.value;
    case 'num':
      return b.kind === 'num' && a.value === b.value;
    case 'name':
      return b.kind === 'name' && a.value === b.value;
    case 'string':
      return b.kind === 'string' && bytesEqual(a.bytes, b.bytes);
    case 'ref':
      return b.kind === 'ref' && a.num === b.num && a.gen === b.gen;
    case 'array':
      return b.kind === 'array' && a.items.length === b.items.length && a.items.every((item, i) => valuesEqual(item, b.items[i]));
    case 'dict':
      return b.kind === 'dict' && a.entries.size === b.entries.size && [...a.entries].every(([key, item]) => valuesEqual(item, b.entries.get(key)));
  }
}

/** Same dictionary apart from `except` keys. */
function dictEqualExcept(a: PdfDict, b: PdfDict, except: ReadonlySet<string>): boolean {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].every((key) => except.has(key) || valuesEqual(a.entries.get(key), b.entries.get(key)));
}

function isRef(value: PdfValue | undefined, num: number): boolean {
  return value?.kind === 'ref' && value.num === num;
}

/** `after` is `before` with exactly one reference to `num` appended. */
function gainsOne(before: PdfValue | undefined, after: PdfValue | undefined, num: number): boolean {
  const old = before === undefined ? [] : before.kind === 'array' ? before.items : null;
  if (old === null || after?.kind !== 'array' || after.items.length !== old.length + 1) return false;
  return old.every((item, i) => valuesEqual(item, after.items[i])) && isRef(after.items.at(-1), num);
}

function zeroArea(rect: PdfValue | undefined): boolean {
  if (rect?.kind !== 'array' || rect.items.length !== 4) return false;
  const [x1, y1, x2, y2] = rect.items.map((item) => (item.kind === 'num' ? item.value : Number.NaN));
  return x1 === x2 || y1 === y2;
}

function describe(role: Role | undefined, num: number, what: string): DocumentChange {
  const at = (kind: ChangeKind, label: string, page?: number): DocumentChange => ({ kind, ...(page === undefined ? {} : { page }), detail: `Object ${String(num)} (${label}) ${what}.` });
  switch (role?.kind) {
    case 'catalog':
      return at('catalog', 'the document catalog');
    case 'pages':
      return at('pages', 'the page tree');
    case 'page':
      return at('pages', `page ${String(role.page)}`, role.page);
    case 'page-content':
      return at('page-content', `content of page ${String(role.page)}`, role.page);
    case 'annotation':
      return at('annotation', `an annotation on page ${String(role.page)}`, role.page);
    case 'signature-field':
    case 'signature':
      return at('form', 'an earlier signature');
    case 'form':
      return at('form', 'the form');
    case 'attachment':
      return at('attachment', 'the embedded assessment');
    case 'metadata':
      return at('metadata', 'document information');
    case 'used':
      return at('other', 'an object in use');
    case undefined:
      return at('other', 'an object not in use');
  }
}

class Comparison {
  readonly changes: DocumentChange[] = [];
  readonly modified = new Set<number>();
  readonly added = new Set<number>();
  /** Objects whose change or addition a permitted countersignature explains. */
  readonly permitted = new Set<number>();
  private olderRoles: RevisionRoles | undefined;

  constructor(
    readonly pair: RevisionPair,
    readonly olderEnd: number,
  ) {}

  roles(): RevisionRoles {
    this.olderRoles ??= revisionRoles(this.pair.older, this.pair.budget);
    return this.olderRoles;
  }

  /** Keeps at most MAX_CHANGES distinct changes: enough to say what happened, bounded for hostile files. */
  add(change: DocumentChange): void {
    if (this.changes.length >= MAX_CHANGES) return;
    if (!this.changes.some((item) => item.kind === change.kind && item.detail === change.detail)) this.changes.push(change);
  }

  old(num: number): Loaded | null {
    return load(this.pair.older, num);
  }

  now(num: number): Loaded | null {
    return load(this.pair.newer, num);
  }

  oldDict(num: number): PdfDict | null {
    const found = this.old(num)?.value;
    return found?.kind === 'dict' ? found : null;
  }

  newDict(num: number): PdfDict | null {
    const found = this.now(num)?.value;
    return found?.kind === 'dict' ? found : null;
  }
}

/** Cross-reference chain and trailer: the newer revision must extend the older one. */
function checkStructure(c: Comparison): boolean {
  const { older, newer } = c.pair;
  const added = newer.sections.length - older.sections.length;
  const extendsOlder =
    added >= 1 && newer.sections.slice(added).every((offset, i) => offset === older.sections[i]) && newer.sections.slice(0, added).every((offset) => offset >= c.olderEnd);
  if (!extendsOlder) c.add({ kind: 'structure', detail: 'The later revision does not build on the signed one: its cross-reference chain was rewritten.' });
  for (const key of ['Root', 'Info', 'Encrypt'] as const) {
    if (!valuesEqual(older.trailer.entries.get(key), newer.trailer.entries.get(key))) {
      c.add({ kind: key === 'Info' ? 'metadata' : 'structure', detail: `The trailer's /${key} was changed.` });
    }
  }
  return extendsOlder;
}

/** Sorts every object of the newer revision into unchanged, modified, added, revealed or removed. */
function compareObjects(c: Comparison): void {
  const { older, newer, budget } = c.pair;
  for (const [num, entry] of newer.objects) {
    budget.visit();
    const before = older.objects.get(num);
    if (before !== undefined && before.offset === entry.offset && before.gen === entry.gen) continue;
    if (entry.offset < c.olderEnd) {
      c.add({ kind: 'hidden-object', detail: `Object ${String(num)} now points at bytes inside the signed revision that it did not use there (a hidden object was brought into use).` });
      continue;
    }
    if (before === undefined) {
      c.added.add(num);
      continue;
    }
    const a = c.old(num);
    const b = c.now(num);
    if (a !== null && b !== null && valuesEqual(a.value, b.value) && (a.data === null ? b.data === null : b.data !== null && bytesEqual(a.data, b.data))) continue;
    c.modified.add(num);
  }
  for (const num of older.objects.keys()) {
    budget.visit();
    if (!newer.objects.has(num)) c.add({ ...describe(c.roles().roles.get(num), num, 'was removed'), kind: 'removed' });
  }
}

/** The new /Sig dictionary: a plain countersignature, never a second certification. */
function checkSignatureDictionary(c: Comparison, sig: number): void {
  if (!c.added.has(sig)) {
    c.add({ kind: 'structure', detail: `The signature's dictionary (object ${String(sig)}) reuses an object number of the signed revision.` });
    return;
  }
  const dict = c.newDict(sig);
  if (dict === null) return;
  c.permitted.add(sig);
  for (const key of dict.entries.keys()) {
    if (!SIG_KEYS.has(key)) c.add({ kind: key === 'Reference' ? 'certification' : 'form', detail: `The countersignature's dictionary carries /${key}, which a countersignature may not.` });
  }
}

/** Objects added under a filled field's appearance: drawn only inside the field's fixed box. */
function permitAppearance(c: Comparison, appearance: PdfValue | undefined): void {
  const stack = refsIn(appearance);
  while (stack.length > 0) {
    const num = stack.pop();
    if (num === undefined || c.permitted.has(num) || !c.added.has(num)) continue;
    c.pair.budget.visit();
    // An object that does not load is not an appearance: left unpermitted, it is reported as added.
    const loaded = c.now(num);
    if (loaded === null) continue;
    c.permitted.add(num);
    refsIn(loaded.value, stack);
  }
}

/** Shape (a): an empty field of the signed revision now holds the signature (and its appearance). */
function checkFilledField(c: Comparison, widget: number, sig: number): void {
  const before = c.oldDict(widget);
  const after = c.newDict(widget);
  if (before === null || after === null) return;
  const type = before.entries.get('FT');
  if (type?.kind !== 'name' || type.value !== 'Sig' || before.entries.has('V')) {
    c.add({ kind: 'form', detail: `Object ${String(widget)} was not an empty signature field in the signed revision.` });
    return;
  }
  if (!dictEqualExcept(before, after, FILL_KEYS) || !isRef(after.entries.get('V'), sig)) {
    c.add({ kind: 'form', detail: `Signing field object ${String(widget)} changed more than its value and appearance.` });
    return;
  }
  c.permitted.add(widget);
  permitAppearance(c, after.entries.get('AP'));
}

/** Where an array entry lives: inline in `owner[key]`, or its own object. */
function listGains(c: Comparison, owner: { before: PdfDict | null; after: PdfDict }, key: string, widget: number): boolean {
  const inline = owner.after.entries.get(key);
  if (inline?.kind === 'ref' && isRef(owner.before?.entries.get(key), inline.num)) {
    const ok = gainsOne(c.old(inline.num)?.value, c.now(inline.num)?.value, widget);
    if (ok) c.permitted.add(inline.num);
    return ok;
  }
  return gainsOne(owner.before?.entries.get(key), inline, widget);
}

/** Shape (b): a new invisible signature field, listed by its page and the form. */
function checkNewField(c: Comparison, widget: number, sig: number, newer: PdfIndex): void {
  if (c.pair.certification !== null) {
    c.add({ kind: 'certification', detail: `A new signature field (object ${String(widget)}) was added; the first signature's certification only permits signing the fields it prepared.` });
    return;
  }
  const dict = c.newDict(widget);
  if (dict === null) return;
  const extra = [...dict.entries.keys()].filter((key) => !NEW_WIDGET_KEYS.has(key));
  if (!zeroArea(dict.entries.get('Rect')) || dict.entries.has('AP')) {
    c.add({ kind: 'visible-signature', detail: `The new signature field (object ${String(widget)}) shows content on the page.` });
    return;
  }
  if (extra.length > 0 || !isRef(dict.entries.get('V'), sig)) {
    c.add({ kind: 'form', detail: `The new signature field (object ${String(widget)}) carries ${extra.map((key) => `/${key}`).join(', ') || 'an unexpected value'}.` });
    return;
  }
  c.permitted.add(widget);
  // The page it sits on lists it, and nothing else on that page changed.
  const page = dict.entries.get('P');
  const pageNum = page?.kind === 'ref' ? page.num : -1;
  const pageBefore = c.oldDict(pageNum);
  const pageAfter = c.newDict(pageNum);
  if (pageBefore !== null && pageAfter !== null && (!c.modified.has(pageNum) || dictEqualExcept(pageBefore, pageAfter, new Set(['Annots']))) && listGains(c, { before: pageBefore, after: pageAfter }, 'Annots', widget)) {
    c.permitted.add(pageNum);
  }
  // The form lists it: the catalog may only gain /AcroForm, the form only the field and /SigFlags.
  const rootRef = newer.trailer.entries.get('Root');
  const rootNum = rootRef?.kind === 'ref' ? rootRef.num : -1;
  const catalogBefore = c.oldDict(rootNum);
  const catalogAfter = c.newDict(rootNum);
  if (catalogBefore === null || catalogAfter === null) return;
  const formRef = catalogAfter.entries.get('AcroForm');
  const formNum = formRef?.kind === 'ref' ? formRef.num : -1;
  const formBefore = isRef(catalogBefore.entries.get('AcroForm'), formNum) ? c.oldDict(formNum) : null;
  const catalogOk = c.modified.has(rootNum) ? !catalogBefore.entries.has('AcroForm') && c.added.has(formNum) && dictEqualExcept(catalogBefore, catalogAfter, new Set(['AcroForm'])) : true;
  const formAfter = c.newDict(formNum);
  if (!catalogOk || formAfter === null) return;
  if (formBefore !== null && !dictEqualExcept(formBefore, formAfter, new Set(['Fields', 'SigFlags']))) return;
  if (!listGains(c, { before: formBefore, after: formAfter }, 'Fields', widget)) return;
  if (c.modified.has(rootNum)) c.permitted.add(rootNum);
  c.permitted.add(formNum);
}

/** The widget whose /V is the new signature. */
function signedWidget(c: Comparison, sig: number): number | null {
  const candidates = [...c.modified, ...c.added].filter((num) => {
    const dict = c.newDict(num);
    const type = dict?.entries.get('FT');
    return type?.kind === 'name' && type.value === 'Sig' && isRef(dict?.entries.get('V'), sig);
  });
  if (candidates.length !== 1 || candidates[0] === undefined) {
    c.add({ kind: 'form', detail: `The new signature is held by ${String(candidates.length)} signature fields instead of one.` });
    return null;
  }
  return candidates[0];
}

/**
 * What `newer` changed relative to `older` beyond what one countersignature (the /Sig dictionary
 * `pair.signature`) may. An empty list means: only that countersignature was added.
 */
export function revisionChanges(pair: RevisionPair, olderEnd: number): DocumentChange[] {
  const c = new Comparison(pair, olderEnd);
  if (pair.certification === 1) {
    c.add({ kind: 'certification', detail: 'The first signature certifies the document with no changes permitted, yet a later revision exists.' });
  }
  if (!checkStructure(c)) return c.changes;
  compareObjects(c);
  if (pair.signature !== null) {
    checkSignatureDictionary(c, pair.signature);
    const widget = signedWidget(c, pair.signature);
    if (widget !== null) {
      if (c.added.has(widget)) checkNewField(c, widget, pair.signature, pair.newer);
      else checkFilledField(c, widget, pair.signature);
    }
  }
  const { roles } = c.roles();
  for (const num of c.modified) if (!c.permitted.has(num)) c.add(describe(roles.get(num), num, 'was changed'));
  const unexplained = [...c.added].filter((num) => !c.permitted.has(num));
  if (unexplained.length > 0) {
    c.add({ kind: 'added', detail: `${String(unexplained.length)} object(s) were added that a countersignature does not need (objects ${unexplained.slice(0, 8).join(', ')}${unexplained.length > 8 ? ', …' : ''}).` });
  }
  return c.changes;
}
