/** The app's one lock controller: it flushes every screen's unsaved input before a lock. */
import { createLockController } from '../features/lock';
import { firstKeyringGuess } from './early-probe';
import { afterFirstPaint } from './first-paint';
import { loadStorageInSteps } from './load-storage';
import { flushUnsavedInput, hasUnsavedInput } from './pwa/unsaved-input';

export const lockController = createLockController({
  hasUnsaved: hasUnsavedInput,
  flushUnsaved: flushUnsavedInput,
  afterFirstPaint,
  probe: () => firstKeyringGuess,
  loadStorage: loadStorageInSteps,
});
