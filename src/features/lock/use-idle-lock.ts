import { useCallback, useEffect, useRef, useState } from 'react';
import { createIdleTimer, type IdleTimer } from './idle-timer';
import { IDLE_LOCK_MS, IDLE_WARNING_MS } from './lock-settings';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * While `enabled` (unlocked), locks after IDLE_LOCK_MS without use, warning IDLE_WARNING_MS
 * before. Any use of the page (or "Stay unlocked") restarts the count and clears the warning.
 */
export function useIdleLock(enabled: boolean, onIdle: () => void): { warning: boolean; stay: () => void } {
  const [warning, setWarning] = useState(false);
  const timer = useRef<IdleTimer | null>(null);
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return undefined;
    const current = createIdleTimer({
      idleMs: IDLE_LOCK_MS,
      warnBeforeMs: IDLE_WARNING_MS,
      onWarn: () => {
        setWarning(true);
      },
      onActive: () => {
        setWarning(false);
      },
      onIdle: () => {
        setWarning(false);
        idle.current();
      },
    });
    timer.current = current;
    const onActivity = (): void => {
      current.activity();
    };
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, onActivity, { capture: true });
      current.dispose();
      timer.current = null;
      setWarning(false);
    };
  }, [enabled]);

  const stay = useCallback(() => {
    timer.current?.activity();
    setWarning(false);
  }, []);
  return { warning, stay };
}
