import { describe, expect, it } from 'vitest';
import { OFFLINE_KIT_PREFIX } from '../../storage/wipe';
import { KIT_CACHE, parseKitManifest, type KitManifest } from './kit-manifest';
import { downloadOrder, kitStatus } from './kit-status';

const manifest: KitManifest = {
  version: 1,
  core: [{ url: 'index.html', bytes: 10 }, { url: 'assets/index.js', bytes: 90 }],
  shared: [{ url: 'assets/pdf.js', bytes: 200 }, { url: 'assets/Noto.ttf', bytes: 500 }],
  languages: { ar: [{ url: 'assets/strings-ar.js', bytes: 40 }], vi: [{ url: 'assets/strings-vi.js', bytes: 30 }] },
};
const codes = ['en', 'vi', 'ar'];
const all = ['index.html', 'assets/index.js', 'assets/pdf.js', 'assets/Noto.ttf', 'assets/strings-ar.js', 'assets/strings-vi.js'];

describe('kit status', () => {
  it('is ready in a language only with an active worker, the core, the PDF code and fonts, and its own files', () => {
    const everything = kitStatus(manifest, codes, new Set(all), true);
    expect(everything.languages.map((l) => l.ready)).toEqual([true, true, true]);
    expect(everything.complete).toBe(true);
    expect(everything.savedBytes).toBe(870);

    expect(kitStatus(manifest, codes, new Set(all), false).languages.some((l) => l.ready)).toBe(false);
    for (const missing of all) {
      const status = kitStatus(manifest, codes, new Set(all.filter((u) => u !== missing)), true);
      const ready = Object.fromEntries(status.languages.map((l) => [l.code, l.ready]));
      const ownedBy = Object.entries(manifest.languages).find(([, files]) => files.some((f) => f.url === missing))?.[0];
      // A language's own file blocks only that language; anything else blocks every language.
      for (const code of codes) expect(ready[code], `${code} without ${missing}`).toBe(ownedBy !== undefined && ownedBy !== code);
      expect(status.complete).toBe(false);
    }
  });

  it('counts saved bytes per language over what that language needs', () => {
    const status = kitStatus(manifest, codes, new Set(['index.html', 'assets/index.js', 'assets/strings-ar.js']), true);
    expect(status.coreReady).toBe(true);
    const ar = status.languages.find((l) => l.code === 'ar');
    expect(ar).toEqual({ code: 'ar', ready: false, savedBytes: 140, totalBytes: 840 });
    expect(status.languages.find((l) => l.code === 'en')).toEqual({ code: 'en', ready: false, savedBytes: 100, totalBytes: 800 });
  });

  it('saves the UI language first, then the PDF code, the fonts, and the other languages', () => {
    expect(downloadOrder(manifest, 'vi', new Set()).map((f) => f.url)).toEqual(['assets/strings-vi.js', 'assets/pdf.js', 'assets/Noto.ttf', 'assets/strings-ar.js']);
    expect(downloadOrder(manifest, 'en', new Set(['assets/pdf.js'])).map((f) => f.url)).toEqual(['assets/Noto.ttf', 'assets/strings-ar.js', 'assets/strings-vi.js']);
  });
});

describe('kit manifest parsing', () => {
  it('reads what the build writes', () => {
    expect(parseKitManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
  });

  it('refuses another origin, a path out of the site, odd sizes and unknown versions', () => {
    const withShared = (url: string, bytes: unknown = 1): unknown => ({ ...manifest, shared: [{ url, bytes }] });
    for (const bad of [
      withShared('https://elsewhere.example/x.js'), withShared('//elsewhere.example/x.js'), withShared('/assets/x.js'),
      withShared('assets/../../x.js'), withShared('assets/x.js?y=1'), withShared('assets/x.js', -1), withShared('assets/x.js', 1.5),
      withShared('assets/x.js', '1'), { ...manifest, version: 2 }, { ...manifest, languages: { 'a/b': [] } }, null, [], 'x',
    ]) expect(parseKitManifest(bad)).toBeNull();
  });
});

describe('kit cache', () => {
  it('is one the panic wipe keeps, as it keeps the precache: app files only, needed to export offline', () => {
    expect(KIT_CACHE.startsWith(OFFLINE_KIT_PREFIX)).toBe(true);
  });
});
