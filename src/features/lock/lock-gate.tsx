import type { ReactNode } from 'react';
import type { LockController } from './lock-controller';
import { LockFailed } from './lock-failed';
import { LockScreenErase } from './lock-screen-erase';
import { RotationNotice } from './rotation-notice';
import { SetupScreen } from './setup-screen';
import { UnlockScreen } from './unlock-screen';
import { useLockState } from './use-lock-state';

interface Props {
  controller: LockController;
  /** Shown while the keyring is looked at (usually a moment). */
  loading: ReactNode;
  /** The case screens: rendered only while unlocked, unmounted (with their state) on lock. */
  children: ReactNode;
}

/** Nothing of a case renders unless the session is unlocked. */
export function LockGate({ controller, loading, children }: Props) {
  const { phase, notice } = useLockState(controller);
  switch (phase) {
    case 'unlocked':
      return notice ? (
        <>
          <RotationNotice controller={controller} />
          {children}
        </>
      ) : (
        children
      );
    case 'starting':
      return loading;
    case 'setup':
      return <SetupScreen controller={controller} />;
    case 'locked':
      return (
        <>
          <UnlockScreen controller={controller} />
          <LockScreenErase />
        </>
      );
    case 'failed':
      return <LockFailed />;
  }
}
