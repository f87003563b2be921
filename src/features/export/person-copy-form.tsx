import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import { exportPersonCopy } from '../../export';
import { findLanguage } from '../../i18n';
import type { Answers } from '../../instrument';
import { DownloadLink } from './download-link';
import { exportErrorKind, type ExportErrorKind } from './export-errors';

const MAX_CONTACTS = 5;

interface PersonCopyFormProps {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Answers;
  /** The person's language, else the working language. */
  readonly language: string;
}

type Phase = { kind: 'idle' | 'working' } | { kind: 'done'; bytes: Uint8Array; fileName: string } | { kind: 'error'; error: ExportErrorKind };

/**
 * The person's own copy (issue 16.5): the caseworker writes who the person can contact, and gets a
 * printable plan in the person's language that leaves out everything that could endanger them if
 * someone else found it (src/export/summary/person-copy.ts decides what goes in). Nothing is kept.
 */
export function PersonCopyForm({ instrumentId, instrumentVersion, answers, language }: PersonCopyFormProps) {
  const { t } = useTranslation('workspace');
  const id = useId();
  const [contacts, setContacts] = useState([{ who: '', how: '' }]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const label = findLanguage(language)?.label ?? language;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPhase({ kind: 'working' });
    try {
      const file = await exportPersonCopy({ instrumentId, instrumentVersion, answers, language, contacts, createdAt: new Date() });
      setPhase({ kind: 'done', ...file });
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'person copy failed');
      setPhase({ kind: 'error', error: exportErrorKind(error) });
    }
  };

  const set = (index: number, field: 'who' | 'how', value: string) => setContacts((current) => current.map((c, i) => (i === index ? { ...c, [field]: value } : c)));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint">{t('personCopy.intro', { language: label })}</p>
      {contacts.map((contact, index) => (
        <fieldset key={index}>
          <legend>{t('personCopy.contact', { number: index + 1 })}</legend>
          {(['who', 'how'] as const).map((field) => (
            <div className="field" key={field}>
              <label className="field__label" htmlFor={`${id}-${String(index)}-${field}`}>
                {t(`personCopy.${field}`)}
              </label>
              <input id={`${id}-${String(index)}-${field}`} type="text" autoComplete="off" maxLength={200} value={contact[field]} onChange={(event) => set(index, field, event.target.value)} />
            </div>
          ))}
        </fieldset>
      ))}
      <div className="export-actions">
        {contacts.length < MAX_CONTACTS ? <Button onClick={() => setContacts((current) => [...current, { who: '', how: '' }])}>{t('personCopy.addContact')}</Button> : null}
        <Button type="submit" disabled={phase.kind === 'working'}>
          {t('personCopy.create')}
        </Button>
      </div>
      {phase.kind === 'working' ? <p role="status">{t('personCopy.working')}</p> : null}
      {phase.kind === 'error' ? <StatusMessage tone="error">{t(`export:error.${phase.error}`)}</StatusMessage> : null}
      {phase.kind === 'done' ? (
        <StatusMessage tone="success">
          <p>{t('personCopy.done')}</p>
          <DownloadLink bytes={phase.bytes} fileName={phase.fileName}>
            {t('personCopy.download')}
          </DownloadLink>
        </StatusMessage>
      ) : null}
    </form>
  );
}
