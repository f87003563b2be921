import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { NewPassphraseFields, readFormField, SlowSubmit } from '../../../components/passphrase';
import { passphraseStrength, type PassphraseStrength } from '../../../lib/passphrase-rules';
import { backupProblem, makeBackup, type MadeBackup } from './backup-actions';

type Problem = 'tooShort' | 'mismatch' | null;
type Failure = 'nothing' | 'failed' | null;

/**
 * "Back up assessments": every assessment on this device, decrypted in memory and encrypted
 * again into ONE file with a backup passphrase typed here (same length rules as the app's
 * passphrase; it may differ from it). The file gets a neutral, dated name. Signing identities are
 * not included, and the screen says so.
 */
export function BackupSection({ backup = makeBackup }: { backup?: (passphrase: string) => Promise<MadeBackup> }) {
  const { t } = useTranslation('protect');
  const [strength, setStrength] = useState<PassphraseStrength>('empty');
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<MadeBackup | null>(null);
  const [failure, setFailure] = useState<Failure>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const passphrase = readFormField(form, 'backupPassphrase');
    const found: Problem = passphraseStrength(passphrase) === 'tooShort' || passphrase === '' ? 'tooShort' : passphrase !== readFormField(form, 'backupRepeat') ? 'mismatch' : null;
    setProblem(found);
    setMade(null);
    setFailure(null);
    if (found) {
      form.querySelector<HTMLInputElement>(found === 'tooShort' ? 'input[name="backupPassphrase"]' : 'input[name="backupRepeat"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      setMade(await backup(passphrase));
      form.reset();
      setStrength('empty');
    } catch (error) {
      if (backupProblem(error) !== 'nothing-to-back-up') console.error(error instanceof Error ? error.name : 'backup error');
      setFailure(backupProblem(error) === 'nothing-to-back-up' ? 'nothing' : 'failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="backup-title" className="settings-section">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <p>{t('backup.notIncluded')}</p>
      <form
        noValidate
        aria-labelledby="backup-title"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <NewPassphraseFields
          names={{ passphrase: 'backupPassphrase', repeat: 'backupRepeat' }}
          labels={{ passphrase: t('backup.passphrase'), repeat: t('backup.repeat') }}
          help={t('backup.help')}
          hint={(level) => t(`change.hint.${level}`)}
          strength={strength}
          onStrengthChange={setStrength}
          passphraseError={problem === 'tooShort' ? t('change.error.tooShort') : undefined}
          repeatError={problem === 'mismatch' ? t('change.error.mismatch') : undefined}
          busy={busy}
        />
        {made ? (
          <StatusMessage tone="success">
            <p>{t('backup.done', { fileName: made.fileName, number: made.count })}</p>
            <p>{t('backup.keepApart')}</p>
          </StatusMessage>
        ) : null}
        {made && made.unreadable > 0 ? <StatusMessage tone="warning">{t('backup.unreadable', { number: made.unreadable })}</StatusMessage> : null}
        {failure ? <StatusMessage tone="error">{t(failure === 'nothing' ? 'backup.nothing' : 'backup.failed')}</StatusMessage> : null}
        <SlowSubmit busy={busy} working={t('backup.working')} submit={t('backup.submit')} />
      </form>
    </section>
  );
}
