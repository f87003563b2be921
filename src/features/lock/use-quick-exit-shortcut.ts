import { useEffect, useRef } from 'react';
import { QUICK_EXIT_PRESSES, QUICK_EXIT_WINDOW_MS } from './lock-settings';
import { createTriplePress } from './triple-press';

/**
 * Escape pressed three times quickly triggers quick exit, wherever focus is. Listens in the
 * capture phase so a dialog's own Escape handling cannot hide the presses from it; it does not
 * prevent that handling (one Escape still closes a dialog).
 */
export function useQuickExitShortcut(onExit: () => void): void {
  const exit = useRef(onExit);
  useEffect(() => {
    exit.current = onExit;
  }, [onExit]);

  useEffect(() => {
    const press = createTriplePress({ count: QUICK_EXIT_PRESSES, withinMs: QUICK_EXIT_WINDOW_MS, onTrigger: () => exit.current() });
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.isComposing || event.repeat) return;
      press(event.timeStamp);
    };
    document.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      document.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, []);
}
