/**
 * Turns the file paths that Vite's import.meta.glob returns into (language, namespace)
 * pairs. Kept apart from index.ts so it can be tested in node, without Vite.
 */

export interface LocaleFile {
  lang: string;
  namespace: string;
}

export interface ContentFile {
  instrumentId: string;
  version: number;
  lang: string;
}

const localePattern = /\/locales\/([A-Za-z0-9-]+)\/([A-Za-z0-9_-]+)\.json$/;
const contentPattern = /\/definitions\/([a-z0-9-]+)\/v(\d+)\/content\/([A-Za-z0-9-]+)\.json$/;

/** `/locales/en/ui.json` → `{ lang: 'en', namespace: 'ui' }`; null for anything else. */
export function parseLocalePath(path: string): LocaleFile | null {
  const m = localePattern.exec(path);
  if (!m?.[1] || !m[2]) return null;
  return { lang: m[1], namespace: m[2] };
}

/** `/src/instrument/definitions/homeward-return/v1/content/en.json` → its id, version, language. */
export function parseContentPath(path: string): ContentFile | null {
  const m = contentPattern.exec(path);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { instrumentId: m[1], version: Number(m[2]), lang: m[3] };
}

/**
 * The i18next namespace of an instrument version's wording. Must equal the instrument
 * registry's `contentNamespace(id, version)` (a test holds them together); it is repeated
 * here because importing the registry would pull zod and the instrument definitions into
 * the first screen's bundle.
 */
export function contentNamespaceOf(file: Pick<ContentFile, 'instrumentId' | 'version'>): string {
  return `instrument-${file.instrumentId}-v${file.version}`;
}
