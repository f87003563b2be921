/**
 * i18n runtime. Contract:
 * - `initI18n(lang)` once, before the first render. Only what the first screen (the lock screen
 *   and the shell around it) needs is there before it renders: English `ui` strings are bundled
 *   in the entry chunk, and for another language its `ui` file is fetched (from the precache).
 * - Every other namespace (wizard, engine, export, …) of the UI language and of English (the
 *   fallback) is fetched after the first screen: `useAllStrings()` starts that and tells when it
 *   is done; the shell shows nothing past the lock until then (src/app/app.tsx).
 * - `setLanguage(code)` switches language (all its namespaces) and sets `<html lang dir>`.
 * - `loadInstrumentContent()` fetches the instrument wording; the shell awaits it before the
 *   wizard and review render (see src/app/screen-outlet.tsx).
 * - `loadPersonLanguage(code)` fetches another language's UI strings and wording without
 *   switching the UI (side-by-side interview); `getFixedT(code, ns)` then translates in it.
 * - Keys are flat ("drafts.title"), so `keySeparator` is off; `ns:key` picks a namespace.
 *   UI namespaces are the file names in locales/<lang>/ (ui, engine, wizard, …); the default
 *   namespace is `ui`. Instrument wording is the namespace `contentNamespace(id, version)`.
 * Adding a language is only adding files and one entry in languages.ts: nothing here names one.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import i18next, { type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, directionOf, findLanguage } from './languages';
import { contentNamespaceOf, parseContentPath, parseLocalePath } from './resource-paths';

type Loader = () => Promise<unknown>;

/** The namespace of the lock screen and the shell: the only one the first screen needs. */
export const FIRST_SCREEN_NAMESPACE = 'ui';

// English `ui` strings (the fallback of the first screen) are in the entry chunk. Everything
// else, including English's other namespaces and the instrument wording in every language,
// becomes small chunks loaded on demand: the first screen does not need them, and every byte
// and every string object in the entry delays it on a cheap phone.
const eagerLocales = import.meta.glob<ResourceKey>('/locales/en/ui.json', { eager: true, import: 'default' });
const lazyLocales: Record<string, Loader> = import.meta.glob(['/locales/*/*.json', '!/locales/en/ui.json'], {
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

/** Every UI namespace a language has a file for (bundled or fetched). */
function uiNamespacesOf(code: string): string[] {
  return [...Object.keys(eagerLocales), ...Object.keys(lazyLocales)].flatMap((path) => {
    const locale = parseLocalePath(path);
    return locale?.lang === code ? [locale.namespace] : [];
  });
}

const loading = new Map<string, Promise<void>>();
// Set once a screen has asked for instrument wording; from then on a language switch fetches
// the new language's wording too, so the wizard never shows keys after switching.
let contentWanted = false;

/** Fetches and registers one file of a glob set; cached, retried after a failure. */
function loadFile(path: string, load: Loader, bundle: { lang: string; namespace: string }): Promise<void> {
  const cached = loading.get(path);
  if (cached) return cached;
  const done = load().then(
    (data) => {
      i18next.addResourceBundle(bundle.lang, bundle.namespace, data, true, true);
    },
    (error: unknown) => {
      loading.delete(path); // e.g. offline before the precache finished: allow a retry
      throw error;
    },
  );
  loading.set(path, done);
  return done;
}

/** Fetches and registers the bundles of one glob set for a language (optionally one namespace). */
function loadBundles(kind: 'ui' | 'content', code: string, onlyNamespace?: string): Promise<void> {
  const loaders = kind === 'ui' ? lazyLocales : lazyContent;
  const jobs = Object.entries(loaders).flatMap(([path, load]) => {
    const bundle = bundleOf(path);
    if (bundle?.lang !== code || (onlyNamespace !== undefined && bundle.namespace !== onlyNamespace)) return [];
    return [loadFile(path, load, bundle)];
  });
  return Promise.all(jobs).then(() => undefined);
}

/**
 * Fetches every UI namespace of a language and of English (the fallback), and the language's
 * instrument wording once that has been asked for.
 */
export async function loadLanguage(code: string): Promise<void> {
  await Promise.all([
    loadBundles('ui', code),
    code === defaultLanguage ? undefined : loadBundles('ui', defaultLanguage),
    contentWanted ? loadBundles('content', code) : undefined,
  ]);
}

/** True once every UI namespace of `code` and of English is registered. */
export function hasAllStrings(code: string): boolean {
  return [code, defaultLanguage].every((lang) => uiNamespacesOf(lang).every((ns) => i18next.hasResourceBundle(lang, ns)));
}

function currentLanguage(): string {
  return i18next.resolvedLanguage ?? i18next.language;
}

function subscribeStrings(onChange: () => void): () => void {
  i18next.store.on('added', onChange);
  i18next.on('languageChanged', onChange);
  return () => {
    i18next.store.off('added', onChange);
    i18next.off('languageChanged', onChange);
  };
}

const STRINGS_RETRY_MS = 2_000;

/**
 * Whether every UI namespace of the current language (and English) is there. Once `fetch` is
 * true (the shell sets it after the first screen, which needs only `ui`), missing ones are
 * fetched; a failed fetch is retried.
 */
export function useAllStrings(fetch: boolean): boolean {
  const ready = useSyncExternalStore(subscribeStrings, () => hasAllStrings(currentLanguage()));
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (ready || !fetch) return undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    loadLanguage(currentLanguage()).catch(() => {
      retry = setTimeout(() => {
        setAttempt((n) => n + 1);
      }, STRINGS_RETRY_MS);
    });
    return () => {
      clearTimeout(retry);
    };
  }, [ready, fetch, attempt]);
  return ready;
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
  await Promise.all([
    loadBundles('ui', code),
    loadBundles('ui', defaultLanguage), // the fallback (only `ui` is bundled)
    loadBundles('content', code),
    loadBundles('content', defaultLanguage),
  ]);
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
      // Only what the first screen shows; useAllStrings() fetches the rest after it.
      await loadBundles('ui', code, FIRST_SCREEN_NAMESPACE);
      await i18next.changeLanguage(code);
      applyDocumentLanguage(code);
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
