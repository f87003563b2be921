import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, StatusMessage } from '../../components/ui';
import type { LockController } from './lock-controller';
import { passphraseStrength, type PassphraseStrength } from './passphrase-rules';

type SetupProblem = 'tooShort' | 'mismatch' | null;

function readField(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

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
    const passphrase = readField(form, 'passphrase');
    const repeat = readField(form, 'repeat');
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
      <Field
        label={t('lock.passphrase')}
        help={
          <>
            {t('lock.setup.help')} <span className="strength-hint" data-strength={strength}>{t(`lock.setup.hint.${strength}`)}</span>
          </>
        }
        error={problem === 'tooShort' ? t('lock.setup.error.tooShort') : undefined}
        required
      >
        {(control) => (
          <input
            {...control}
            name="passphrase"
            type="password"
            className="input"
            autoComplete="new-password"
            autoCapitalize="off"
            spellCheck={false}
            readOnly={busy}
            onChange={(event) => {
              setStrength(passphraseStrength(event.target.value));
            }}
          />
        )}
      </Field>
      <Field label={t('lock.setup.repeat')} error={problem === 'mismatch' ? t('lock.setup.error.mismatch') : undefined} required>
        {(control) => (
          <input {...control} name="repeat" type="password" className="input" autoComplete="new-password" autoCapitalize="off" spellCheck={false} readOnly={busy} />
        )}
      </Field>
      {failed ? <StatusMessage tone="error">{t('lock.setup.failed')}</StatusMessage> : null}
      <div role="status" className="lock-progress">
        {busy ? t('lock.setup.working') : null}
      </div>
      <Button type="submit" variant="primary" disabled={busy}>
        {t('lock.setup.submit')}
      </Button>
    </form>
  );
}
