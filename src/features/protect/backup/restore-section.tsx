import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, StatusMessage } from '../../../components/ui';
import type { RestoreResult } from '../../../storage';
import { backupProblem, restoreFromFile } from './backup-actions';

/** Reasons a file is refused; each has its own sentence (locales/<lang>/protect.json). */
const PROBLEMS = new Set([
  'empty', 'too-large', 'not-a-backup', 'truncated', 'malformed', 'unsupported-version', 'weak-parameters', 'wrong-passphrase', 'damaged', 'invalid-content',
]);

type Problem = 'noFile' | 'noPassphrase' | null;

/**
 * "Restore from a backup": a backup file and its passphrase. The whole file is checked and
 * decrypted before anything is written, and then everything is written at once, so a refused
 * file changes nothing. Assessments already here are never overwritten: if the backup holds
 * another version of one, it is added beside it as a copy (the list then shows both).
 */
export function RestoreSection({ restore = restoreFromFile }: { restore?: (file: Blob, passphrase: string) => Promise<RestoreResult> }) {
  const { t } = useTranslation('protect');
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RestoreResult | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('backupFile');
    const passphrase = data.get('restorePassphrase');
    // With no file chosen, the form still holds an empty, nameless File.
    const noFile = !(file instanceof File) || (file.size === 0 && file.name === '');
    const found: Problem = noFile ? 'noFile' : typeof passphrase !== 'string' || passphrase === '' ? 'noPassphrase' : null;
    setProblem(found);
    setResult(null);
    setRefused(null);
    if (found || !(file instanceof Blob) || typeof passphrase !== 'string') {
      form.querySelector<HTMLInputElement>(found === 'noFile' ? 'input[name="backupFile"]' : 'input[name="restorePassphrase"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      setResult(await restore(file, passphrase));
      form.reset();
    } catch (error) {
      const reason = backupProblem(error);
      if (!reason) console.error(error instanceof Error ? error.name : 'restore error');
      setRefused(reason && PROBLEMS.has(reason) ? reason : 'failed');
      const input = form.querySelector<HTMLInputElement>('input[name="restorePassphrase"]');
      if (input) input.value = '';
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="restore-title" className="settings-section">
      <h2 id="restore-title">{t('restore.title')}</h2>
      <p>{t('restore.intro')}</p>
      <p>{t('restore.neverOverwrites')}</p>
      <form
        noValidate
        aria-labelledby="restore-title"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <Field label={t('restore.file')} help={t('restore.fileHelp')} error={problem === 'noFile' ? t('restore.error.noFile') : undefined} required>
          {(control) => <input {...control} name="backupFile" type="file" className="input" accept=".hwbk,application/octet-stream" disabled={busy} />}
        </Field>
        <Field label={t('restore.passphrase')} error={problem === 'noPassphrase' ? t('restore.error.noPassphrase') : undefined} required>
          {(control) => (
            <input
              {...control}
              name="restorePassphrase"
              type="password"
              className="input"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              readOnly={busy}
              aria-invalid={refused === 'wrong-passphrase' || problem === 'noPassphrase' ? true : undefined}
            />
          )}
        </Field>
        {result ? (
          <StatusMessage tone="success">
            <p>{t('restore.done')}</p>
            <ul>
              <li>{t('restore.added', { number: result.added })}</li>
              <li>{t('restore.copies', { number: result.copies })}</li>
              <li>{t('restore.alreadyPresent', { number: result.alreadyPresent })}</li>
            </ul>
          </StatusMessage>
        ) : null}
        {refused ? (
          <StatusMessage tone="error">
            <p>{t(`restore.problem.${refused}`)}</p>
            <p>{t('restore.nothingChanged')}</p>
          </StatusMessage>
        ) : null}
        <div role="status" className="lock-progress">
          {busy ? t('restore.working') : null}
        </div>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('restore.submit')}
        </Button>
      </form>
    </section>
  );
}
