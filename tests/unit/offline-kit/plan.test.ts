import { describe, expect, it } from 'vitest';
import { languageOfModule, planOfflineKit, type BuildFile } from '../../../scripts/pwa/offline-kit-plan';

const file = (fileName: string, over: Partial<BuildFile> = {}): BuildFile => ({
  fileName, bytes: 100, isEntry: false, imports: [], dynamicImports: [], references: [], modules: [], ...over,
});

// A build shaped like Homeward's: the entry, a wizard screen, strings per language, the export
// screen whose PDF chunk pulls pdf-lib, a settings chunk that statically needs PKI.js, fonts, a worker.
const build: BuildFile[] = [
  file('index.html', { references: ['assets/index.js', 'assets/index.css'] }),
  file('assets/index.js', {
    isEntry: true, imports: ['assets/shared.js'], modules: ['/r/src/main.tsx'],
    dynamicImports: ['assets/wizard.js', 'assets/strings-en.js', 'assets/strings-ar.js', 'assets/ui-ar.js', 'assets/content-ar.js', 'assets/content-en.js', 'assets/export-screen.js', 'assets/settings.js'],
  }),
  file('assets/index.css'),
  file('assets/shared.js', { modules: ['/r/node_modules/react/index.js'] }),
  file('assets/wizard.js', { imports: ['assets/shared.js'], modules: ['/r/src/features/wizard/index.ts'], references: ['assets/wizard.css'] }),
  file('assets/wizard.css'),
  file('assets/strings-en.js', { modules: ['/r/locales/en/wizard.json', '/r/locales/en/offline.json'] }),
  file('assets/strings-ar.js', { modules: ['/r/locales/ar/wizard.json', '/r/locales/ar/offline.json'] }),
  file('assets/ui-ar.js', { modules: ['/r/locales/ar/ui.json'] }),
  file('assets/content-ar.js', { modules: ['/r/src/instrument/definitions/homeward-return/v2/content/ar.json'] }),
  file('assets/content-en.js', { modules: ['/r/src/instrument/definitions/homeward-return/v2/content/en.json'] }),
  file('assets/export-screen.js', { modules: ['/r/src/features/export/export-screen.tsx'], dynamicImports: ['assets/export-chunk.js'], references: ['assets/worker.js'] }),
  file('assets/export-chunk.js', { imports: ['assets/pdf.js', 'assets/shared.js'], modules: ['/r/src/export/facade/export-chunk.ts'], dynamicImports: ['assets/fonts.js'] }),
  file('assets/pdf.js', { modules: ['/r/node_modules/pdf-lib/es/index.js'] }),
  file('assets/fonts.js', { modules: ['/r/src/export/summary/fonts.ts'], references: ['assets/Noto.ttf'] }),
  file('assets/Noto.ttf', { bytes: 5000 }),
  file('assets/worker.js', { bytes: 700 }),
  file('assets/settings.js', { modules: ['/r/src/features/settings/index.ts'], dynamicImports: ['assets/identity-settings.js'] }),
  file('assets/identity-settings.js', { modules: ['/r/src/features/export/identity/identity-settings.tsx'], imports: ['assets/pkijs.js'] }),
  file('assets/pkijs.js', { modules: ['/r/node_modules/pkijs/build/index.es.js'] }),
];

describe('offline kit plan', () => {
  const plan = planOfflineKit(build);
  const urls = (files: readonly { url: string }[]): string[] => files.map((f) => f.url);

  it('keeps in the core everything the entry reaches without PDF, signing or another language', () => {
    expect(urls(plan.core)).toEqual([
      'assets/content-en.js', 'assets/export-screen.js', 'assets/index.css', 'assets/index.js', 'assets/settings.js', 'assets/shared.js',
      'assets/strings-en.js', 'assets/ui-ar.js', 'assets/wizard.css', 'assets/wizard.js', 'index.html',
    ]);
  });

  it('defers the PDF and signing code, a chunk that statically needs it, fonts and workers; each language its own files', () => {
    expect(urls(plan.shared)).toEqual(['assets/export-chunk.js', 'assets/fonts.js', 'assets/identity-settings.js', 'assets/Noto.ttf', 'assets/pdf.js', 'assets/pkijs.js', 'assets/worker.js']);
    expect(Object.keys(plan.languages)).toEqual(['ar']);
    expect(urls(plan.languages.ar ?? [])).toEqual(['assets/content-ar.js', 'assets/strings-ar.js']);
  });

  it('puts every file in exactly one list, with its size', () => {
    const all = [...plan.core, ...plan.shared, ...Object.values(plan.languages).flat()];
    expect(all.map((f) => f.url).sort()).toEqual(build.map((f) => f.fileName).sort());
    expect(all.find((f) => f.url === 'assets/Noto.ttf')?.bytes).toBe(5000);
  });

  it('never defers a chunk the core imports statically, even PDF code', () => {
    const tangled = build.map((f) => (f.isEntry ? { ...f, imports: [...f.imports, 'assets/pdf.js'] } : f));
    const p = planOfflineKit(tangled);
    expect(urls(p.core)).toContain('assets/pdf.js');
    expect(urls(p.shared)).not.toContain('assets/pdf.js');
  });

  it('leaves no core chunk with a static import outside the core', () => {
    const core = new Set(urls(plan.core));
    for (const f of build.filter((b) => core.has(b.fileName))) for (const name of f.imports) expect(core, `${f.fileName} → ${name}`).toContain(name);
  });

  it('never defers files outside assets/, and keeps a chunk mixing languages in the core', () => {
    const odd = [...build, file('assets/mixed.js', { modules: ['/r/locales/ar/x.json', '/r/locales/vi/x.json'] }), file('sw-helper.js')];
    const entry = odd.map((f) => (f.isEntry ? { ...f, dynamicImports: [...f.dynamicImports, 'assets/mixed.js'] } : f));
    const p = planOfflineKit(entry);
    expect(urls(p.core)).toEqual(expect.arrayContaining(['assets/mixed.js', 'sw-helper.js']));
  });

  it('names a module by its language: other strings and wording only, never English nor the first screen', () => {
    expect(languageOfModule('/r/locales/ti/export.json')).toBe('ti');
    expect(languageOfModule('/r/locales/ti/ui.json')).toBeNull();
    expect(languageOfModule('/r/locales/en/export.json')).toBeNull();
    expect(languageOfModule('/r/src/instrument/definitions/homeward-return/v1/content/vi.json')).toBe('vi');
    expect(languageOfModule('/r/src/instrument/definitions/homeward-return/v1/content/en.json')).toBeNull();
    expect(languageOfModule('/r/src/features/wizard/index.ts')).toBeNull();
  });
});

describe('the worker script that saves the kit', () => {
  it('writes to the cache the page reads and the worker route serves', async () => {
    const { readFileSync } = await import('node:fs');
    const { KIT_CACHE } = await import('../../../src/features/offline/kit-manifest');
    const script = readFileSync(new URL('../../../public/offline-kit-sw.js', import.meta.url), 'utf8');
    expect(script).toContain(`const KIT_CACHE = '${KIT_CACHE}';`);
    expect(script).toContain(`const PRECACHE_PREFIX = 'workbox-precache';`);
  });
});
