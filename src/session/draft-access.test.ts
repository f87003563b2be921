import { describe, expect, it, vi } from 'vitest';
import { createDraftAccessStore, DRAFT_LOCK_PREFIX, type ChannelLike, type DraftAccessStore, type LocksLike } from './draft-access';

/** An in-memory LockManager: exclusive locks granted in request order, ifAvailable, abort. */
class FakeLocks implements LocksLike {
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();
  readonly granted: string[] = [];

  async request<T>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<T> | T): Promise<T> {
    await Promise.resolve(); // the real API answers in a later task, never synchronously
    if (this.held.has(name) || (this.waiting.get(name)?.length ?? 0) > 0) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiting.get(name) ?? [];
        this.waiting.set(name, queue);
        const grant = (): void => resolve();
        queue.push(grant);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(grant), 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    this.held.add(name);
    this.granted.push(name);
    try {
      return await callback({ name });
    } finally {
      const next = this.waiting.get(name)?.shift();
      if (next) next();
      else this.held.delete(name);
    }
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }
}

/** BroadcastChannel semantics: a message reaches every other channel, asynchronously. */
function channelHub(): { connect: () => ChannelLike & { silenced: boolean } } {
  const members = new Set<{ deliver: (data: unknown) => void; silenced: boolean }>();
  return {
    connect() {
      const listeners: ((event: { data: unknown }) => void)[] = [];
      const member = {
        silenced: false,
        deliver(data: unknown) {
          if (!member.silenced) for (const l of listeners) l({ data });
        },
        postMessage(data: unknown) {
          for (const other of members) if (other !== member) setTimeout(() => other.deliver(data), 0);
        },
        addEventListener(_type: 'message', listener: (event: { data: unknown }) => void) {
          listeners.push(listener);
        },
        close() {
          members.delete(member);
        },
      };
      members.add(member);
      return member;
    },
  };
}

function twoTabs() {
  const locks = new FakeLocks();
  const hub = channelHub();
  const channelA = hub.connect();
  const channelB = hub.connect();
  const options = { locks, answerTimeoutMs: 40, releaseGraceMs: 5 };
  return {
    locks,
    channelA,
    a: createDraftAccessStore({ ...options, channel: channelA }),
    b: createDraftAccessStore({ ...options, channel: channelB }),
  };
}

const mode = (store: DraftAccessStore) => store.get().mode;

describe('one writer per draft across tabs', () => {
  it('grants the first tab the lock and makes the second a reader', async () => {
    const { a, b, locks } = twoTabs();
    a.retain('d1');
    expect(mode(a)).toBe('checking');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    b.retain('d1');
    await vi.waitFor(() => expect(b.get()).toEqual({ mode: 'reader', draftId: 'd1', request: 'idle' }));
    expect(locks.isHeld(`${DRAFT_LOCK_PREFIX}d1`)).toBe(true);
    expect(mode(a)).toBe('writer');
  });

  it('lets two tabs write two different drafts', async () => {
    const { a, b } = twoTabs();
    a.retain('d1');
    b.retain('d2');
    await vi.waitFor(() => expect([mode(a), mode(b)]).toEqual(['writer', 'writer']));
  });

  it('hands the draft to the waiting tab when the writer leaves, only after its last save', async () => {
    const { a, b } = twoTabs();
    const releaseA = a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('reader'));

    let finishSave!: () => void;
    a.holdUntil('d1', new Promise<void>((resolve) => (finishSave = resolve)));
    releaseA();
    await vi.waitFor(() => expect(mode(a)).toBe('none'));
    await new Promise((r) => setTimeout(r, 30));
    expect(mode(b), 'no grant while the leaving tab still writes').toBe('reader');
    finishSave();
    await vi.waitFor(() => expect(mode(b)).toBe('writer'));
  });

  it('keeps the lock from the review to the wizard of the same draft (release then retain)', async () => {
    const { a, b } = twoTabs();
    const wizard = a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('reader'));
    const before = a.get();
    wizard();
    a.retain('d1'); // the review mounts within the grace period
    await new Promise((r) => setTimeout(r, 30));
    expect(a.get()).toEqual(before);
    expect(mode(b)).toBe('reader');
  });

  it('"Edit here instead": the writer saves first, then hands over and waits as a reader', async () => {
    const { a, b } = twoTabs();
    a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    const events: string[] = [];
    a.setFlusher('d1', async () => {
      events.push('flush started');
      await new Promise((r) => setTimeout(r, 10));
      events.push('flushed');
    });
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('reader'));
    b.subscribe(() => {
      if (mode(b) === 'writer') events.push('b writes');
    });
    b.askToTakeOver();
    expect(b.get()).toMatchObject({ mode: 'reader', request: 'asking' });
    await vi.waitFor(() => expect(mode(b)).toBe('writer'));
    expect(events).toEqual(['flush started', 'flushed', 'b writes']);
    expect(a.get()).toEqual({ mode: 'reader', draftId: 'd1', request: 'idle' });
  });

  it('a writer whose save fails refuses to hand over and keeps the lock', async () => {
    const { a, b } = twoTabs();
    a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    a.setFlusher('d1', () => Promise.reject(quota));
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('reader'));
    b.askToTakeOver();
    await vi.waitFor(() => expect(b.get()).toMatchObject({ mode: 'reader', request: 'refused' }));
    expect(mode(a)).toBe('writer');
  });

  it('says when the writer tab does not answer, and keeps waiting for the lock', async () => {
    const { a, b, channelA } = twoTabs();
    a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    channelA.silenced = true; // a frozen or discarded tab
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('reader'));
    b.askToTakeOver();
    await vi.waitFor(() => expect(b.get()).toMatchObject({ mode: 'reader', request: 'no-answer' }));
    expect(mode(a)).toBe('writer');
  });

  it('grows the generation on every grant, so a session reloads after taking over', async () => {
    const { a, b } = twoTabs();
    const releaseA = a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('reader'));
    releaseA();
    await vi.waitFor(() => expect(mode(b)).toBe('writer'));
    const first = b.get();
    const releaseA2 = a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('reader'));
    releaseA2();
    expect(b.get()).toEqual(first);
  });

  it('writes without a lock manager (old browsers), relying on the repository conflict check', () => {
    const store = createDraftAccessStore({});
    store.retain('d1');
    expect(store.get()).toMatchObject({ mode: 'writer', draftId: 'd1' });
  });

  it('releases the old draft when another one is opened', async () => {
    const { a, b, locks } = twoTabs();
    a.retain('d1');
    await vi.waitFor(() => expect(mode(a)).toBe('writer'));
    a.retain('d2');
    await vi.waitFor(() => expect(a.get()).toMatchObject({ mode: 'writer', draftId: 'd2' }));
    await vi.waitFor(() => expect(locks.isHeld(`${DRAFT_LOCK_PREFIX}d1`)).toBe(false));
    b.retain('d1');
    await vi.waitFor(() => expect(mode(b)).toBe('writer'));
  });
});
