/**
 * Splits a production build into what the service worker precaches first (the core: set up,
 * interview, review) and what follows in the background (the offline kit). Pure: the Vite plugin
 * (offline-kit-plugin.ts) turns Rollup's bundle into a `BuildGraph`; unit-tested in
 * tests/unit/offline-kit/plan.test.ts.
 *
 * The rule follows the module graph, so a file the core needs can never be left out:
 * - the core is everything reachable from the entry through static imports (always followed) and
 *   dynamic imports, except a dynamic import of a language's own strings or wording, or of a
 *   chunk whose static closure holds PDF or signing code (`deferModule`);
 * - assets a core chunk points at are core too, except fonts and worker scripts (PDF and
 *   verification only);
 * - what is left is the kit: per language, chunks made only of that language's files; the rest
 *   (PDF and signing code, fonts, the verification worker) is shared by every language's export.
 * Only files under `assets/` can be deferred; anything else (index.html, icons) stays core.
 */
import type { KitFile, KitManifest } from '../../src/features/offline/kit-manifest';

export interface BuildFile {
  readonly fileName: string;
  readonly bytes: number;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  /** Other files of the build this one names (CSS, fonts, worker scripts). */
  readonly references: readonly string[];
  /** Source modules bundled in it (empty for an asset). */
  readonly modules: readonly string[];
}

export interface KitRules {
  /** A module whose chunk (and any chunk importing it statically) waits for the kit. */
  readonly deferModule: (id: string) => boolean;
  /** The language a module belongs to when it is a deferrable string or wording file. */
  readonly languageOf: (id: string) => string | null;
}

const DEFERRED_ASSET = /\.(ttf|otf|woff2?|js)$/;

/** PDF and signing code: pdf-lib, fontkit, PKI.js and its ASN.1 parts, and our own PDF code. */
export const PDF_AND_SIGNING =
  /\/node_modules\/(pdf-lib|@pdf-lib|pkijs|asn1js|@peculiar|pvtsutils|pvutils|bytestreamjs|bidi-js)\/|\/src\/export\/(facade|summary|signing)\//;

/** A language's strings (other than the first screen's `ui`) or instrument wording, English excepted. */
export function languageOfModule(id: string): string | null {
  const locale = /\/locales\/([A-Za-z0-9-]+)\/([A-Za-z0-9_-]+)\.json$/.exec(id);
  if (locale?.[1] && locale[2] !== 'ui') return locale[1] === 'en' ? null : locale[1];
  const content = /\/definitions\/[a-z0-9-]+\/v\d+\/content\/([A-Za-z0-9-]+)\.json$/.exec(id);
  if (content?.[1]) return content[1] === 'en' ? null : content[1];
  return null;
}

export const defaultRules: KitRules = { deferModule: (id) => PDF_AND_SIGNING.test(id), languageOf: languageOfModule };

function languageOfFile(file: BuildFile, rules: KitRules): string | null {
  if (file.modules.length === 0) return null;
  const langs = new Set(file.modules.map((m) => rules.languageOf(m)));
  const [only] = langs;
  return langs.size === 1 && typeof only === 'string' ? only : null;
}

function staticClosure(start: BuildFile, files: ReadonlyMap<string, BuildFile>): BuildFile[] {
  const seen = new Set<string>();
  const out: BuildFile[] = [];
  const queue = [start];
  for (let f = queue.shift(); f; f = queue.shift()) {
    if (seen.has(f.fileName)) continue;
    seen.add(f.fileName);
    out.push(f);
    for (const name of f.imports) {
      const next = files.get(name);
      if (next) queue.push(next);
    }
  }
  return out;
}

export function planOfflineKit(build: readonly BuildFile[], rules: KitRules = defaultRules): KitManifest {
  const files = new Map(build.map((f) => [f.fileName, f]));
  const deferrable = (f: BuildFile): boolean => f.fileName.startsWith('assets/');
  const heavy = (f: BuildFile): boolean => staticClosure(f, files).some((c) => c.modules.some(rules.deferModule));

  const core = new Set<string>();
  const queue = build.filter((f) => f.isEntry || !deferrable(f));
  for (let f = queue.shift(); f; f = queue.shift()) {
    if (core.has(f.fileName)) continue;
    core.add(f.fileName);
    for (const name of f.imports) {
      const next = files.get(name);
      if (next) queue.push(next);
    }
    for (const name of f.dynamicImports) {
      const next = files.get(name);
      if (next && !(deferrable(next) && (languageOfFile(next, rules) !== null || heavy(next)))) queue.push(next);
    }
    for (const name of f.references) {
      const next = files.get(name);
      if (next && !(deferrable(next) && next.modules.length === 0 && DEFERRED_ASSET.test(name))) queue.push(next);
    }
  }

  const entry = (f: BuildFile): KitFile => ({ url: f.fileName, bytes: f.bytes });
  const byName = (a: KitFile, b: KitFile): number => a.url.localeCompare(b.url);
  const shared: KitFile[] = [];
  const languages: Record<string, KitFile[]> = {};
  for (const f of build) {
    if (core.has(f.fileName)) continue;
    const lang = languageOfFile(f, rules);
    if (lang) (languages[lang] ??= []).push(entry(f));
    else shared.push(entry(f));
  }
  for (const list of Object.values(languages)) list.sort(byName);
  return {
    version: 1,
    core: build.filter((f) => core.has(f.fileName)).map(entry).sort(byName),
    shared: shared.sort(byName),
    languages,
  };
}
