import { useCallback, useEffect, useRef, useState } from 'react';
import { createIdleTimer, type IdleTimer } from './idle-timer';
import { ACTIVITY_THROTTLE_MS, IDLE_LOCK_MS, IDLE_WARNING_MS } from './lock-settings';

/** Signs of use: typing (keys, input, composition), touching, a pointer moving, scrolling. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'input', 'compositionupdate', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * While `enabled` (unlocked), locks after `idleMs` (this device's choice, 2–30 minutes) without
 * use, warning IDLE_WARNING_MS before. Any use of the page (typing, a pointer moving, or "Stay
 * unlocked") restarts the count and clears the warning, so it never locks mid-sentence.
 */
export function useIdleLock(enabled: boolean, onIdle: () => void, idleMs: number = IDLE_LOCK_MS): { warning: boolean; stay: () => void } {
  const [warning, setWarning] = useState(false);
  const timer = useRef<IdleTimer | null>(null);
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return undefined;
    const current = createIdleTimer({
      idleMs,
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
    let last = -Infinity;
    const onActivity = (event: Event): void => {
      // A moving pointer fires many events a second: restarting the timers once a second is enough.
      if (event.type === 'pointermove' || event.type === 'scroll') {
        if (event.timeStamp - last < ACTIVITY_THROTTLE_MS) return;
        last = event.timeStamp;
      }
      current.activity();
    };
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, onActivity, { capture: true });
      current.dispose();
      timer.current = null;
      setWarning(false);
    };
  }, [enabled, idleMs]);

  const stay = useCallback(() => {
    timer.current?.activity();
    setWarning(false);
  }, []);
  return { warning, stay };
}
