import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftConflictError, type AutosaveState, type DraftData } from '../storage';
import { createDraftSaver, type DraftWriter } from './draft-saver';
import { saveStatusKey } from './save-status';

function draft(text: string): DraftData {
  return { caseRef: 'HW-TEST-0601', answers: { B1: text }, position: { section: 'B' }, workingLanguage: 'en', personLanguage: null };
}

/** Dexie reports a full disk as an aborted transaction whose `inner` is the QuotaExceededError. */
function diskFull(): Error {
  return Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
}

/**
 * A drafts repository on a disk that can fill up: with `full` set, writes fail like Dexie's;
 * saves check expectedUpdatedAt like the real one, so a stale writer is refused.
 */
class FakeRepository implements DraftWriter {
  stored: { data: DraftData; updatedAt: number } | null = null;
  full = false;
  hang = false;
  attempts = 0;
  private clock = 1000;

  saveData(id: string, data: DraftData, options: { expectedUpdatedAt?: number }): Promise<number> {
    this.attempts += 1;
    if (this.hang) {
      return new Promise<number>((resolve) => {
        this.finishHung = () => {
          this.hang = false;
          resolve(this.write(data));
        };
      });
    }
    if (this.full) return Promise.reject(diskFull());
    const current = this.stored?.updatedAt;
    if (options.expectedUpdatedAt !== undefined && current !== undefined && current !== options.expectedUpdatedAt) {
      return Promise.reject(new DraftConflictError(id, options.expectedUpdatedAt, current));
    }
    return Promise.resolve(this.write(data));
  }

  finishHung: () => void = () => undefined;

  private write(data: DraftData): number {
    this.clock += 1;
    this.stored = { data: structuredClone(data), updatedAt: this.clock };
    return this.clock;
  }

  text(): unknown {
    return this.stored?.data.answers.B1;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function open(repository: FakeRepository) {
  const states: AutosaveState[] = [];
  const saver = createDraftSaver({ repository, draftId: 'd1', onStatus: (s) => states.push(s), retryBaseMs: 1000 });
  return { saver, states, last: () => states.at(-1) ?? { status: 'idle' as const } };
}

describe('a draft on a full disk', () => {
  it('shows "storage full", keeps every keystroke in memory and saves the latest once space is back', async () => {
    const repository = new FakeRepository();
    const { saver, last } = open(repository);
    saver.schedule(draft('Left in March'));
    await vi.advanceTimersByTimeAsync(500);
    expect(repository.text()).toBe('Left in March');

    repository.full = true;
    saver.schedule(draft('Left in March by bus'));
    await vi.advanceTimersByTimeAsync(500);
    expect(last()).toMatchObject({ status: 'error', errorName: 'QuotaExceededError' });
    expect(saveStatusKey(last())).toBe('save.errorFull');
    expect(saver.hasPending(), 'the unsaved text is held, not dropped').toBe(true);
    // Typing goes on while the disk is full; retries keep failing and back off.
    saver.schedule(draft('Left in March by bus, at night'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(repository.attempts).toBeGreaterThan(3);
    expect(repository.text(), 'nothing half-written, the last good save stays').toBe('Left in March');
    expect(saveStatusKey(last())).toBe('save.errorFull');

    repository.full = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(repository.text()).toBe('Left in March by bus, at night');
    expect(last()).toEqual({ status: 'saved' });
    expect(saver.hasPending()).toBe(false);
  });

  it('flush rejects while the disk is full (so a lock or a reload knows), and the value is still retried', async () => {
    const repository = new FakeRepository();
    repository.full = true;
    const { saver } = open(repository);
    saver.schedule(draft('Precious words'));
    await expect(saver.flush()).rejects.toMatchObject({ name: 'AbortError' });
    repository.full = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(repository.text()).toBe('Precious words');
  });

  it('a write that does not settle is reported instead of "Saving…" forever, and lands when it does', async () => {
    const repository = new FakeRepository();
    repository.hang = true;
    const { saver, last } = open(repository);
    saver.schedule(draft('Stuck'));
    await vi.advanceTimersByTimeAsync(500 + 30_000);
    expect(last()).toMatchObject({ status: 'error', errorName: 'SaveTimeoutError' });
    expect(saveStatusKey(last())).toBe('save.error');
    expect(saver.hasPending()).toBe(true);
    repository.finishHung();
    await vi.advanceTimersByTimeAsync(0);
    expect(repository.text()).toBe('Stuck');
    expect(last()).toEqual({ status: 'saved' });
  });
});

describe('a stale writer', () => {
  it('is refused and reported, never overwriting the newer save of another tab', async () => {
    const repository = new FakeRepository();
    await repository.saveData('d1', draft('Old'), {});
    const { saver, last } = open(repository);
    saver.loaded(repository.stored?.updatedAt ?? 0);
    // Another tab (without the lock: an old app version) saves meanwhile.
    await repository.saveData('d1', draft('Newer, from the other tab'), {});
    saver.schedule(draft('Old, edited here'));
    await vi.advanceTimersByTimeAsync(500);
    expect(last()).toMatchObject({ status: 'error', errorName: 'DraftConflictError' });
    expect(saveStatusKey(last())).toBe('save.errorConflict');
    expect(repository.text()).toBe('Newer, from the other tab');
    expect(saver.hasPending()).toBe(true);
  });
});
