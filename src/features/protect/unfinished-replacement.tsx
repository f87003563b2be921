import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import type { RotationProgress } from '../../storage';
import { finishDataKeyReplacement, type FinishOutcome } from './replace-data-key';
import { RotationProgressText } from './rotation-progress';

type Shown = Exclude<FinishOutcome, { kind: 'locked' }> | null;

/**
 * Shown while a data key replacement has started and not finished (every unlock tries to finish
 * it; this is for when that failed, or a replacement just stopped): says that the old key is
 * kept, so nothing becomes unreadable because of it, and offers to finish now, with the same
 * progress as the change.
 */
export function UnfinishedReplacement({ onSettled }: { onSettled: () => void }) {
  const { t } = useTranslation('protect');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RotationProgress | null>(null);
  const [shown, setShown] = useState<Shown>(null);

  async function finish(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setShown(null);
    const outcome = await finishDataKeyReplacement(setProgress);
    setBusy(false);
    setProgress(null);
    if (outcome.kind === 'locked') return;
    setShown(outcome);
    if (outcome.kind !== 'incomplete' && outcome.kind !== 'failed') onSettled();
  }

  if (shown?.kind === 'finished') {
    return <StatusMessage tone="success">{t(shown.traces ? 'change.unfinished.doneTraces' : 'change.unfinished.done', { number: shown.records })}</StatusMessage>;
  }
  if (shown?.kind === 'nothing-to-finish') return <StatusMessage tone="success">{t('change.unfinished.nothing')}</StatusMessage>;
  return (
    <div>
      <StatusMessage tone="warning">{t('change.unfinished.intro')}</StatusMessage>
      {shown?.kind === 'incomplete' ? (
        <StatusMessage tone="error">{shown.unreadable > 0 ? t('change.unfinished.unreadable', { number: shown.unreadable }) : t('change.unfinished.failed')}</StatusMessage>
      ) : null}
      {shown?.kind === 'failed' ? <StatusMessage tone="error">{t('change.unfinished.failed')}</StatusMessage> : null}
      <div role="status" className="lock-progress">
        {busy ? progress ? <RotationProgressText progress={progress} /> : t('change.unfinished.working') : null}
      </div>
      <Button
        type="button"
        disabled={busy}
        onClick={() => {
          void finish();
        }}
      >
        {t('change.unfinished.submit')}
      </Button>
    </div>
  );
}
