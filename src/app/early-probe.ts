/**
 * The keyring probe (features/lock/keyring-probe.ts), started by the first module the entry
 * evaluates. Its answer is a few round trips to the browser's storage; started here they overlap
 * the evaluation of React and the shell that follows (about half a second on a cheap phone)
 * instead of being waited for after it. The lock controller's first look takes this answer.
 */
import { probeKeyring } from '../features/lock';

export const firstKeyringGuess = probeKeyring();
