import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockedError } from '../crypto/errors';
import { HomewardDb } from '../db';
import { createCaseLinksRepository, currentReview, supersededByNextExport, type CaseOutcome } from './case-links';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

let db: HomewardDb;
let unlocked = true;
let dataKey: CryptoKey;
const session = {
  key() {
    if (!unlocked) throw new LockedError();
    return dataKey;
  },
};

beforeEach(async () => {
  unlocked = true;
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});

afterEach(() => db.close());

const outcome = (fingerprint: string, state: string): CaseOutcome => ({
  fingerprint,
  state,
  decisions: [{ kind: 'return', by: 'Fictional Supervisor', comments: 'Confirm the shelter place.' }],
  importedAt: '2026-12-01T10:00:00.000Z',
  signatures: 2,
});

describe('case links', () => {
  it('a decision shows as current only for the latest export; an older one is kept but not shown as current', async () => {
    const links = createCaseLinksRepository(db, session);
    await links.recordExport('d1', { fingerprint: A, exportedAt: '2026-12-01T09:00:00.000Z', supersedes: null });
    await links.recordOutcome('d1', outcome(A, 'returned'));
    expect(currentReview(await links.get('d1'))).toEqual({
      fingerprint: A,
      exportedAt: Date.parse('2026-12-01T09:00:00.000Z'),
      supersedes: null,
      outcome: { state: 'returned', decisions: outcome(A, 'returned').decisions },
    });
    // The caseworker changes what was asked and exports again: the return is no longer current.
    await links.recordExport('d1', { fingerprint: B, exportedAt: '2026-12-02T09:00:00.000Z', supersedes: A });
    const review = currentReview(await links.get('d1'));
    expect(review?.fingerprint).toBe(B);
    expect(review?.supersedes).toBe(A);
    expect(review?.outcome).toBeNull();
    expect(await links.findByFingerprint(A)).toBe('d1');
    expect(await links.findByFingerprint(B)).toBe('d1');
    expect(await links.findByFingerprint(C)).toBeUndefined();
  });

  it('a new version supersedes the version it continues until it is exported, then its own latest export', async () => {
    const links = createCaseLinksRepository(db, session);
    expect(supersededByNextExport(await links.get('d2'))).toBeNull();
    await links.recordBasedOn('d2', A);
    expect(supersededByNextExport(await links.get('d2'))).toBe(A);
    expect(currentReview(await links.get('d2'))).toBeNull();
    await links.recordExport('d2', { fingerprint: B, exportedAt: '2026-12-03T09:00:00.000Z', supersedes: A });
    expect(supersededByNextExport(await links.get('d2'))).toBe(B);
    // The same export noted twice (a retry) is one entry, not two.
    await links.recordExport('d2', { fingerprint: B, exportedAt: '2026-12-03T09:00:05.000Z', supersedes: A });
    expect((await links.get('d2'))?.exports).toHaveLength(1);
  });

  it('is sealed: nothing of it is readable while locked, and a row is not stored in plaintext', async () => {
    const links = createCaseLinksRepository(db, session);
    await links.recordExport('d3', { fingerprint: A, exportedAt: '2026-12-01T09:00:00.000Z', supersedes: null });
    await links.recordOutcome('d3', outcome(A, 'approved'));
    const raw = JSON.stringify(await db.caseLinks.toArray(), (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
    expect(raw).not.toContain(A);
    expect(raw).not.toContain('Fictional Supervisor');
    unlocked = false;
    await expect(links.get('d3')).rejects.toThrow(LockedError);
  });

  it('removes a draft\'s links with the draft', async () => {
    const links = createCaseLinksRepository(db, session);
    await links.recordExport('d4', { fingerprint: A, exportedAt: '2026-12-01T09:00:00.000Z', supersedes: null });
    await links.remove('d4');
    expect(await links.get('d4')).toBeUndefined();
    expect(await links.findByFingerprint(A)).toBeUndefined();
  });
});
