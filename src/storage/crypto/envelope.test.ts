import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './errors';
import { open, seal, type Envelope } from './envelope';

const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const context = { recordId: 'rec-1', schemaVersion: 1 };
const value = { caseRef: 'KA-17', answers: { A1: 'yes', T1: 'Ana a fost dusă la Milano' }, n: 3, nested: [null, true] };

async function failure(promise: Promise<unknown>): Promise<EnvelopeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvelopeError);
  return error as EnvelopeError;
}

describe('envelope v1', () => {
  it('round-trips a JSON value as {v: 1, iv (12 random bytes), ct}', async () => {
    const a = await seal(key, value, context);
    const b = await seal(key, value, context);
    expect(Object.keys(a).sort()).toEqual(['ct', 'iv', 'v']);
    expect(a.v).toBe(1);
    expect(a.iv).toBeInstanceOf(Uint8Array);
    expect(a.iv.byteLength).toBe(12);
    expect(a.ct).toBeInstanceOf(Uint8Array);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ct).not.toEqual(b.ct);
    expect(await open(key, a, context)).toEqual(value);
  });

  it('survives a structured clone (what IndexedDB stores)', async () => {
    expect(await open(key, structuredClone(await seal(key, value, context)), context)).toEqual(value);
  });

  it('fails, naming the record, when any byte of iv or ct changes', async () => {
    const sealed = await seal(key, value, context);
    for (const field of ['iv', 'ct'] as const) {
      for (const index of [0, sealed[field].byteLength - 1]) {
        const tampered: Envelope = { ...sealed, [field]: sealed[field].slice() };
        tampered[field][index] = (tampered[field][index] ?? 0) ^ 0x01;
        const error = await failure(open(key, tampered, context));
        expect(error.problem).toBe('authentication-failed');
        expect(error.recordId).toBe('rec-1');
        expect(error.message).toContain('rec-1');
      }
    }
  });

  it('does not open for another record id or another schema version (additional data)', async () => {
    const sealed = await seal(key, value, context);
    expect((await failure(open(key, sealed, { recordId: 'rec-2', schemaVersion: 1 }))).recordId).toBe('rec-2');
    await failure(open(key, sealed, { recordId: 'rec-1', schemaVersion: 2 }));
    await failure(open(key, sealed, { recordId: 'rec-1|1', schemaVersion: 1 }));
  });

  it('does not open under another key', async () => {
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    expect((await failure(open(other, await seal(key, value, context), context))).problem).toBe('authentication-failed');
  });

  it('refuses unknown versions and malformed envelopes', async () => {
    const sealed = await seal(key, value, context);
    expect((await failure(open(key, { ...sealed, v: 2 }, context))).problem).toBe('unsupported-version');
    expect((await failure(open(key, { ...sealed, v: '1' }, context))).problem).toBe('unsupported-version');
    for (const stored of [
      undefined,
      null,
      'ciphertext',
      value,
      { ...sealed, iv: sealed.iv.slice(0, 11) },
      { ...sealed, ct: sealed.ct.slice(0, 15) },
      { ...sealed, iv: Array.from(sealed.iv) },
      { ...sealed, extra: 1 },
    ]) {
      expect((await failure(open(key, stored, context))).problem).toBe('malformed');
    }
  });

  it('refuses values JSON cannot represent', async () => {
    await expect(seal(key, undefined, context)).rejects.toBeInstanceOf(TypeError);
  });
});
