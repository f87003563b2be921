/**
 * The offline kit: what a first visit saves for offline use beyond the service worker's precache.
 * The build writes `offline-kit.json` (scripts/pwa/offline-kit-plan.ts) with three lists:
 * - `core`: the files Workbox precaches first (set up, interview, review; English and every
 *   language's first-screen strings), listed here only so the screen can count what is saved;
 * - `shared`: the PDF and signing code and the PDF fonts, which every language's export needs;
 * - `languages`: per language, its other strings and its instrument wording.
 * The page downloads `shared` and `languages` into the kit cache after the precache is complete
 * (src/features/offline/kit-downloader.ts); the service worker serves them from there.
 */

export interface KitFile {
  /** Path from the site's root, without a leading slash ("assets/fonts-x.ttf"). */
  readonly url: string;
  readonly bytes: number;
}

export interface KitManifest {
  readonly version: 1;
  readonly core: readonly KitFile[];
  readonly shared: readonly KitFile[];
  readonly languages: Readonly<Record<string, readonly KitFile[]>>;
}

/** The kit's Cache Storage name; the service worker's runtime route reads the same cache. */
export const KIT_CACHE = 'homeward-offline-kit-v1';
export const KIT_MANIFEST_URL = 'offline-kit.json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Only paths inside the site, made of the characters a build emits: never another origin.
const SAFE_PATH = /^(?!\/)(?!.*\.\.)[A-Za-z0-9._\-/]+$/;

function parseFiles(value: unknown): KitFile[] | null {
  if (!Array.isArray(value)) return null;
  const files: KitFile[] = [];
  for (const item of value) {
    if (!isRecord(item)) return null;
    const { url, bytes } = item;
    if (typeof url !== 'string' || !SAFE_PATH.test(url)) return null;
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return null;
    files.push({ url, bytes });
  }
  return files;
}

/** The manifest as the page reads it, or null when it is not one this code understands. */
export function parseKitManifest(value: unknown): KitManifest | null {
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.languages)) return null;
  const core = parseFiles(value.core);
  const shared = parseFiles(value.shared);
  if (!core || !shared) return null;
  const languages: Record<string, KitFile[]> = {};
  for (const [code, list] of Object.entries(value.languages)) {
    const files = parseFiles(list);
    if (!files || !/^[A-Za-z0-9-]+$/.test(code)) return null;
    languages[code] = files;
  }
  return { version: 1, core, shared, languages };
}

export function totalBytes(files: readonly KitFile[]): number {
  return files.reduce((sum, f) => sum + f.bytes, 0);
}
