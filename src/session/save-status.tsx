import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../storage';
import { CaseNotice } from './case-notice';
import { ReadOnlyNotice } from './read-only-notice';
import { useDraftAccess, useDraftSignedOff } from './use-draft-session';
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
 * The save status line of the open draft, after where the draft stands with its reviewers. In a
 * tab that may only read the draft (another tab writes it) the read-only notice takes the status
 * line's place, and a signed-off draft has none: nothing there is ever saved.
 */
export function SaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation('wizard');
  const access = useDraftAccess();
  const draftId = access.mode === 'none' ? null : access.draftId;
  const signedOff = useDraftSignedOff(draftId);
  const notice = draftId === null ? null : <CaseNotice draftId={draftId} />;
  if (access.mode === 'reader') {
    return (
      <>
        {notice}
        <ReadOnlyNotice request={access.request} />
      </>
    );
  }
  return (
    <>
      {notice}
      {signedOff ? null : (
        <p role="status" className="save-status" data-status={state.status}>
          {t(saveStatusKey(state))}
        </p>
      )}
    </>
  );
}
