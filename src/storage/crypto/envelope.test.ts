import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './errors';
import { generationOf, open, openBytes, reseal, seal, sealBytes, singleKey, type Envelope } from './envelope';

const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const { write, read } = singleKey(key);
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
    const a = await seal(write, value, context);
    const b = await seal(write, value, context);
    expect(Object.keys(a).sort()).toEqual(['ct', 'iv', 'v']);
    expect(a.v).toBe(1);
    expect(a.iv).toBeInstanceOf(Uint8Array);
    expect(a.iv.byteLength).toBe(12);
    expect(a.ct).toBeInstanceOf(Uint8Array);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ct).not.toEqual(b.ct);
    expect(await open(read, a, context)).toEqual(value);
  });

  it('survives a structured clone (what IndexedDB stores)', async () => {
    expect(await open(read, structuredClone(await seal(write, value, context)), context)).toEqual(value);
  });

  it('fails, naming the record, when any byte of iv or ct changes', async () => {
    const sealed = await seal(write, value, context);
    for (const field of ['iv', 'ct'] as const) {
      for (const index of [0, sealed[field].byteLength - 1]) {
        const tampered: Envelope = { ...sealed, [field]: sealed[field].slice() };
        tampered[field][index] = (tampered[field][index] ?? 0) ^ 0x01;
        const error = await failure(open(read, tampered, context));
        expect(error.problem).toBe('authentication-failed');
        expect(error.recordId).toBe('rec-1');
        expect(error.message).toContain('rec-1');
      }
    }
  });

  it('does not open for another record id or another schema version (additional data)', async () => {
    const sealed = await seal(write, value, context);
    expect((await failure(open(read, sealed, { recordId: 'rec-2', schemaVersion: 1 }))).recordId).toBe('rec-2');
    await failure(open(read, sealed, { recordId: 'rec-1', schemaVersion: 2 }));
    await failure(open(read, sealed, { recordId: 'rec-1|1', schemaVersion: 1 }));
  });

  it('does not open under another key', async () => {
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    expect((await failure(open(singleKey(other).read, await seal(write, value, context), context))).problem).toBe('authentication-failed');
  });

  it('refuses unknown versions and malformed envelopes', async () => {
    const sealed = await seal(write, value, context);
    expect((await failure(open(read, { ...sealed, v: 3 }, context))).problem).toBe('unsupported-version');
    expect((await failure(open(read, { ...sealed, v: '1' }, context))).problem).toBe('unsupported-version');
    for (const stored of [
      undefined,
      null,
      'ciphertext',
      value,
      { ...sealed, iv: sealed.iv.slice(0, 11) },
      { ...sealed, ct: sealed.ct.slice(0, 15) },
      { ...sealed, iv: Array.from(sealed.iv) },
      { ...sealed, extra: 1 },
      { ...sealed, v: 2 }, // v2 needs its key generation
    ]) {
      expect((await failure(open(read, stored, context))).problem).toBe('malformed');
    }
  });

  it('refuses values JSON cannot represent', async () => {
    await expect(seal(write, undefined, context)).rejects.toBeInstanceOf(TypeError);
  });
});

const next = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('envelope v2 (a rotated data key, docs/adr/0005)', () => {
  const keys = (generation: number) => (generation === 0 ? key : generation === 1 ? next : undefined);

  it('names the generation that sealed it; generation 0 stays v1', async () => {
    const sealed = await seal({ generation: 1, key: next }, value, context);
    expect(Object.keys(sealed).sort()).toEqual(['ct', 'iv', 'k', 'v']);
    expect(sealed).toMatchObject({ v: 2, k: 1 });
    expect(generationOf(sealed)).toBe(1);
    expect(generationOf(await seal(write, value, context))).toBe(0);
    expect(await open(keys, structuredClone(sealed), context)).toEqual(value);
    for (const stored of [undefined, 'x', value, { ...sealed, k: 0 }, { ...sealed, k: 1.5 }, { ...sealed, v: 1 }]) expect(generationOf(stored)).toBeUndefined();
  });

  it('is opened with the key of the generation it names, and no other', async () => {
    const sealed = await seal({ generation: 1, key: next }, value, context);
    // A session that does not hold generation 1 (not yet unlocked after a rotation elsewhere).
    expect((await failure(open(read, sealed, context))).problem).toBe('unknown-key');
    // A relabelled generation picks a key that fails authentication.
    expect((await failure(open(keys, { ...sealed, k: 2 }, context))).problem).toBe('unknown-key');
    const asOld = { v: 1, iv: sealed.iv, ct: sealed.ct };
    expect((await failure(open(keys, asOld, context))).problem).toBe('authentication-failed');
  });

  it('reseal moves a record to another key: same plaintext and additional data, fresh IV', async () => {
    const bytes = new TextEncoder().encode('PKCS8-like bytes');
    const under0 = await sealBytes(write, bytes, context);
    const under1 = await reseal(keys, { generation: 1, key: next }, under0, context);
    expect(under1).toMatchObject({ v: 2, k: 1 });
    expect(under1.iv).not.toEqual(under0.iv);
    expect(new TextDecoder().decode(await openBytes(keys, under1, context))).toBe('PKCS8-like bytes');
    // The old key cannot open the new envelope even if it is relabelled as generation 0.
    await failure(openBytes(read, { v: 1, iv: under1.iv, ct: under1.ct }, context));
    // Bound to its record as before.
    await failure(reseal(keys, { generation: 1, key: next }, under0, { recordId: 'rec-2', schemaVersion: 1 }));
  });
});
