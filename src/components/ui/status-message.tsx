import type { ReactNode } from 'react';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

export interface StatusMessageProps {
  tone?: StatusTone;
  children: ReactNode;
  className?: string;
}

/**
 * A short message announced by screen readers: role=alert (assertive) for errors that need
 * action now, role=status (polite) for everything else so the interview is not interrupted.
 * Tone is shown by colour and by a text-free left border, never by colour alone: the words
 * carry the meaning.
 */
export function StatusMessage({ tone = 'info', children, className }: StatusMessageProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={['status', `status--${tone}`, className].filter(Boolean).join(' ')}
    >
      {children}
    </div>
  );
}
