/**
 * What is saved for offline use, from the kit manifest and the paths found in Cache Storage.
 * Pure (unit-tested beside it). A language is ready to go offline only when the service worker is
 * active (so its precache, the core, is complete and it answers requests offline), every core
 * file of this version is cached, and so are the PDF and signing code, the PDF fonts and that
 * language's own files: everything an export in that language loads.
 */
import { totalBytes, type KitFile, type KitManifest } from './kit-manifest';

export interface LanguageReadiness {
  readonly code: string;
  readonly ready: boolean;
  readonly savedBytes: number;
  readonly totalBytes: number;
}

export interface KitStatus {
  /** The core (set up, interview, review in English) works offline. */
  readonly coreReady: boolean;
  readonly savedBytes: number;
  readonly totalBytes: number;
  readonly languages: readonly LanguageReadiness[];
  /** Nothing is left to save. */
  readonly complete: boolean;
}

function savedBytes(files: readonly KitFile[], cached: ReadonlySet<string>): number {
  return files.reduce((sum, f) => sum + (cached.has(f.url) ? f.bytes : 0), 0);
}

/**
 * @param codes the languages the app offers, in the order to show them
 * @param cached paths (as in the manifest, no leading slash) present in the precache or kit cache
 * @param workerActive an active service worker controls this scope
 */
export function kitStatus(manifest: KitManifest, codes: readonly string[], cached: ReadonlySet<string>, workerActive: boolean): KitStatus {
  const all = [...manifest.core, ...manifest.shared, ...Object.values(manifest.languages).flat()];
  const coreReady = workerActive && manifest.core.every((f) => cached.has(f.url));
  const sharedReady = manifest.shared.every((f) => cached.has(f.url));
  const languages = codes.map((code): LanguageReadiness => {
    const own = manifest.languages[code] ?? [];
    const needed = [...manifest.core, ...manifest.shared, ...own];
    return {
      code,
      ready: coreReady && sharedReady && own.every((f) => cached.has(f.url)),
      savedBytes: savedBytes(needed, cached),
      totalBytes: totalBytes(needed),
    };
  });
  const saved = savedBytes(all, cached);
  return { coreReady, savedBytes: saved, totalBytes: totalBytes(all), languages, complete: coreReady && all.every((f) => cached.has(f.url)) };
}

/**
 * The kit files still to save, the most useful first: the UI language's own files (its screens
 * and wording), the PDF and signing code, the PDF fonts, then every other language.
 */
export function downloadOrder(manifest: KitManifest, uiLanguage: string, cached: ReadonlySet<string>): KitFile[] {
  const isFont = (f: KitFile): boolean => /\.(ttf|otf|woff2?)$/.test(f.url);
  const others = Object.entries(manifest.languages)
    .filter(([code]) => code !== uiLanguage)
    .flatMap(([, files]) => files);
  const order = [
    ...(manifest.languages[uiLanguage] ?? []),
    ...manifest.shared.filter((f) => !isFont(f)),
    ...manifest.shared.filter(isFont),
    ...others,
  ];
  return order.filter((f) => !cached.has(f.url));
}
