import { useEffect, useState } from 'react';

/** Seconds left until `retryAt` (epoch ms), ticking while there is a wait; 0 when none. */
export function useSecondsUntil(retryAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (retryAt <= Date.now()) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [retryAt]);
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}
