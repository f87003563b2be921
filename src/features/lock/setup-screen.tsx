import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';
import { NewPassphraseFields, readFormField, SlowSubmit } from '../../components/passphrase';
import type { LockController } from './lock-controller';
import { passphraseStrength, type PassphraseStrength } from '../../lib/passphrase-rules';

type SetupProblem = 'tooShort' | 'mismatch' | null;

/**
 * First run: the caseworker chooses the passphrase that encrypts every draft. Paste and
 * password managers are welcome (autocomplete="new-password"). The passphrase is read from the
 * form on submit and never kept in React state; only its length category is.
 */
export function SetupScreen({ controller }: { controller: LockController }) {
  const { t } = useTranslation('ui');
  const [strength, setStrength] = useState<PassphraseStrength>('empty');
  const [problem, setProblem] = useState<SetupProblem>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    const passphrase = readFormField(form, 'passphrase');
    const repeat = readFormField(form, 'repeat');
    setFailed(false);
    const found: SetupProblem = passphraseStrength(passphrase) === 'tooShort' || passphrase === '' ? 'tooShort' : passphrase !== repeat ? 'mismatch' : null;
    setProblem(found);
    if (found) {
      form.querySelector<HTMLInputElement>(found === 'tooShort' ? 'input[name="passphrase"]' : 'input[name="repeat"]')?.focus();
      return;
    }
    setBusy(true);
    const outcome = await controller.setup(passphrase);
    // On success this screen is replaced; only a failure needs saying.
    if (outcome !== 'unlocked') {
      setBusy(false);
      setFailed(true);
    }
  }

  return (
    <form
      className="lock-screen"
      aria-labelledby="setup-title"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h1 id="setup-title">{t('lock.setup.title')}</h1>
      <p>{t('lock.setup.intro')}</p>
      <StatusMessage tone="warning">
        <p>{t('lock.setup.noRecovery')}</p>
      </StatusMessage>
      <NewPassphraseFields
        names={{ passphrase: 'passphrase', repeat: 'repeat' }}
        labels={{ passphrase: t('lock.passphrase'), repeat: t('lock.setup.repeat') }}
        help={t('lock.setup.help')}
        hint={(level) => t(`lock.setup.hint.${level}`)}
        strength={strength}
        onStrengthChange={setStrength}
        passphraseError={problem === 'tooShort' ? t('lock.setup.error.tooShort') : undefined}
        repeatError={problem === 'mismatch' ? t('lock.setup.error.mismatch') : undefined}
        busy={busy}
      />
      {failed ? <StatusMessage tone="error">{t('lock.setup.failed')}</StatusMessage> : null}
      <SlowSubmit busy={busy} working={t('lock.setup.working')} submit={t('lock.setup.submit')} />
    </form>
  );
}
