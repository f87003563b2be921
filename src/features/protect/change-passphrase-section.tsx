import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, StatusMessage } from '../../components/ui';
import { NewPassphraseFields, readFormField, SlowSubmit, useSecondsUntil } from '../../components/passphrase';
import type { PassphraseStrength } from '../../lib/passphrase-rules';
import { changePassphrase, checkNewPassphrase, retryAt, subscribeRetry, type ChangeOutcome, type NewPassphraseProblem } from './change-passphrase';

type Shown = Exclude<ChangeOutcome, 'wait'> | null;

/** Seconds left before the next attempt, ticking while there is a wait. */
function useSecondsLeft(): number {
  return useSecondsUntil(useSyncExternalStore(subscribeRetry, retryAt));
}

const fieldFor: Record<Exclude<NewPassphraseProblem, null>, string> = {
  currentMissing: 'current',
  tooShort: 'next',
  mismatch: 'repeat',
  same: 'next',
};

/**
 * "Change passphrase": the current passphrase, the new one twice (same length rules and hint as
 * set-up; paste and password managers welcome). Passphrases are read from the form on submit and
 * never kept in React state. Drafts are not re-encrypted, so this takes as long as an unlock, twice.
 */
export function ChangePassphraseSection() {
  const { t } = useTranslation('protect');
  const [strength, setStrength] = useState<PassphraseStrength>('empty');
  const [problem, setProblem] = useState<NewPassphraseProblem>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const seconds = useSecondsLeft();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const current = readFormField(form, 'current');
    const next = readFormField(form, 'next');
    const found = checkNewPassphrase(current, next, readFormField(form, 'repeat'));
    setProblem(found);
    setShown(null);
    if (found) {
      form.querySelector<HTMLInputElement>(`input[name="${fieldFor[found]}"]`)?.focus();
      return;
    }
    setBusy(true);
    const outcome = await changePassphrase(current, next);
    setBusy(false);
    if (outcome === 'wait') return;
    setShown(outcome);
    if (outcome === 'changed') {
      form.reset();
      setStrength('empty');
    } else if (outcome === 'wrong') {
      const input = form.querySelector<HTMLInputElement>('input[name="current"]');
      if (input) {
        input.value = '';
        input.focus();
      }
    }
  }

  return (
    <section aria-labelledby="change-passphrase-title" className="settings-section">
      <h2 id="change-passphrase-title">{t('change.title')}</h2>
      <p>{t('change.intro')}</p>
      <form
        noValidate
        aria-labelledby="change-passphrase-title"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <Field label={t('change.current')} error={problem === 'currentMissing' ? t('change.error.currentMissing') : undefined} required>
          {(control) => (
            <input
              {...control}
              name="current"
              type="password"
              className="input"
              autoComplete="current-password"
              autoCapitalize="off"
              spellCheck={false}
              readOnly={busy}
              aria-invalid={shown === 'wrong' || problem === 'currentMissing' ? true : undefined}
            />
          )}
        </Field>
        <NewPassphraseFields
          names={{ passphrase: 'next', repeat: 'repeat' }}
          labels={{ passphrase: t('change.next'), repeat: t('change.repeat') }}
          help={t('change.help')}
          hint={(level) => t(`change.hint.${level}`)}
          strength={strength}
          onStrengthChange={setStrength}
          passphraseError={problem === 'tooShort' ? t('change.error.tooShort') : problem === 'same' ? t('change.error.same') : undefined}
          repeatError={problem === 'mismatch' ? t('change.error.mismatch') : undefined}
          busy={busy}
        />
        {shown === 'changed' ? <StatusMessage tone="success">{t('change.done')}</StatusMessage> : null}
        {shown && shown !== 'changed' ? <StatusMessage tone="error">{t(`change.outcome.${shown}`)}</StatusMessage> : null}
        <SlowSubmit busy={busy} working={t('change.working')} submit={t('change.submit')} wait={seconds > 0 ? t('change.wait', { count: seconds }) : undefined} />
      </form>
    </section>
  );
}
