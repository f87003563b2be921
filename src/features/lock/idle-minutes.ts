/**
 * The idle lock's time on this device (2–30 minutes), kept in the storage settings (not
 * personal: readable before unlocking). One small store so the shell's idle timer and the
 * Settings control agree without a reload.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_MINUTES } from './lock-settings';

let minutes: number = DEFAULT_IDLE_LOCK_MINUTES;
let loaded = false;
const listeners = new Set<() => void>();

function publish(value: number): void {
  minutes = value;
  for (const listener of listeners) listener();
}

/** A stored value the app accepts: one of the offered choices. */
export function acceptedMinutes(value: unknown): number | null {
  return typeof value === 'number' && (IDLE_LOCK_MINUTES as readonly number[]).includes(value) ? value : null;
}

async function load(): Promise<void> {
  if (loaded) return;
  loaded = true;
  try {
    const { settings } = await import('../../storage');
    const stored = acceptedMinutes((await settings.get()).idleLockMinutes);
    if (stored !== null) publish(stored);
  } catch {
    // Unreadable settings keep the default: a preference never stops the lock from working.
  }
}

/** Saves this device's choice; the running idle timer follows at once. */
export async function saveIdleMinutes(value: number): Promise<void> {
  const accepted = acceptedMinutes(value);
  if (accepted === null) throw new Error('idle lock minutes out of range');
  const { settings } = await import('../../storage');
  await settings.set({ idleLockMinutes: accepted });
  publish(accepted);
}

/** The current idle lock time in minutes (the default until the stored one is read). */
export function useIdleMinutes(): number {
  useEffect(() => {
    void load();
  }, []);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => minutes,
  );
}
