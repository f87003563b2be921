/**
 * Data key rotation (docs/adr/0005) end to end on fake-indexeddb with the real keyring (600,000
 * PBKDF2 iterations: each test derives a handful of keys, ~0.2 s each), every sealed kind of
 * record, and interruptions between every step.
 */
import { describe, expect, it } from 'vitest';
import {
  Crash,
  devicesClosedAfterEach,
  everyKeyStillSigns,
  fieldsOpenedBy,
  NEW_PASSPHRASE,
  OLD_PASSPHRASE,
  populate,
  rawSealedFields,
  readEverything,
  rotationDeps,
  type Device,
  type Page,
} from '../../../tests/helpers/sealed-device';
import { DATA_KEY_MARKER_ID, readDataKeyMarker, writeDataKeyMarker } from './data-key-marker';
import { generationOf, seal } from './envelope';
import { KeyringError, LockedError, RotationIncompleteError, RotationRefusedError, WrongPassphraseError } from './errors';
import { rotateDataKey, settleDataKey, type RotationProgress, type RotationStep } from './rotation';

const aDevice = devicesClosedAfterEach();

async function deviceWithRecords(drafts = 5): Promise<{ device: Device; page: Page }> {
  const device = aDevice();
  const page = device.page();
  await page.session.setup(OLD_PASSPHRASE);
  await populate(page, drafts);
  return { device, page };
}


/** A new page after the old one died: unlocks with whichever passphrase works now, and says which. */
async function reopen(device: Device): Promise<{ page: Page; passphrase: string }> {
  const page = device.page();
  for (const passphrase of [NEW_PASSPHRASE, OLD_PASSPHRASE]) {
    try {
      await page.session.unlock(passphrase);
      return { page, passphrase };
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
    }
  }
  throw new Error('neither passphrase opens the keyring');
}

