import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../storage';

/** What the caseworker needs to know about autosave, in words; a failure keeps the input and retries. */
export function saveStatusKey(state: AutosaveState): string {
  switch (state.status) {
    case 'pending':
    case 'saving':
      return 'save.saving';
    case 'error':
      if (state.errorName === 'QuotaExceededError') return 'save.errorFull';
      if (state.errorName === 'DraftConflictError') return 'save.errorConflict';
      if (state.errorName === 'DraftSignedOffError') return 'save.errorSignedOff';
      return 'save.error';
    default:
      return 'save.saved';
  }
}

export function SaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation('wizard');
  return (
    <p role="status" className="save-status" data-status={state.status}>
      {t(saveStatusKey(state))}
    </p>
  );
}
