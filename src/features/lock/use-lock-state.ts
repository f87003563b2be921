import { useSyncExternalStore } from 'react';
import type { LockController, LockState } from './lock-controller';

/** The lock state; re-renders on every change (lock, unlock, quick exit). */
export function useLockState(controller: LockController): LockState {
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot);
}
