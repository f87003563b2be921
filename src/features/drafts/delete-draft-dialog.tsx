import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, StatusMessage } from '../../components/ui';
import type { DraftRow } from './draft-store';

interface Props {
  /** The draft to delete; null keeps the dialog closed. */
  draft: DraftRow | null;
  onCancel: () => void;
  /** Deletes; rejects if storage refused (the dialog then stays open and says so). */
  onConfirm: (draft: DraftRow) => Promise<void>;
}

/** Deleting is permanent, so it is confirmed, and Cancel comes first and is not the red one. */
export function DeleteDraftDialog({ draft, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('ui');
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  function close(): void {
    setFailed(false);
    onCancel();
  }

  async function confirm(target: DraftRow): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      await onConfirm(target);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={draft !== null}
      onClose={close}
      describedBy={bodyId}
      title={t('drafts.delete.title', { ref: draft?.caseRef ?? '' })}
      actions={
        <>
          <Button autoFocus onClick={close}>
            {t('drafts.delete.cancel')}
          </Button>
          <Button
            variant="danger"
            disabled={busy}
            onClick={() => {
              if (draft) void confirm(draft);
            }}
          >
            {t('drafts.delete.confirm')}
          </Button>
        </>
      }
    >
      <p id={bodyId}>{t('drafts.delete.body')}</p>
      {failed ? <StatusMessage tone="error">{t('drafts.delete.failed')}</StatusMessage> : null}
    </Dialog>
  );
}
