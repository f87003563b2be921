import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, StatusMessage } from '../../components/ui';
import { matchesConfirmWord } from './confirm-word';

interface Props {
  open: boolean;
  onCancel: () => void;
  /** Erases; rejects if something could not be erased (the dialog then stays open and says so). */
  onConfirm: () => Promise<void>;
}

/**
 * The last step before erasing everything: the caseworker types the confirmation word; until it
 * matches, the red button stays disabled. Cancel comes first and has the focus.
 */
export function EraseDeviceDialog({ open, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('ui');
  const bodyId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const word = t('settings.erase.word');
  const ready = matchesConfirmWord(typed, word);

  function close(): void {
    if (busy) return;
    setTyped('');
    setFailed(false);
    onCancel();
  }

  async function confirm(): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      await onConfirm();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      describedBy={bodyId}
      title={t('settings.erase.dialogTitle')}
      actions={
        <>
          <Button autoFocus onClick={close} disabled={busy}>
            {t('settings.erase.cancel')}
          </Button>
          <Button
            variant="danger"
            disabled={!ready || busy}
            onClick={() => {
              void confirm();
            }}
          >
            {t('settings.erase.confirm')}
          </Button>
        </>
      }
    >
      <p id={bodyId}>{t('settings.erase.dialogBody')}</p>
      <Field label={t('settings.erase.typeWord', { word })}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={typed}
            readOnly={busy}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
          />
        )}
      </Field>
      <div role="status">{busy ? t('settings.erase.working') : null}</div>
      {failed ? <StatusMessage tone="error">{t('settings.erase.failed')}</StatusMessage> : null}
    </Dialog>
  );
}
