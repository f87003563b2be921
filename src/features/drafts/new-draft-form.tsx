import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import { caseReferenceProblem, normaliseCaseReference, type CaseReferenceProblem } from './case-reference';
import { CaseReferenceField } from './case-reference-field';
import { languages } from '../../i18n';

interface Props {
  /** Creates the draft (with the person's language, if asked for) and moves on; rejects if storage refused. */
  onStart: (caseRef: string, personLanguage: string | null) => Promise<void>;
  /** Also ask for the person's language (it can be set or changed in the wizard too). */
  withPersonLanguage?: boolean;
}

/** "Start assessment": one field, validated on submit (not while typing, which is noisy). */
export function NewDraftForm({ onStart, withPersonLanguage = false }: Props) {
  const { t } = useTranslation(['ui', 'wizard']);
  const languageId = useId();
  const [value, setValue] = useState('');
  const [personLanguage, setPersonLanguage] = useState('');
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
      await onStart(normaliseCaseReference(value), personLanguage === '' ? null : personLanguage);
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
      {withPersonLanguage ? (
        <div className="field">
          <label htmlFor={languageId}>{t('interview.personLanguage', { ns: 'wizard' })}</label>
          <select id={languageId} value={personLanguage} onChange={(e) => setPersonLanguage(e.target.value)}>
            <option value="">{t('interview.personLanguageNone', { ns: 'wizard' })}</option>
            {languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.reviewed ? l.label : `${l.label} (${t('app.notReviewed')})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {failed ? <StatusMessage tone="error">{t('drafts.new.failed')}</StatusMessage> : null}
      <Button type="submit" variant="primary" disabled={busy}>
        {t('drafts.new.start')}
      </Button>
    </form>
  );
}
