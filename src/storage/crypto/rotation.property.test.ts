/**
 * Data key rotation under random interruptions (docs/adr/0005): any number of records, any batch
 * size, saves made by the rotating tab at random steps, and the rotation stopped at a random
 * step by a crash (the page dies), a quick exit (the session locks) or a failed write (the page
 * carries on). Whatever happens, every record (with its latest save) opens with the passphrase
 * that works afterwards, the rotation then finishes, and the old data key opens nothing stored.
 * Each run derives about six passphrase keys (600,000 PBKDF2 iterations), so the runs are few.
 */
import fc from 'fast-check';
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
  type Page,
} from '../../../tests/helpers/sealed-device';
import { generationOf } from './envelope';
import { LockedError, RotationIncompleteError, WrongPassphraseError } from './errors';
import { rotateDataKey, settleDataKey } from './rotation';

const aDevice = devicesClosedAfterEach();

type Interruption = 'crash' | 'quick-exit' | 'failed-write';


async function unlockWithWhicheverWorks(page: Page): Promise<string> {
  for (const passphrase of [NEW_PASSPHRASE, OLD_PASSPHRASE]) {
    try {
      await page.session.unlock(passphrase);
      return passphrase;
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
    }
  }
  throw new Error('neither passphrase opens the keyring');
}

describe('data key rotation, interrupted anywhere', () => {
  it('never loses a record or a save, and always finishes with the old key destroyed', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          drafts: fc.integer({ min: 1, max: 5 }),
          batchSize: fc.integer({ min: 1, max: 4 }),
          stopAt: fc.integer({ min: 0, max: 14 }),
          how: fc.constantFrom<Interruption>('crash', 'quick-exit', 'failed-write'),
          saves: fc.array(fc.record({ at: fc.integer({ min: 0, max: 14 }), draft: fc.nat() }), { maxLength: 3 }),
        }),
        async ({ drafts, batchSize, stopAt, how, saves }) => {
          const device = aDevice();
          const page = device.page();
          await page.session.setup(OLD_PASSPHRASE);
          await populate(page, drafts);
          const oldKey = page.session.writeKey().key;
          const ids = (await page.drafts.list()).drafts.map((d) => d.id).sort();
          const latest = new Map<string, unknown>();

          let calls = 0;
          let stoppedAt: string | undefined;
          const checkpoint = async (step: string) => {
            const index = calls;
            calls += 1;
            for (const save of saves.filter((s) => s.at === index)) {
              const id = ids[save.draft % ids.length] ?? '';
              const draft = await page.drafts.get(id);
              if (!draft) throw new Error('missing draft');
              const text = `saved at step ${String(index)} (${step})`;
              await page.drafts.saveData(id, { ...draft.data, answers: { ...draft.data.answers, T1: text } }, { expectedUpdatedAt: draft.updatedAt });
              latest.set(id, text);
            }
            if (index !== stopAt) return;
            stoppedAt = step;
            if (how === 'quick-exit') page.session.lock();
            else if (how === 'crash') throw new Crash();
            else throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
          const expected = await readEverything(page);
          await rotateDataKey(rotationDeps(device, page, { checkpoint, batchSize }), OLD_PASSPHRASE, NEW_PASSPHRASE).catch((error: unknown) => {
            if (!(error instanceof RotationIncompleteError || error instanceof LockedError || error instanceof Crash || error instanceof DOMException)) throw error;
          });
          const began = stoppedAt !== undefined && stoppedAt !== 'checked';

          // The page that carries on: the same one after a failed write, a new one after a crash or a quick exit.
          let next = page;
          if (how !== 'failed-write' || !page.session.isUnlocked) {
            page.session.lock();
            next = device.page();
            const passphrase = await unlockWithWhicheverWorks(next);
            expect(passphrase, `after ${String(stoppedAt)}`).toBe(stoppedAt === undefined || began ? NEW_PASSPHRASE : OLD_PASSPHRASE);
          }
          // Every record readable right away, with every save made before the interruption.
          const now = await readEverything(next);
          expect(now.unreadableDrafts).toEqual([]);
          for (const draft of now.drafts) expect(draft.data?.answers.T1, draft.id).toBe(latest.get(draft.id) ?? expected.drafts.find((d) => d.id === draft.id)?.data?.answers.T1);
          expect({ ...now, drafts: [] }).toEqual({ ...expected, drafts: [] });

          // The next unlock finishes (or, if it never began, the caseworker simply tries again).
          await settleDataKey(rotationDeps(device, next));
          if ((await device.keyring.describe()).current === 0) await rotateDataKey(rotationDeps(device, next), OLD_PASSPHRASE, NEW_PASSPHRASE);

          expect(await device.keyring.describe()).toMatchObject({ current: 1, generations: [1], rotation: null });
          await expect(device.keyring.unlock(OLD_PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
          const fields = await rawSealedFields(device.db);
          expect(fields.every((field) => generationOf(field.stored) === 1)).toBe(true);
          expect(await fieldsOpenedBy(device.db, oldKey)).toBe(0);
          expect(await readEverything(next)).toEqual(now);
          expect(await everyKeyStillSigns(next)).toBe(true);
        },
      ),
      { numRuns: 10 },
    );
  });
});
