/** Timings of the lock. Idle: WCAG 2.2.1 asks for a warning and a way to extend before it happens. */
export const IDLE_LOCK_MS = 5 * 60_000;
/** The idle lock each device may choose (Settings), in minutes: long interviews need more. */
export const IDLE_LOCK_MINUTES = [2, 3, 5, 10, 15, 20, 30] as const;
export const DEFAULT_IDLE_LOCK_MINUTES = IDLE_LOCK_MS / 60_000;
/** Pointer movement counts as use at most this often (pointermove fires many times a second). */
export const ACTIVITY_THROTTLE_MS = 1_000;
/** How long before the idle lock the "Stay unlocked" warning appears. */
export const IDLE_WARNING_MS = 30_000;
/** Three Escape presses within this window trigger quick exit. */
export const QUICK_EXIT_WINDOW_MS = 1_500;
export const QUICK_EXIT_PRESSES = 3;
/** Passphrases shorter than this are refused; shorter than RECOMMENDED get a warning. */
export const MIN_PASSPHRASE_LENGTH = 8;
export const RECOMMENDED_PASSPHRASE_LENGTH = 12;
/** Wait after a wrong passphrase: 1 s, 2 s, 4 s … never more than this, never a lock-out. */
export const MAX_RETRY_DELAY_MS = 30_000;
/** Longest a lock waits for unsaved answers to be written before dropping the key anyway. */
export const LOCK_FLUSH_TIMEOUT_MS = 3_000;
/** Quick exit hides the screen at once and waits at most this long for the last save. */
export const QUICK_EXIT_FLUSH_TIMEOUT_MS = 1_000;
