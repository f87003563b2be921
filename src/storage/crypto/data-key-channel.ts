/**
 * Tells the app's other tabs that the data key is being replaced (docs/adr/0005), so they save
 * what is typed and lock before the key changes under them. Only a courtesy: correctness does
 * not depend on it (a tab that misses the message is refused by the data key marker at its next
 * write, and locks then). One channel per page, used both to send and to listen, so a tab never
 * hears its own messages. Messages carry no data: only what is happening.
 */
export type DataKeyEvent = 'rotating' | 'rotated';

const CHANNEL_NAME = 'homeward-data-key';
let channel: BroadcastChannel | undefined;

function theChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL_NAME);
    // Node (unit tests) would otherwise keep the process alive for an open channel.
    const node = channel as BroadcastChannel & { unref?: () => void };
    node.unref?.();
  }
  return channel;
}

export function announceDataKeyEvent(event: DataKeyEvent): void {
  theChannel()?.postMessage({ type: event });
}

/** Calls `listener` for each event another tab announces; returns the unsubscribe function. */
export function onDataKeyEvent(listener: (event: DataKeyEvent) => void): () => void {
  const target = theChannel();
  if (!target) return () => undefined;
  const handle = (message: MessageEvent): void => {
    const type: unknown = typeof message.data === 'object' && message.data !== null ? (message.data as { type?: unknown }).type : undefined;
    if (type === 'rotating' || type === 'rotated') listener(type);
  };
  target.addEventListener('message', handle);
  return () => target.removeEventListener('message', handle);
}
