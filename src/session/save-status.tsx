import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../storage';
import { ReadOnlyNotice } from './read-only-notice';
import { useDraftAccess } from './use-draft-session';
import './session.css';

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

/**
 * The save status line of the open draft; in a tab that may only read the draft (another tab
 * writes it) the read-only notice takes its place, since nothing here is ever saved.
 */
export function SaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation('wizard');
  const access = useDraftAccess();
  if (access.mode === 'reader') return <ReadOnlyNotice request={access.request} />;
  return (
    <p role="status" className="save-status" data-status={state.status}>
      {t(saveStatusKey(state))}
    </p>
  );
}
