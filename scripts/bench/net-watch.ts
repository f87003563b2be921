/**
 * Records every TCP connection this Node process opens (Lighthouse, chrome-launcher, the bench
 * itself) whose host is not the loopback, by wrapping net.Socket#connect. The bench fails a part
 * that contacted anything beyond this machine: measuring must not leak either.
 */
import net from 'node:net';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  // No host means the default, localhost; a Unix socket path never leaves the machine either.
  return host === undefined || host === '' || LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

const outside: string[] = [];
let installed = false;

function hostOf(args: unknown[]): { host: string | undefined; port: unknown; path: boolean } {
  const [first, second] = args;
  if (Array.isArray(first)) return hostOf(first as unknown[]); // internal normalized form
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; port?: unknown; path?: string };
    return { host: o.host, port: o.port, path: typeof o.path === 'string' };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: undefined, port: undefined, path: true };
  return { host: typeof second === 'string' ? second : undefined, port: first, path: false };
}

/** Starts recording (idempotent). */
export function watchOutgoingConnections(): void {
  if (installed) return;
  installed = true;
  const connect = Reflect.get(net.Socket.prototype, 'connect') as (this: net.Socket, ...args: unknown[]) => net.Socket;
  Reflect.set(net.Socket.prototype, 'connect', function (this: net.Socket, ...args: unknown[]) {
    const { host, port, path } = hostOf(args);
    if (!path && !isLoopbackHost(host)) outside.push(`${String(host)}:${String(port)}`);
    return connect.apply(this, args);
  });
}

/** Hosts contacted beyond the loopback since the watch started. */
export function outgoingConnections(): readonly string[] {
  return [...outside];
}
