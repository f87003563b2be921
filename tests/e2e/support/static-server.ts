/**
 * A tiny static server for the built app (dist/). The browser tests need a server they can stop:
 * "offline" means the origin is really gone, so even the service worker's own network requests
 * fail, which neither `vite preview` in another process nor Playwright's offline emulation alone
 * guarantees. Serves index.html for unknown paths that ask for HTML (the app routes by hash, but
 * start_url and deep links still land here) and 404s for missing assets, so a chunk left out of the
 * build is an error and never masked by the fallback.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Types worth compressing (fonts in woff2 and images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|wasm)|image\/svg|font\/(ttf|otf))/;

export interface StaticServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  readonly port: number;
  /** Every path requested so far, in order (lets a test prove the server was not asked). */
  readonly requests: readonly string[];
  /** Stops listening and drops open keep-alive connections, so the origin is gone at once. */
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (default) picks a free port; pass a port to come back on the same origin. */
  readonly port?: number;
  /** Extra headers for every response (e.g. a Content-Security-Policy under test). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Gzip text responses when the browser accepts gzip, as a production static host does (the
   * bench uses this: Lighthouse's simulated Slow 4G charges every byte). Off for the tests.
   */
  readonly gzip?: boolean;
  /**
   * Holds a request back until the promise it returns settles (undefined: served at once), so a
   * test can see the app while some files have not arrived yet, as on a slow first visit.
   */
  readonly hold?: (pathname: string) => Promise<void> | undefined;
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size } : null;
  } catch {
    return null;
  }
}

const gzipCache = new Map<string, Buffer>();

async function sendGzip(res: ServerResponse, method: string, status: number, path: string, headers: Readonly<Record<string, string>>): Promise<void> {
  const body = gzipCache.get(path) ?? gzipSync(await readFile(path), { level: 9 });
  gzipCache.set(path, body);
  res.writeHead(status, { ...headers, 'Content-Length': String(body.length), 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
  res.end(method === 'HEAD' ? undefined : body);
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  file: { path: string; size: number } | null,
  headers: Readonly<Record<string, string>>,
  gzip: boolean,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (!file) {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(method === 'HEAD' ? undefined : 'Not found');
    return;
  }
  const type = MIME[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  // The service worker script and the HTML must be revalidated, or an update test would see stale
  // copies; hashed assets are immutable by construction.
  const cache = /[\\/]assets[\\/]/.test(file.path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    await sendGzip(res, method, status, file.path, { ...headers, 'Content-Type': type, 'Cache-Control': cache });
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': String(file.size), 'Cache-Control': cache });
  if (method === 'HEAD') res.end();
  else createReadStream(file.path).pipe(res);
}

export async function serveDist(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = normalize(root);
  const headers = { 'X-Content-Type-Options': 'nosniff', ...options.headers };
  const gzip = options.gzip ?? false;
  const requests: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    await options.hold?.(pathname);
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const target = normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (target !== base && !target.startsWith(base + sep)) {
      await send(req, res, 404, null, headers, gzip);
      return;
    }
    const file = await fileAt(target);
    if (file) {
      await send(req, res, 200, file, headers, gzip);
      return;
    }
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (wantsHtml && extname(pathname) === '') {
      await send(req, res, 200, await fileAt(join(base, 'index.html')), headers, gzip);
      return;
    }
    await send(req, res, 404, null, headers, gzip);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1, not localhost: the browser and Node must agree on one address family.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The static server is not listening on a TCP port.');
  const { port } = address;
  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    port,
    requests,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
