// WARNING: part of the verifier. A few kilobytes of deflate can expand to gigabytes (a compression
// bomb). The platform's DecompressionStream is fed in small slices, so backpressure holds the
// expansion to about a megabyte ahead of what has been counted, and it is stopped at `limit`.
import { concatBytes } from '../signing/bytes';
import { VerifyLimitError } from './limits';
import type { Budget } from './limits';

/** Input slice: deflate expands at most ~1032:1, so one slice yields at most ~1 MiB. */
const SLICE = 1024;

export class InflateError extends Error {
  override name = 'InflateError';
}

/** zlib-wrapped deflate (PDF /FlateDecode) → bytes, refusing output beyond `limit` bytes. */
export async function inflateLimited(input: Uint8Array, limit: number, budget: Budget): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let at = 0; at < input.length && !stopped; at += SLICE) {
      await writer.ready;
      await writer.write(input.slice(at, at + SLICE));
    }
    if (!stopped) await writer.close();
  })().catch(() => undefined); // a read-side error or an abort below ends the feeding too

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      budget.check();
      const { value, done } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) throw new VerifyLimitError('too-complex', `The embedded assessment expands to more than ${String(Math.round(limit / 1024 / 1024))} MB.`);
      chunks.push(value);
    }
  } catch (error) {
    stopped = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    if (error instanceof VerifyLimitError) throw error;
    throw new InflateError('The embedded assessment cannot be decompressed.');
  } finally {
    await feeding;
  }
  return concatBytes(chunks);
}
