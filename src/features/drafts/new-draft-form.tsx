import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import { caseReferenceProblem, normaliseCaseReference, type CaseReferenceProblem } from './case-reference';
import { CaseReferenceField } from './case-reference-field';

interface Props {
  /** Creates the draft and moves on; rejects if storage refused. */
  onStart: (caseRef: string) => Promise<void>;
}

/** "Start assessment": one field, validated on submit (not while typing, which is noisy). */
export function NewDraftForm({ onStart }: Props) {
  const { t } = useTranslation('ui');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<CaseReferenceProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const found = caseReferenceProblem(value);
    setProblem(found);
    setFailed(false);
    if (found) {
      event.currentTarget.querySelector('input')?.focus();
      return;
    }
    setBusy(true);
    try {
      await onStart(normaliseCaseReference(value));
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <form
      className="card new-draft"
      aria-labelledby="new-draft-title"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h2 id="new-draft-title">{t('drafts.new.title')}</h2>
      <CaseReferenceField
        label={t('drafts.caseRef.label')}
        value={value}
        problem={problem}
        onChange={(next) => {
          setValue(next);
          if (problem) setProblem(caseReferenceProblem(next));
        }}
      />
      {failed ? <StatusMessage tone="error">{t('drafts.new.failed')}</StatusMessage> : null}
      <Button type="submit" variant="primary" disabled={busy}>
        {t('drafts.new.start')}
      </Button>
    </form>
  );
}
