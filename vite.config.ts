import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { offlineKit } from './scripts/pwa/offline-kit-plugin';
import { KIT_CACHE } from './src/features/offline/kit-manifest';

const kit = offlineKit();

/**
 * The dev server only: drops index.html's Content-Security-Policy meta. Dev mode needs inline script
 * (React Refresh's preamble) and inline <style> (Vite's CSS hot reload), which the policy rightly
 * blocks; the build, which is what ships and what the browser tests run, keeps it.
 */
function cspOffInDev(): Plugin {
  return {
    name: 'homeward:csp-off-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  plugins: [
    cspOffInDev(),
    react(),
    kit.plugin,
    VitePWA({
      // Never reload a tab behind the caseworker's back: the app asks, and only when no input is unsaved.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Homeward',
        short_name: 'Homeward',
        description: 'Pre-return risk assessment, offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e5f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Signed summaries shared from another app (mail, messaging, files) land in "Received
        // cases": the worker sets them aside (public/share-target-sw.js) until the app is unlocked.
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'files', accept: ['application/pdf', '.pdf'] }] },
        },
      },
      workbox: {
        // The precache is the core (set up, interview, review; English and every language's
        // first-screen strings), at most 2 MB (scripts/size.mjs --check). The offline kit (PDF and
        // signing code, PDF fonts, the other languages' strings and wording) is left out here and
        // saved by the page once the precache is complete (src/features/offline), into KIT_CACHE.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,ttf,json,webmanifest}'],
        manifestTransforms: [kit.precacheCoreOnly],
        // Loaded into the worker before Workbox's routes: files shared to the app (Web Share Target)
        // and the offline kit's downloads, fetched and stored when the page asks (both in public/).
        importScripts: ['share-target-sw.js', 'offline-kit-sw.js'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        runtimeCaching: [
          {
            // Built files have content hashes in their names, so a cached copy is never stale.
            // Serves the kit offline; online, a kit file fetched before the kit is complete (an
            // export, a language switch) is kept too.
            urlPattern: /\/assets\//,
            handler: 'CacheFirst',
            options: { cacheName: KIT_CACHE, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // A language's UI strings beyond `ui` (wizard, engine, export, …) travel as one chunk
              // per language: they are always fetched together (src/i18n, after the first screen or
              // on a language switch), so one request and one script instead of seven. Each `ui`
              // file stays apart: it is the only one the first screen waits for.
              debugName: 'strings',
              name: (id: string) => {
                const m = /\/locales\/([A-Za-z0-9-]+)\/([A-Za-z0-9_-]+)\.json$/.exec(id);
                return m && m[2] !== 'ui' ? `strings-${m[1] ?? ''}` : null;
              },
            },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
