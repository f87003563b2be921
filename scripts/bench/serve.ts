/**
 * The bench's static server for the built app: the browser tests' server
 * (tests/e2e/support/static-server.ts: same cache headers, same index.html fallback, 404 for a
 * missing asset, can be stopped so "offline" is real) with gzip on, as any production static
 * host serves text: Lighthouse's simulated Slow 4G charges every byte, so serving the JavaScript
 * uncompressed would measure a deployment nobody runs.
 */
import { serveDist, type StaticServer } from '../../tests/e2e/support/static-server';

export type BenchServer = StaticServer;

export function serveBuild(root: string): Promise<BenchServer> {
  return serveDist(root, { gzip: true });
}
