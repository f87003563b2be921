/**
 * i18n runtime. Contract:
 * - `initI18n(lang)` once, before the first render; English UI strings are bundled eagerly so
 *   the first screen never waits; other languages are fetched (from the precache) on demand.
 * - `setLanguage(code)` switches language and sets `<html lang dir>`.
 * - `loadInstrumentContent()` fetches the instrument wording; the shell awaits it before the
 *   wizard and review render (see src/app/screen-outlet.tsx).
 * - `loadPersonLanguage(code)` fetches another language's UI strings and wording without
 *   switching the UI (side-by-side interview); `getFixedT(code, ns)` then translates in it.
 * - Keys are flat ("drafts.title"), so `keySeparator` is off; `ns:key` picks a namespace.
 *   UI namespaces are the file names in locales/<lang>/ (ui, engine, wizard, …); the default
 *   namespace is `ui`. Instrument wording is the namespace `contentNamespace(id, version)`.
 * Adding a language is only adding files and one entry in languages.ts: nothing here names one.
 */
import i18next, { type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, directionOf, findLanguage } from './languages';
import { contentNamespaceOf, parseContentPath, parseLocalePath } from './resource-paths';

type Loader = () => Promise<unknown>;

// English UI strings (the fallback) are in the entry chunk. Everything else, including the
// instrument wording in every language, becomes small chunks loaded on demand: the wording is
// large (~100 KB per version and language) and the first screen does not need it.
const eagerLocales = import.meta.glob<ResourceKey>('/locales/en/*.json', { eager: true, import: 'default' });
const lazyLocales: Record<string, Loader> = import.meta.glob(['/locales/*/*.json', '!/locales/en/*.json'], {
  import: 'default',
});
const lazyContent: Record<string, Loader> = import.meta.glob('/src/instrument/definitions/*/v*/content/*.json', {
  import: 'default',
});

/** Maps a glob path to the namespace it fills, and the language it belongs to. */
function bundleOf(path: string): { lang: string; namespace: string } | null {
  const locale = parseLocalePath(path);
  if (locale) return locale;
  const content = parseContentPath(path);
  if (content) return { lang: content.lang, namespace: contentNamespaceOf(content) };
  return null;
}

function eagerResources(): Record<string, Record<string, ResourceKey>> {
  const out: Record<string, Record<string, ResourceKey>> = {};
  for (const [path, data] of Object.entries(eagerLocales)) {
    const bundle = bundleOf(path);
    if (!bundle) continue;
    (out[bundle.lang] ??= {})[bundle.namespace] = data;
  }
  return out;
}

const loading = new Map<string, Promise<void>>();
// Set once a screen has asked for instrument wording; from then on a language switch fetches
// the new language's wording too, so the wizard never shows keys after switching.
let contentWanted = false;

/** Fetches and registers every bundle of one glob set for a language; cached, retried after a failure. */
function loadBundles(kind: 'ui' | 'content', code: string): Promise<void> {
  const cacheKey = `${kind}:${code}`;
  const cached = loading.get(cacheKey);
  if (cached) return cached;
  const loaders = kind === 'ui' ? lazyLocales : lazyContent;
  const jobs = Object.entries(loaders).flatMap(([path, load]) => {
    const bundle = bundleOf(path);
    if (bundle?.lang !== code) return [];
    return [
      load().then((data) => {
        i18next.addResourceBundle(code, bundle.namespace, data, true, true);
      }),
    ];
  });
  const done = Promise.all(jobs).then(
    () => undefined,
    (error: unknown) => {
      loading.delete(cacheKey); // e.g. offline before the precache finished: allow a retry
      throw error;
    },
  );
  loading.set(cacheKey, done);
  return done;
}

/** Fetches a language's UI strings (and its instrument wording once that has been asked for). */
export async function loadLanguage(code: string): Promise<void> {
  await Promise.all([loadBundles('ui', code), contentWanted ? loadBundles('content', code) : undefined]);
}

/**
 * Loads the instrument wording (every shipped version: a draft may use an older one) for the
 * current language and the English fallback. The app shell awaits this together with the
 * wizard and review chunks, so those screens can call t() on contentNamespace(...) at once.
 */
export async function loadInstrumentContent(): Promise<void> {
  contentWanted = true;
  const code = i18next.resolvedLanguage ?? i18next.language;
  await Promise.all([loadBundles('content', defaultLanguage), loadBundles('content', code)]);
}

/**
 * Fetches a second language for the side-by-side interview (the person's language) without
 * changing the UI language: its UI strings (answer words such as "Yes") and the instrument
 * wording. Everything is precached, so this works offline too.
 */
export async function loadPersonLanguage(code: string): Promise<void> {
  if (!findLanguage(code)) throw new Error(`Language ${code} is not offered`);
  await Promise.all([loadBundles('ui', code), loadBundles('content', code), loadBundles('content', defaultLanguage)]);
}

/** True once `code`'s wording for `ns` is registered (after loadPersonLanguage/setLanguage). */
export function hasBundle(code: string, ns: string): boolean {
  return i18next.hasResourceBundle(code, ns);
}

/** A translate function pinned to one language (English as fallback), whatever the UI shows. */
export function getFixedT(code: string, ns: string): (key: string, options?: Readonly<Record<string, unknown>>) => string {
  const t = i18next.getFixedT(code, ns);
  return (key, options) => t(key, { ...options });
}

/** Sets `<html lang dir>` so screen readers pronounce, and layout mirrors, correctly. */
export function applyDocumentLanguage(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

/** Initialises i18next for the given language (falls back to English if it is not offered). */
export async function initI18n(lang: string): Promise<typeof i18next> {
  const code = findLanguage(lang)?.code ?? defaultLanguage;
  const resources = eagerResources();
  const namespaces = Object.keys(resources[defaultLanguage] ?? {});
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next.use(initReactI18next).init({
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: false,
    resources,
    partialBundledLanguages: true,
    ns: namespaces,
    defaultNS: 'ui',
    keySeparator: false,
    nsSeparator: ':',
    interpolation: { escapeValue: false }, // React escapes; double escaping would show &amp;
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(defaultLanguage);
  if (code !== defaultLanguage) {
    try {
      await setLanguage(code);
    } catch {
      // Stay in English rather than show nothing; the switcher lets the caseworker retry.
    }
  }
  return i18next;
}

/** Switches the UI language; rejects if the language's files cannot be loaded. */
export async function setLanguage(code: string): Promise<void> {
  await loadLanguage(code);
  await i18next.changeLanguage(code);
  applyDocumentLanguage(code);
}

export { i18next };
export { contentNamespaceOf } from './resource-paths';
export { languages, defaultLanguage, directionOf, findLanguage, pickLanguage, isSupportedLanguage } from './languages';
export type { Language, TextDirection } from './languages';
