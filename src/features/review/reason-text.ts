/** Where a Reason's key lives: the engine's namespace unless it names the instrument's. */
import type { Reason } from '../../engine';

export function reasonOptions(reason: Reason, instrumentNs: string): Record<string, string | number> & { ns: string } {
  return { ...reason.params, ns: reason.source === 'instrument' ? instrumentNs : 'engine' };
}
