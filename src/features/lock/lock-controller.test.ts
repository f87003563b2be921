/**
 * Start-up of the lock controller: the probe's answer shows a screen at once, the storage
 * layer's answer (after the first paint) still rules, and nothing is guessed when the probe
 * cannot tell.
 */
import { describe, expect, it } from 'vitest';
import { createLockController, type LockController, type LockPhase } from './lock-controller';
import type { KeyringGuess } from './keyring-probe';
import type { RotationProgress } from '../../storage';

type Status = 'none' | 'ready';

type Finish = (onProgress: (progress: RotationProgress) => void) => Promise<unknown>;

/** A stand-in for the storage module: only what the controller touches at start and unlock. */
function fakeStorage(status: () => Promise<Status>, finish: Finish = () => Promise.resolve({ kind: 'ready' })) {
  let unlocked = false;
  const dataKeyListeners = new Set<(event: 'rotating' | 'rotated') => void>();
  const listeners = new Set<(unlocked: boolean) => void>();
  return {
    keyring: { status },
    keySession: {
      get isUnlocked() {
        return unlocked;
      },
      unlock(passphrase: string) {
        if (passphrase !== 'right passphrase') {
          const error = new Error('wrong');
          error.name = 'WrongPassphraseError';
          return Promise.reject(error);
        }
        unlocked = true;
        for (const listener of listeners) listener(true);
        return Promise.resolve();
      },
      lock() {
        unlocked = false;
        for (const listener of listeners) listener(false);
      },
      subscribe(listener: (unlocked: boolean) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    encryptPlaintextDrafts: () => Promise.resolve(),
    openDb: () => ({}),
    finishDataKeyRotation: finish,
    onDataKeyEvent(listener: (event: 'rotating' | 'rotated') => void) {
      dataKeyListeners.add(listener);
      return () => dataKeyListeners.delete(listener);
    },
    /** Test only: what another tab's announcement does here. */
    announce(event: 'rotating' | 'rotated') {
      for (const listener of dataKeyListeners) listener(event);
    },
  };
}

interface Harness {
  controller: LockController;
  phases: LockPhase[];
  /** Runs what waits for the first paint; returns how many tasks were waiting. */
  paint: () => number;
  storageLoads: () => number;
}

function harness(guess: () => Promise<KeyringGuess>, status: () => Promise<Status>, storageFails = false): Harness {
  const waiting: (() => void)[] = [];
  let loads = 0;
  const controller = createLockController({
    hasUnsaved: () => false,
    flushUnsaved: () => Promise.resolve(true),
    probe: guess,
    afterFirstPaint: (task) => waiting.push(task),
    loadStorage: () => {
      loads += 1;
      if (storageFails) return Promise.reject(new Error('QuotaExceededError'));
      return Promise.resolve(fakeStorage(status) as never);
    },
  });
  const phases: LockPhase[] = [];
  controller.subscribe(() => {
    const { phase } = controller.getSnapshot();
    if (phases.at(-1) !== phase) phases.push(phase);
  });
  return {
    controller,
    phases,
    paint: () => {
      const tasks = waiting.splice(0);
      for (const task of tasks) task();
      return tasks.length;
    },
    storageLoads: () => loads,
  };
}

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('lock controller start-up', () => {
  it('a new device: the set-up screen at once; storage loads only after the first paint and agrees', async () => {
    const h = harness(() => Promise.resolve('none'), () => Promise.resolve('none'));
    h.controller.start();
    await h.controller.settled();
    expect(h.controller.getSnapshot().phase).toBe('setup');
    await settle();
    expect(h.storageLoads()).toBe(0);
    expect(h.paint()).toBe(1);
    await settle();
    expect(h.storageLoads()).toBe(1);
    expect(h.phases).toEqual(['setup']);
  });

  it('a set-up device: the unlock screen at once, and unlocking works before storage has confirmed it', async () => {
    const h = harness(() => Promise.resolve('ready'), () => Promise.resolve('ready'));
    h.controller.start();
    await h.controller.settled();
    expect(h.controller.getSnapshot().phase).toBe('locked');
    expect(await h.controller.unlock('right passphrase')).toBe('unlocked');
    h.paint();
    await settle();
    expect(h.phases).toEqual(['locked', 'unlocked']);
  });

  it('storage that cannot be opened turns a guessed screen into the failure screen', async () => {
    const h = harness(() => Promise.resolve('ready'), () => Promise.resolve('ready'), true);
    h.controller.start();
    await h.controller.settled();
    h.paint();
    await settle();
    expect(h.phases).toEqual(['locked', 'failed']);
  });

  it('storage’s answer wins over the guess (another tab set up a passphrase meanwhile)', async () => {
    const h = harness(() => Promise.resolve('none'), () => Promise.resolve('ready'));
    h.controller.start();
    await h.controller.settled();
    h.paint();
    await settle();
    expect(h.phases).toEqual(['setup', 'locked']);
  });

  it('a guess already acted on is not undone: after an unlock, a late check changes nothing', async () => {
    let answer: (status: Status) => void = () => undefined;
    const h = harness(() => Promise.resolve('ready'), () => new Promise<Status>((resolve) => (answer = resolve)));
    h.controller.start();
    await h.controller.settled();
    h.paint();
    expect(await h.controller.unlock('right passphrase')).toBe('unlocked');
    answer('none');
    await settle();
    expect(h.controller.getSnapshot().phase).toBe('unlocked');
  });

  it('when the probe cannot tell (or fails), nothing is guessed: "starting" until storage answers, without waiting for a paint', async () => {
    for (const guess of [() => Promise.resolve<KeyringGuess>('unknown'), () => Promise.reject(new Error('probe broke'))]) {
      let answer: (status: Status) => void = () => undefined;
      const h = harness(guess, () => new Promise<Status>((resolve) => (answer = resolve)));
      h.controller.start();
      let settled = false;
      void h.controller.settled().then(() => (settled = true));
      await settle();
      expect(h.controller.getSnapshot().phase).toBe('starting');
      expect(settled).toBe(false);
      expect(h.storageLoads()).toBe(1);
      answer('ready');
      await settle();
      expect(settled).toBe(true);
      expect(h.phases).toEqual(['locked']);
      expect(h.paint()).toBe(0);
    }
  });

  it('start() looks only once', async () => {
    let probes = 0;
    const h = harness(() => {
      probes += 1;
      return Promise.resolve('none');
    }, () => Promise.resolve('none'));
    h.controller.start();
    h.controller.start();
    await h.controller.settled();
    h.paint();
    await settle();
    expect(probes).toBe(1);
    expect(h.storageLoads()).toBe(1);
  });
});

describe('lock controller and an interrupted replacement of the data key', () => {
  function unlockHarness(finish: Finish, flushed: string[] = []) {
    const storage = fakeStorage(() => Promise.resolve('ready'), finish);
    const controller = createLockController({
      hasUnsaved: () => true,
      flushUnsaved: () => {
        flushed.push('flush');
        return Promise.resolve(true);
      },
      probe: () => Promise.resolve('ready'),
      loadStorage: () => Promise.resolve(storage as never),
    });
    return { controller, storage };
  }

  it('finishes it during the unlock, showing records done / total, before the case screens open', async () => {
    const seen: (RotationProgress | null)[] = [];
    const { controller } = unlockHarness((onProgress) => {
      onProgress({ phase: 'sealing', done: 3, total: 9 });
      seen.push(controller.getSnapshot().finishing);
      expect(controller.getSnapshot().phase).toBe('locked');
      onProgress({ phase: 'verifying', done: 9, total: 9 });
      return Promise.resolve({ kind: 'finished', records: 9 });
    });
    controller.start();
    await controller.settled();
    expect(await controller.unlock('right passphrase')).toBe('unlocked');
    expect(seen).toEqual([{ phase: 'sealing', done: 3, total: 9 }]);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'unlocked', finishing: null, notice: null });
  });

  it('opens anyway with a notice when it cannot finish (every record is readable), until dismissed', async () => {
    const incomplete = Object.assign(new Error('incomplete'), { name: 'RotationIncompleteError' });
    const { controller } = unlockHarness(() => Promise.reject(incomplete));
    controller.start();
    await controller.settled();
    expect(await controller.unlock('right passphrase')).toBe('unlocked');
    expect(controller.getSnapshot()).toMatchObject({ phase: 'unlocked', notice: 'rotation-incomplete', finishing: null });
    controller.dismissNotice();
    expect(controller.getSnapshot().notice).toBeNull();
  });

  it('stays on the unlock screen, saying so, when another window changed the keyring meanwhile', async () => {
    const locked = Object.assign(new Error('locked'), { name: 'LockedError' });
    const { controller, storage } = unlockHarness(() => {
      storage.keySession.lock();
      return Promise.reject(locked);
    });
    controller.start();
    await controller.settled();
    expect(await controller.unlock('right passphrase')).toBe('changed');
    expect(controller.getSnapshot().phase).toBe('locked');
  });

  it('saves what is typed, then locks, when another tab starts replacing the data key', async () => {
    const flushed: string[] = [];
    const { controller, storage } = unlockHarness(() => Promise.resolve({ kind: 'ready' }), flushed);
    controller.start();
    await controller.settled();
    await controller.unlock('right passphrase');
    storage.announce('rotated');
    expect(controller.getSnapshot().phase).toBe('unlocked');
    storage.announce('rotating');
    await settle();
    expect(flushed).toEqual(['flush']);
    expect(controller.getSnapshot().phase).toBe('locked');
    expect(storage.keySession.isUnlocked).toBe(false);
  });
});
