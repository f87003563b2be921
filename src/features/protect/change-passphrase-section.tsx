import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui';
import { NewPassphraseFields, readFormField, SlowSubmit, useSecondsUntil } from '../../components/passphrase';
import type { PassphraseStrength } from '../../lib/passphrase-rules';
import type { RotationProgress } from '../../storage';
import { changePassphrase, checkNewPassphrase, retryAt, subscribeRetry, type ChangeOutcome, type NewPassphraseProblem } from './change-passphrase';
import { replacementPending, replaceDataKey } from './replace-data-key';
import { ReplaceKeyOption, wantsNewKey } from './replace-key-option';
import { ChangeMessage, type Shown } from './change-message';
import { RotationProgressText } from './rotation-progress';
import { UnfinishedReplacement } from './unfinished-replacement';
import './protect.css';

/** Seconds left before the next attempt, ticking while there is a wait. */
function useSecondsLeft(): number {
  return useSecondsUntil(useSyncExternalStore(subscribeRetry, retryAt));
}

/** Whether a data key replacement is unfinished (read when the screen opens, and after each attempt). */
function usePendingReplacement(): [boolean, () => void] {
  const [pending, setPending] = useState(false);
  const [checks, setChecks] = useState(0);
  useEffect(() => {
    let live = true;
    void replacementPending().then((value) => {
      if (live) setPending(value);
    });
    return () => {
      live = false;
    };
  }, [checks]);
  return [pending, () => setChecks((n) => n + 1)];
}

/** A plain change's outcome in the shape of a replacement's. */
function asKind(outcome: ChangeOutcome): { kind: 'wait' } | { kind: Exclude<ChangeOutcome, 'wait'> } {
  return outcome === 'wait' ? { kind: 'wait' } : { kind: outcome };
}

const fieldFor: Record<Exclude<NewPassphraseProblem, null>, string> = {
  currentMissing: 'current',
  tooShort: 'next',
  mismatch: 'repeat',
  same: 'next',
};

/**
 * "Change passphrase": the current passphrase, the new one twice (same length rules and hint as
 * set-up; paste and password managers welcome), and "also replace the data key" (off by default;
 * docs/adr/0005). Passphrases are read from the form on submit and never kept in React state.
 * Without the option no record is re-encrypted, so this takes as long as an unlock, twice; with
 * it, every record is re-encrypted and the screen shows records done / total.
 */
export function ChangePassphraseSection() {
  const { t } = useTranslation('protect');
  const [strength, setStrength] = useState<PassphraseStrength>('empty');
  const [problem, setProblem] = useState<NewPassphraseProblem>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RotationProgress | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [pending, recheckPending] = usePendingReplacement();
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
    const outcome = wantsNewKey(form) ? await replaceDataKey(current, next, setProgress) : asKind(await changePassphrase(current, next));
    setBusy(false);
    setProgress(null);
    if (outcome.kind === 'wait' || outcome.kind === 'locked') return;
    setShown(outcome);
    recheckPending();
    if (outcome.kind === 'changed' || outcome.kind === 'rotated' || outcome.kind === 'incomplete') {
      // The new passphrase is in effect: nothing typed here is needed any more.
      form.reset();
      setStrength('empty');
    } else if (outcome.kind === 'wrong') {
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
      {pending && !busy ? <UnfinishedReplacement onSettled={recheckPending} /> : null}
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
              aria-invalid={shown?.kind === 'wrong' || problem === 'currentMissing' ? true : undefined}
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
        <ReplaceKeyOption busy={busy} />
        <ChangeMessage shown={shown} />
        <SlowSubmit
          busy={busy}
          working={progress ? <RotationProgressText progress={progress} /> : t('change.working')}
          submit={t('change.submit')}
          wait={seconds > 0 ? t('change.wait', { count: seconds }) : undefined}
        />
      </form>
    </section>
  );
}
