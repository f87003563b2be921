/**
 * Vite plugin: plans the offline kit from the bundle (offline-kit-plan.ts), writes it to
 * `offline-kit.json`, and gives vite-plugin-pwa the filter that keeps the kit out of the
 * precache (Workbox's `manifestTransforms`, which runs after the bundle is written).
 */
import type { Plugin } from 'vite';
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { KIT_MANIFEST_URL, type KitManifest } from '../../src/features/offline/kit-manifest';
import { planOfflineKit, type BuildFile } from './offline-kit-plan';

type ManifestTransform = NonNullable<NonNullable<VitePWAOptions['workbox']>['manifestTransforms']>[number];

export interface OfflineKit {
  readonly plugin: Plugin;
  /** Drops the kit's files from Workbox's precache manifest; fails the build if the plan is missing. */
  readonly precacheCoreOnly: ManifestTransform;
}

export function offlineKit(): OfflineKit {
  let plan: KitManifest | null = null;
  const plugin: Plugin = {
    name: 'homeward:offline-kit',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const outputs = Object.values(bundle);
      const names = outputs.filter((o) => o.type === 'asset').map((o) => o.fileName);
      const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
      const named = (text: string): string[] => names.filter((n) => text.includes(base(n)));
      const build: BuildFile[] = outputs.map((o) => {
        if (o.type === 'asset') {
          const source = o.source;
          const text = typeof source === 'string' ? source : null;
          return {
            fileName: o.fileName,
            bytes: typeof source === 'string' ? Buffer.byteLength(source) : source.byteLength,
            isEntry: false,
            imports: [],
            dynamicImports: [],
            // index.html names the entry's CSS and modules.
            references: text === null ? [] : named(text),
            modules: [],
          };
        }
        const meta = o.viteMetadata;
        return {
          fileName: o.fileName,
          bytes: Buffer.byteLength(o.code),
          isEntry: o.isEntry,
          imports: o.imports,
          dynamicImports: o.dynamicImports,
          // Vite's metadata names CSS and `?url` assets; a worker is named only in the code.
          references: [...new Set([...(meta ? [...meta.importedCss, ...meta.importedAssets] : []), ...named(o.code)])],
          modules: o.moduleIds,
        };
      });
      plan = planOfflineKit(build);
      this.emitFile({ type: 'asset', fileName: KIT_MANIFEST_URL, source: `${JSON.stringify(plan)}\n` });
    },
  };
  const precacheCoreOnly: ManifestTransform = (entries) => {
    if (!plan) throw new Error('offline kit: no plan (the homeward:offline-kit plugin did not run).');
    const deferred = new Set([...plan.shared, ...Object.values(plan.languages).flat()].map((f) => f.url));
    return { manifest: entries.filter((e) => !deferred.has(e.url.replace(/^\//, ''))), warnings: [] };
  };
  return { plugin, precacheCoreOnly };
}
