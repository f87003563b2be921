import { useTranslation } from 'react-i18next';
import type { RotationProgress } from '../../storage';

/**
 * Where a data key replacement is: the phase in words with records done / total, and a bar. The
 * words carry the meaning (they sit in the form's status line, read by screen readers); the bar
 * repeats them for sighted users and is hidden from assistive technology.
 */
export function RotationProgressText({ progress }: { progress: RotationProgress }) {
  const { t } = useTranslation('protect');
  const { phase, done, total } = progress;
  return (
    <>
      {t(`change.progress.${phase}`, { done, total })}
      {phase === 'keys' ? null : <progress className="protect-progress" max={Math.max(total, 1)} value={done} aria-hidden="true" />}
    </>
  );
}