/** After a completed rotation: one key (generation 1), new passphrase only, every field under it, the old key opens nothing. */
async function expectRotated(device: Device, before: Awaited<ReturnType<typeof readEverything>>, oldKey: CryptoKey): Promise<void> {
  expect(await device.keyring.describe()).toMatchObject({ current: 1, generations: [1], rotation: null });
  await expect(device.keyring.unlock(OLD_PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
  const page = device.page();
  await page.session.unlock(NEW_PASSPHRASE);
  expect(await readEverything(page)).toEqual(before);
  expect(await everyKeyStillSigns(page)).toBe(true);
  const fields = await rawSealedFields(device.db);
  expect(fields.map((field) => generationOf(field.stored))).toEqual(fields.map(() => 1));
  expect(await fieldsOpenedBy(device.db, oldKey), 'stored fields the old data key still opens').toBe(0);
  expect(await fieldsOpenedBy(device.db, page.session.writeKey().key)).toBe(fields.length);
  expect(await readDataKeyMarker(device.db)).toBe(1);
}

async function oldDataKey(device: Device): Promise<CryptoKey> {
  const key = (await device.keyring.unlock(OLD_PASSPHRASE)).keys.get(0);
  if (!key) throw new Error('no generation 0');
  return key;
}

describe('data key rotation', () => {
  it('re-encrypts every sealed record under a new key, reports honest progress, and destroys the old key', async () => {
    const { device, page } = await deviceWithRecords(5);
    const before = await readEverything(page);
    expect(before.drafts).toHaveLength(5);
    expect(before.identities).toHaveLength(1);
    const oldKey = await oldDataKey(device);
    const rowsBefore: unknown[] = await device.db.drafts.toArray();
    const progress: RotationProgress[] = [];

    const result = await rotateDataKey(rotationDeps(device, page, { onProgress: (p) => progress.push(p), batchSize: 2 }), OLD_PASSPHRASE, NEW_PASSPHRASE);

    // 5 drafts + 1 identity + 1 root + 1 authority + 1 received file + 1 case link + 1 agreement key + 1 address book entry + 1 kit.
    expect(result.records).toBe(13);
    for (const phase of ['checking', 'sealing', 'verifying'] as const) {
      const seen = progress.filter((p) => p.phase === phase);
      expect(seen.length, phase).toBeGreaterThan(0);
      expect(seen.every((p) => p.total === 13 && p.done <= p.total), phase).toBe(true);
      expect(seen.map((p) => p.done), phase).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
      expect(seen.at(-1)?.done, phase).toBe(13);
    }
    const order = ['checking', 'keys', 'sealing', 'verifying'];
    expect(progress.map((p) => p.phase)).toEqual([...progress.map((p) => p.phase)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(progress.filter((p) => p.phase === 'keys')).toEqual([{ phase: 'keys', done: 0, total: 13 }]);
    // The rotating session carries on with the new key alone.
    expect(page.session.rotation()).toBeNull();
    expect(page.session.writeKey().generation).toBe(1);
    expect(page.session.readKey(0)).toBeUndefined();
    await expectRotated(device, before, oldKey);
    // A re-seal is not an edit: the drafts' timestamps (used to detect stale tabs) are unchanged.
    const rowsAfter: unknown[] = await device.db.drafts.toArray();
    expect(rowsAfter.map((row) => (row as { updatedAt: number }).updatedAt)).toEqual(rowsBefore.map((row) => (row as { updatedAt: number }).updatedAt));
  });

  it('changes nothing when the current passphrase is wrong', async () => {
    const { device, page } = await deviceWithRecords(1);
    const described = await device.keyring.describe();
    const fields = await rawSealedFields(device.db);
    await expect(rotateDataKey(rotationDeps(device, page), 'not the passphrase', NEW_PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await device.keyring.describe()).toEqual(described);
    expect(await rawSealedFields(device.db)).toEqual(fields);
    expect(await readDataKeyMarker(device.db)).toBeUndefined();
  });

  it('refuses, changing nothing, while a record does not open with the current key (dropping the key would lose it)', async () => {
    const { device, page } = await deviceWithRecords(2);
    const stranger = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const [row] = await device.db.drafts.toArray();
    if (!row) throw new Error('no draft');
    await device.db.drafts.put({ ...row, data: await seal({ generation: 0, key: stranger }, { caseRef: 'x' }, { recordId: row.id, schemaVersion: 1 }) });
    const described = await device.keyring.describe();

    const error: unknown = await rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationRefusedError);
    expect((error as RotationRefusedError).unreadable).toBe(1);
    expect(await device.keyring.describe()).toEqual(described);
    await expect(device.keyring.unlock(OLD_PASSPHRASE)).resolves.toBeDefined();
    expect((await page.drafts.list()).unreadable).toEqual([row.id]);
  });

  // Each step, and three points inside the re-sealing, as a crash (the page dies: nothing after
  // it runs) or a quick exit (the session is locked). The next page unlocks with the passphrase
  // that works, which must be the new one from 'begun' on, and finishing there must give the
  // same records, all under the new key, with the old key destroyed.
  const points: [RotationStep, number][] = [['checked', 1], ['begun', 1], ['adopted', 1], ['marked', 1], ['batch', 1], ['batch', 2], ['batch', 4], ['verified', 1], ['finished', 1]];
  it.each(points)('an interruption after %s (#%i) leaves every record readable; the next unlock finishes', async (stop, nth) => {
    const { device, page } = await deviceWithRecords(5);
    const before = await readEverything(page);
    const oldKey = await oldDataKey(device);
    let seen = 0;
    const checkpoint = (name: RotationStep) => {
      if (name !== stop) return;
      seen += 1;
      if (seen !== nth) return;
      if (nth % 2 === 0) page.session.lock(); // quick exit mid-rotation
      else throw new Crash();
    };
    await rotateDataKey(rotationDeps(device, page, { checkpoint, batchSize: 2 }), OLD_PASSPHRASE, NEW_PASSPHRASE).catch((error: unknown) => {
      if (!(error instanceof RotationIncompleteError || error instanceof LockedError || error instanceof Crash)) throw error;
    });
    page.session.lock();

    const { page: next, passphrase } = await reopen(device);
    expect(passphrase).toBe(stop === 'checked' ? OLD_PASSPHRASE : NEW_PASSPHRASE);
    // Readable before anything else runs, whatever generation each record is under now.
    expect(await readEverything(next)).toEqual(before);
    const settled = await settleDataKey(rotationDeps(device, next));
    if (stop === 'checked') {
      expect(settled).toEqual({ kind: 'ready' });
      await rotateDataKey(rotationDeps(device, next), OLD_PASSPHRASE, NEW_PASSPHRASE);
    } else if (stop === 'finished') {
      expect(settled).toEqual({ kind: 'ready' });
    } else {
      expect(settled).toEqual({ kind: 'finished', records: 13 });
    }
    await expectRotated(device, before, oldKey);
  });

  it('a write that fails mid-rotation (storage full) leaves the app usable on both keys; the next attempt finishes', async () => {
    const { device, page } = await deviceWithRecords(4);
    const before = await readEverything(page);
    const oldKey = await oldDataKey(device);
    let updates = 0;
    const full = (): void => {
      updates += 1;
      if (updates === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    device.db.drafts.hook('updating', full);

    const error: unknown = await rotateDataKey(rotationDeps(device, page, { batchSize: 1 }), OLD_PASSPHRASE, NEW_PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationIncompleteError);
    expect((error as RotationIncompleteError).problem).toBe('interrupted');
    device.db.drafts.hook('updating').unsubscribe(full);
    // Half done: some records under each key, the same session reads all of them and writes under the new one.
    expect(new Set((await rawSealedFields(device.db)).map((field) => generationOf(field.stored)))).toEqual(new Set([0, 1]));
    expect(await readEverything(page)).toEqual(before);
    expect(page.session.rotation()).toEqual({ from: 0, to: 1 });
    expect(await device.keyring.describe()).toMatchObject({ generations: [0, 1], rotation: { from: 0, to: 1 } });

    expect(await settleDataKey(rotationDeps(device, page))).toEqual({ kind: 'finished', records: 12 });
    await expectRotated(device, before, oldKey);
  });

  it('a record damaged during the rotation stops it with the old key kept, and says how many', async () => {
    const { device, page } = await deviceWithRecords(3);
    const [victim] = (await page.drafts.list()).drafts;
    if (!victim) throw new Error('no draft');
    const checkpoint = async (name: RotationStep) => {
      if (name !== 'marked') return;
      // Damaged after the check that every record opens (a disk fault): one bit of its ciphertext.
      const row = await device.db.drafts.get(victim.id);
      const data = row?.data as { v: number; iv: Uint8Array; ct: Uint8Array };
      const ct = data.ct.slice();
      ct[0] = (ct[0] ?? 0) ^ 1;
      await device.db.drafts.update(victim.id, { data: { ...data, ct } });
    };
    const error: unknown = await rotateDataKey(rotationDeps(device, page, { checkpoint }), OLD_PASSPHRASE, NEW_PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationIncompleteError);
    expect(error).toMatchObject({ problem: 'unreadable', count: 1 });
    // Both keys kept; the damaged draft under the old one, everything else moved to the new one.
    expect(await device.keyring.describe()).toMatchObject({ generations: [0, 1], rotation: { from: 0, to: 1 } });
    const generations = (await rawSealedFields(device.db)).map((field) => generationOf(field.stored));
    expect(generations.filter((g) => g === 0)).toHaveLength(1);
    expect((await page.drafts.list()).unreadable).toEqual([victim.id]);
    // Every unlock tries again and says the same, without making anything worse.
    await expect(settleDataKey(rotationDeps(device, page))).rejects.toMatchObject({ problem: 'unreadable', count: 1 });
    expect(await device.keyring.describe()).toMatchObject({ generations: [0, 1] });
  });

  it('saves made by the rotating tab while it runs land under the right key and are never overwritten by a re-seal', async () => {
    const { device, page } = await deviceWithRecords(5);
    const oldKey = await oldDataKey(device);
    const ids = (await page.drafts.list()).drafts.map((d) => d.id).sort();
    const edits = new Map<string, string>();
    async function edit(id: string, text: string): Promise<void> {
      const draft = await page.drafts.get(id);
      if (!draft) throw new Error('missing');
      await page.drafts.saveData(id, { ...draft.data, answers: { ...draft.data.answers, T1: text } }, { expectedUpdatedAt: draft.updatedAt });
      edits.set(id, text);
    }
    let batches = 0;
    const checkpoint = async (name: RotationStep) => {
      // Before the marker moves: written under the old key, re-sealed later.
      if (name === 'adopted') await edit(ids[0] ?? '', 'saved before the switch');
      // After it: under the new key at once.
      if (name === 'marked') await edit(ids[1] ?? '', 'saved after the switch');
      // Between batches, a draft whose older content is still waiting in a later batch.
      if (name === 'batch' && (batches += 1) === 1) await edit(ids[4] ?? '', 'saved between batches');
    };
    await rotateDataKey(rotationDeps(device, page, { checkpoint, batchSize: 1 }), OLD_PASSPHRASE, NEW_PASSPHRASE);
    const next = device.page();
    await next.session.unlock(NEW_PASSPHRASE);
    for (const [id, text] of edits) expect((await next.drafts.get(id))?.data.answers.T1, id).toBe(text);
    expect(edits.size).toBe(3);
    expect(await fieldsOpenedBy(device.db, oldKey)).toBe(0);
  });

  it('a tab unlocked before the rotation cannot seal under the old key after it: it locks, and its save lands once it unlocks again', async () => {
    const { device, page } = await deviceWithRecords(2);
    const stale = device.page();
    await stale.session.unlock(OLD_PASSPHRASE);
    const [summary] = (await stale.drafts.list()).drafts;
    if (!summary) throw new Error('no draft');
    const draft = await stale.drafts.get(summary.id);
    if (!draft) throw new Error('no draft');
    const oldKey = await oldDataKey(device);

    await rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE);
    const rowBefore: unknown = await device.db.drafts.get(summary.id);
    const typed = { ...draft.data, answers: { ...draft.data.answers, T1: 'typed in the other tab' } };
    await expect(stale.drafts.saveData(summary.id, typed, { expectedUpdatedAt: draft.updatedAt })).rejects.toBeInstanceOf(LockedError);
    expect(stale.session.isUnlocked, 'the stale tab locked itself').toBe(false);
    expect(await device.db.drafts.get(summary.id)).toEqual(rowBefore);

    // It asks for the passphrase; the old one no longer works, the new one does, and the save lands.
    await expect(stale.session.unlock(OLD_PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await stale.session.unlock(NEW_PASSPHRASE);
    expect(await settleDataKey(rotationDeps(device, stale))).toEqual({ kind: 'ready' });
    await stale.drafts.saveData(summary.id, typed, { expectedUpdatedAt: draft.updatedAt });
    expect((await page.drafts.get(summary.id))?.data.answers.T1).toBe('typed in the other tab');
    expect(await fieldsOpenedBy(device.db, oldKey)).toBe(0);
  });

  it('a stale tab cannot add a trusted root, an identity or an authority under the old key either', async () => {
    const { device, page } = await deviceWithRecords(1);
    const stale = [device.page(), device.page(), device.page()];
    for (const tab of stale) await tab.session.unlock(OLD_PASSPHRASE);
    await rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE);
    const pair = () => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const [roots, identities, authority] = stale;
    if (!roots || !identities || !authority) throw new Error('three tabs');
    await expect(roots.roots.add('ROOT Another Fictional Partner')).rejects.toBeInstanceOf(LockedError);
    await expect(identities.identities.create({ name: 'N', organisation: 'O', role: '', ...(await pair()), certificatePem: 'C', chainPem: [], verifiedByOrganisation: false })).rejects.toBeInstanceOf(LockedError);
    await expect(authority.authority.save({ organisation: 'O', ...(await pair()), certificatePem: 'C' })).rejects.toBeInstanceOf(LockedError);
    expect(stale.map((tab) => tab.session.isUnlocked)).toEqual([false, false, false]);
    expect(await device.db.trustedRoots.count()).toBe(1);
    expect(await device.db.identities.count()).toBe(1);
    expect(new Set((await rawSealedFields(device.db)).map((field) => generationOf(field.stored)))).toEqual(new Set([1]));
  });

  it('a stale tab reading after a rotation locks instead of calling the records unreadable', async () => {
    const { device, page } = await deviceWithRecords(2);
    const stale = device.page();
    await stale.session.unlock(OLD_PASSPHRASE);
    await rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE);
    await expect(stale.drafts.list()).rejects.toBeInstanceOf(LockedError);
    expect(stale.session.isUnlocked).toBe(false);
    await stale.session.unlock(NEW_PASSPHRASE);
    await expect(stale.identities.list()).resolves.toMatchObject({ unreadable: [] });
  });

  it('two tabs rotating at once: one rotation runs, the other is refused without touching anything', async () => {
    const { device, page } = await deviceWithRecords(2);
    const before = await readEverything(page);
    const other = device.page();
    await other.session.unlock(OLD_PASSPHRASE);
    const results = await Promise.allSettled([
      rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE),
      rotateDataKey(rotationDeps(device, other), OLD_PASSPHRASE, 'a third fictional passphrase'),
    ]);
    expect(results[0]?.status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { name: 'KeyringError', problem: 'changed' } });
    expect(await device.keyring.describe()).toMatchObject({ current: 1, rotation: null });
    const next = device.page();
    await next.session.unlock(NEW_PASSPHRASE);
    expect(await readEverything(next)).toEqual(before);
  });

  it('refuses to start a second rotation while one is unfinished', async () => {
    const { device, page } = await deviceWithRecords(1);
    await rotateDataKey(rotationDeps(device, page, { checkpoint: (s) => { if (s === 'marked') throw new Crash(); } }), OLD_PASSPHRASE, NEW_PASSPHRASE).catch(() => undefined);
    const error: unknown = await rotateDataKey(rotationDeps(device, page), NEW_PASSPHRASE, 'yet another fictional passphrase').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyringError);
    expect((error as KeyringError).problem).toBe('rotating');
  });

  it('rotates again later: generation 2, with generation 1 destroyed in turn', async () => {
    const { device, page } = await deviceWithRecords(2);
    const before = await readEverything(page);
    await rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE);
    const first = page.session.writeKey().key;
    await rotateDataKey(rotationDeps(device, page), NEW_PASSPHRASE, OLD_PASSPHRASE);
    expect(await device.keyring.describe()).toMatchObject({ current: 2, generations: [2], rotation: null });
    expect(await fieldsOpenedBy(device.db, first)).toBe(0);
    const next = device.page();
    await next.session.unlock(OLD_PASSPHRASE);
    expect(await readEverything(next)).toEqual(before);
  });

  it('settle: a session unlocked from an older keyring locks; a wrong or damaged marker is written back from the keyring', async () => {
    const { device, page } = await deviceWithRecords(1);
    const stale = device.page();
    await stale.session.unlock(OLD_PASSPHRASE);
    await rotateDataKey(rotationDeps(device, page), OLD_PASSPHRASE, NEW_PASSPHRASE);
    await expect(settleDataKey(rotationDeps(device, stale))).rejects.toBeInstanceOf(LockedError);
    expect(stale.session.isUnlocked).toBe(false);

    // A marker naming a generation nobody holds would refuse every write: the next unlock repairs it.
    await writeDataKeyMarker(device.db, 7);
    await expect(page.drafts.create({ caseRef: 'x', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' })).rejects.toBeInstanceOf(LockedError);
    await page.session.unlock(NEW_PASSPHRASE);
    expect(await settleDataKey(rotationDeps(device, page))).toEqual({ kind: 'ready' });
    expect(await readDataKeyMarker(device.db)).toBe(1);
    await device.db.keyring.put({ id: DATA_KEY_MARKER_ID, generation: -1 });
    expect(await settleDataKey(rotationDeps(device, page))).toEqual({ kind: 'ready' });
    expect(await readDataKeyMarker(device.db)).toBe(1);
    await expect(page.drafts.create({ caseRef: 'y', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' })).resolves.toBeDefined();
  });
});
