// WARNING: part of the verifier. Which object is what (page 1's content, the embedded assessment,
// the form…) in one revision, so that a change found by changes.ts can be described to a person.
// Also tells which objects are in use at all: an object nothing refers to is a possible "shadow".
import type { PdfDict, PdfValue } from '../signing/pdf-syntax';
import { getObject, trailerRef } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import type { Budget } from './limits';

export type Role =
  | { readonly kind: 'catalog' }
  | { readonly kind: 'pages' }
  | { readonly kind: 'page'; readonly page: number }
  | { readonly kind: 'page-content'; readonly page: number }
  | { readonly kind: 'annotation'; readonly page: number }
  | { readonly kind: 'signature-field' }
  | { readonly kind: 'signature' }
  | { readonly kind: 'form' }
  | { readonly kind: 'attachment' }
  | { readonly kind: 'metadata' }
  /** In use, through a path not named above (fonts shared by pages, output intents…). */
  | { readonly kind: 'used' };

export interface RevisionRoles {
  readonly roles: ReadonlyMap<number, Role>;
  /** 1-based page number of each page object. */
  readonly pages: ReadonlyMap<number, number>;
}

const MAX_PAGE_TREE_DEPTH = 32;

/** The object numbers referred to anywhere inside `value`. */
export function refsIn(value: PdfValue | undefined, out: number[] = []): number[] {
  if (value === undefined) return out;
  if (value.kind === 'ref') out.push(value.num);
  else if (value.kind === 'array') for (const item of value.items) refsIn(item, out);
  else if (value.kind === 'dict') for (const item of value.entries.values()) refsIn(item, out);
  return out;
}

class RoleWalker {
  readonly roles = new Map<number, Role>();
  readonly pages = new Map<number, number>();

  constructor(
    private readonly index: PdfIndex,
    private readonly budget: Budget,
  ) {}

  private value(num: number): PdfValue | undefined {
    if (!this.index.objects.has(num)) return undefined;
    this.budget.visit();
    try {
      return getObject(this.index, num).value;
    } catch {
      return undefined; // an unreadable object has no role; the comparison reports it
    }
  }

  /** Gives `role` to the object `value` refers to (if it has none yet) and to everything under it. */
  mark(value: PdfValue | undefined, role: Role): void {
    const stack = refsIn(value);
    while (stack.length > 0) {
      const num = stack.pop();
      if (num === undefined || this.roles.has(num)) continue;
      const found = this.value(num);
      if (found === undefined) continue;
      this.roles.set(num, role);
      refsIn(found, stack);
    }
  }

  /** Sets a role on one referenced object (overriding "used") without descending. */
  private own(value: PdfValue | undefined, role: Role): PdfValue | undefined {
    if (value?.kind !== 'ref') return value;
    const found = this.value(value.num);
    if (found !== undefined && !this.roles.has(value.num)) this.roles.set(value.num, role);
    return found;
  }

  private dictOf(value: PdfValue | undefined, role: Role): PdfDict | undefined {
    const found = this.own(value, role);
    return found?.kind === 'dict' ? found : undefined;
  }

  walkPages(node: PdfValue | undefined, depth: number): void {
    if (depth > MAX_PAGE_TREE_DEPTH || node?.kind !== 'ref' || this.roles.has(node.num)) return;
    const found = this.value(node.num);
    if (found?.kind !== 'dict') return;
    const type = found.entries.get('Type');
    if (type?.kind === 'name' && type.value === 'Page') {
      const page = this.pages.size + 1;
      this.pages.set(node.num, page);
      this.roles.set(node.num, { kind: 'page', page });
      this.walkPage(found, page);
      return;
    }
    this.roles.set(node.num, { kind: 'pages' });
    const kids = this.own(found.entries.get('Kids'), { kind: 'pages' });
    if (kids?.kind === 'array') for (const kid of kids.items) this.walkPages(kid, depth + 1);
  }

  private walkPage(page: PdfDict, number: number): void {
    const annots = this.own(page.entries.get('Annots'), { kind: 'annotation', page: number });
    if (annots?.kind === 'array') {
      for (const annot of annots.items) {
        const dict = this.dictOf(annot, { kind: 'annotation', page: number });
        const type = dict?.entries.get('FT');
        if (annot.kind === 'ref' && type?.kind === 'name' && type.value === 'Sig') {
          this.roles.set(annot.num, { kind: 'signature-field' });
          this.mark(dict?.entries.get('V'), { kind: 'signature' });
        }
        this.mark(dict === undefined ? undefined : { kind: 'dict', entries: dict.entries, start: -1, end: -1 }, { kind: 'annotation', page: number });
      }
    }
    this.mark(page.entries.get('Contents'), { kind: 'page-content', page: number });
    this.mark(page.entries.get('Resources'), { kind: 'page-content', page: number });
  }

  walkCatalog(catalog: PdfDict): void {
    this.walkPages(catalog.entries.get('Pages'), 0);
    const names = this.dictOf(catalog.entries.get('Names'), { kind: 'catalog' });
    this.mark(names?.entries.get('EmbeddedFiles'), { kind: 'attachment' });
    this.mark(catalog.entries.get('AF'), { kind: 'attachment' });
    const form = this.dictOf(catalog.entries.get('AcroForm'), { kind: 'form' });
    const fields = this.own(form?.entries.get('Fields'), { kind: 'form' });
    if (fields?.kind === 'array') for (const field of fields.items) this.mark(field, { kind: 'form' });
    this.mark(catalog.entries.get('Metadata'), { kind: 'metadata' });
    this.mark({ kind: 'dict', entries: catalog.entries, start: -1, end: -1 }, { kind: 'used' });
  }
}

/** Roles of the objects in use in one revision, walking from its trailer. */
export function revisionRoles(index: PdfIndex, budget: Budget): RevisionRoles {
  const walker = new RoleWalker(index, budget);
  const rootRef = trailerRef(index, 'Root');
  if (rootRef !== undefined) {
    let catalog: PdfValue | undefined;
    try {
      catalog = getObject(index, rootRef.num).value;
    } catch {
      catalog = undefined;
    }
    if (catalog?.kind === 'dict') {
      walker.roles.set(rootRef.num, { kind: 'catalog' });
      walker.walkCatalog(catalog);
    }
  }
  walker.mark(trailerRef(index, 'Info'), { kind: 'metadata' });
  return { roles: walker.roles, pages: walker.pages };
}
