/**
 * Counts presses of one key: `count` presses with at most `withinMs` between the first and the
 * last trigger `onTrigger`. Time comes from the event (event.timeStamp), so it is testable.
 */
export function createTriplePress(options: { count: number; withinMs: number; onTrigger: () => void }): (time: number) => void {
  let presses: number[] = [];
  return (time) => {
    presses = [...presses.filter((t) => time - t < options.withinMs), time];
    if (presses.length >= options.count) {
      presses = [];
      options.onTrigger();
    }
  };
}
