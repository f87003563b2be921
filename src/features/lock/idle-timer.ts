export interface IdleTimerOptions {
  idleMs: number;
  warnBeforeMs: number;
  /** The warning time has come (idleMs − warnBeforeMs without activity). */
  onWarn: () => void;
  /** Activity after a warning: the warning can go. */
  onActive: () => void;
  onIdle: () => void;
}

export interface IdleTimer {
  /** Call on any sign of use; restarts both timers. */
  activity(): void;
  dispose(): void;
}

/** Two timers restarted on every activity: warn, then lock. Starts counting at creation. */
export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const { idleMs, warnBeforeMs, onWarn, onActive, onIdle } = options;
  let warnTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;

  function clear(): void {
    if (warnTimer !== undefined) clearTimeout(warnTimer);
    if (idleTimer !== undefined) clearTimeout(idleTimer);
  }

  function arm(): void {
    clear();
    warnTimer = setTimeout(() => {
      warned = true;
      onWarn();
    }, Math.max(0, idleMs - warnBeforeMs));
    idleTimer = setTimeout(onIdle, idleMs);
  }

  arm();
  return {
    activity() {
      if (warned) {
        warned = false;
        onActive();
      }
      arm();
    },
    dispose: clear,
  };
}
