/**
 * The bench's static server for the built app. Like tests/e2e/support/static-server.ts (same cache
 * headers, same index.html fallback for HTML navigations, 404 for a missing asset, can be stopped
 * so "offline" is real) but it gzips text responses when the browser accepts gzip, as any
 * production static host does: Lighthouse's simulated Slow 4G charges every byte, so serving the
 * JavaScript uncompressed would measure a deployment nobody runs.
 */
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

export interface BenchServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  /** Every path requested so far, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function serveBuild(root: string): Promise<BenchServer> {
  const base = normalize(root);
  const requests: string[] = [];
  const gzipCache = new Map<string, Buffer>();

  async function fileAt(path: string): Promise<string | null> {
    try {
      return (await stat(path)).isFile() ? path : null;
    } catch {
      return null;
    }
  }

  async function send(req: IncomingMessage, res: ServerResponse, path: string | null): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(method === 'HEAD' ? undefined : 'Not found');
      return;
    }
    const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const cache = /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let body: Buffer;
    if (gzip) {
      const cached = gzipCache.get(path);
      body = cached ?? gzipSync(await readFile(path), { level: 9 });
      gzipCache.set(path, body);
    } else {
      body = await readFile(path);
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(body.length),
      'Cache-Control': cache,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const target = normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (target !== base && !target.startsWith(base + sep)) return send(req, res, null);
    const file = await fileAt(target);
    if (file) return send(req, res, file);
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (wantsHtml && extname(pathname) === '') return send(req, res, await fileAt(join(base, 'index.html')));
    return send(req, res, null);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The bench server is not listening on a TCP port.');
  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${String(address.port)}/`,
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
