/** The app's one lock controller: it flushes every screen's unsaved input before a lock. */
import { createLockController } from '../features/lock';
import { afterFirstPaint } from './first-paint';
import { flushUnsavedInput, hasUnsavedInput } from './pwa/unsaved-input';

export const lockController = createLockController({ hasUnsaved: hasUnsavedInput, flushUnsaved: flushUnsavedInput, afterFirstPaint });
