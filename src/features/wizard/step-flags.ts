/**
 * The flags standing on the current assessment, for the inputs that refer to them: a
 * mitigation row names the flags it answers, and a safety plan can be seeded from them.
 */
import { createContext, useContext } from 'react';
import type { Flag } from '../../engine';

export const StepFlagsContext = createContext<readonly Flag[]>([]);

export const useStepFlags = (): readonly Flag[] => useContext(StepFlagsContext);
