import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, StatusMessage } from '../../components/ui';
import { caseReferenceProblem, normaliseCaseReference, type CaseReferenceProblem } from './case-reference';
import { CaseReferenceField } from './case-reference-field';
import type { DraftRow } from './draft-store';

interface Props {
  /** The draft to copy; null keeps the dialog closed. */
  draft: DraftRow | null;
  onCancel: () => void;
  /** Copies under the new reference; rejects if storage refused. */
  onConfirm: (draft: DraftRow, caseRef: string) => Promise<void>;
}

/** A copy needs its own reference, so two drafts are never told apart by date alone. */
export function DuplicateDraftDialog({ draft, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('ui');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<CaseReferenceProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  function close(): void {
    setValue('');
    setProblem(null);
    setFailed(false);
    onCancel();
  }

  async function submit(event: FormEvent<HTMLFormElement>, target: DraftRow): Promise<void> {
    event.preventDefault();
    const found = caseReferenceProblem(value);
    setProblem(found);
    setFailed(false);
    if (found) return;
    setBusy(true);
    try {
      await onConfirm(target, normaliseCaseReference(value));
      setValue('');
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const formId = 'duplicate-draft-form';
  return (
    <Dialog
      open={draft !== null}
      onClose={close}
      title={t('drafts.duplicate.title', { ref: draft?.caseRef ?? '' })}
      actions={
        <>
          <Button onClick={close}>{t('drafts.duplicate.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy}>
            {t('drafts.duplicate.confirm')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          if (draft) void submit(event, draft);
        }}
      >
        <CaseReferenceField
          label={t('drafts.duplicate.newRef')}
          value={value}
          problem={problem}
          autoFocus
          onChange={(next) => {
            setValue(next);
            if (problem) setProblem(caseReferenceProblem(next));
          }}
        />
      </form>
      {failed ? <StatusMessage tone="error">{t('drafts.duplicate.failed')}</StatusMessage> : null}
    </Dialog>
  );
}
