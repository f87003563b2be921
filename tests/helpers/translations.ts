/**
 * Translation checks: every key of English present in a language (plural keys per the
 * language's own CLDR plural categories), no placeholder lost or added, no empty string, and
 * no string left identical to English unless it is a name or code listed as intended.
 */
export type Entries = Record<string, string>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const placeholder = /{{\s*([\w.]+)\s*}}/g;

export function pluralCategories(lang: string): string[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
}

function placeholders(s: string): string {
  return [...s.matchAll(placeholder)].map((m) => m[1]).sort().join(',');
}

/** English plural bases: keys whose `<base>_other` exists. */
function pluralBases(en: Entries): Set<string> {
  const bases = new Set<string>();
  for (const k of Object.keys(en)) if (k.endsWith('_other')) bases.add(k.slice(0, -'_other'.length));
  return bases;
}

/** The keys a language must have, each with the English string it translates. */
export function expectedKeys(en: Entries, lang: string, plurals: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const bases = plurals ? pluralBases(en) : new Set<string>();
  for (const [k, v] of Object.entries(en)) {
    const base = k.replace(pluralSuffix, '');
    if (plurals && base !== k && bases.has(base)) continue;
    out.set(k, v);
  }
  for (const base of bases) {
    const model = en[`${base}_other`] ?? '';
    for (const cat of pluralCategories(lang)) out.set(`${base}_${cat}`, model);
  }
  return out;
}

export interface CheckOptions {
  lang: string;
  /** namespaces with i18next plurals (UI); instrument wording has none */
  plurals: boolean;
  /** keys allowed to equal English; a trailing * matches a prefix */
  identicalAllowed: readonly string[];
}

function allowed(key: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key === p));
}

/** Codes, acronyms (IOM, HW-0012, STOP) and placeholder-only patterns are the same in every language. */
const codeLike = /^[\p{Lu}\d\s\-–.,:;()/+&%{}]*$/u;

export function checkBundle(en: Entries, other: Entries, opts: CheckOptions): string[] {
  const problems: string[] = [];
  const expected = expectedKeys(en, opts.lang, opts.plurals);
  for (const [key, source] of expected) {
    const value = other[key];
    if (value === undefined) {
      problems.push(`missing key ${key}`);
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') problems.push(`empty string for ${key}`);
    else if (placeholders(value) !== placeholders(source)) {
      problems.push(`placeholders differ for ${key}: "${placeholders(value)}" vs English "${placeholders(source)}"`);
    } else if (value === source && !codeLike.test(value.replace(placeholder, '')) && !allowed(key, opts.identicalAllowed)) {
      problems.push(`identical to English (translate it, or list it as intended): ${key}`);
    }
  }
  for (const key of Object.keys(other)) if (!expected.has(key)) problems.push(`unexpected key ${key}`);
  return problems;
}
