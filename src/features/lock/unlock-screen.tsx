import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Field, StatusMessage } from '../../components/ui';
import { SlowSubmit, useSecondsUntil } from '../../components/passphrase';
import type { LockController, LockState, UnlockOutcome } from './lock-controller';
import { useLockState } from './use-lock-state';

type Shown = Exclude<UnlockOutcome, 'unlocked' | 'cancelled'> | null;

const messageKey = {
  wrong: 'lock.unlock.wrong',
  wait: 'lock.unlock.wrong',
  tampered: 'lock.unlock.tampered',
  failed: 'lock.unlock.failed',
  changed: 'lock.unlock.changed',
} as const satisfies Record<Exclude<Shown, null>, string>;

/** The progress line: the unlock, or how far the replacement of the data key it finishes has come. */
function workingText(t: TFunction<'ui'>, finishing: LockState['finishing']): string {
  if (finishing?.phase === 'sealing') return t('lock.unlock.finishing.sealing', { done: finishing.done, total: finishing.total });
  if (finishing?.phase === 'verifying') return t('lock.unlock.finishing.verifying', { done: finishing.done, total: finishing.total });
  return t('lock.unlock.working');
}

/**
 * Later starts and after a lock: the passphrase (autocomplete="current-password"), a progress
 * line while the key is derived (slow on phones on purpose), and after a wrong passphrase a
 * wait that doubles each time up to 30 s. There is no lock-out: the data is never made
 * unreachable by failed attempts. When the unlock finishes an interrupted data key replacement,
 * the progress line says how many records are done.
 */
export function UnlockScreen({ controller }: { controller: LockController }) {
  const { t } = useTranslation('ui');
  const { retryAt, finishing } = useLockState(controller);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const input = useRef<HTMLInputElement>(null);
  const seconds = useSecondsUntil(retryAt);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('passphrase');
    const passphrase = typeof value === 'string' ? value : '';
    if (passphrase === '' || busy) return;
    setBusy(true);
    setShown(null);
    const outcome = await controller.unlock(passphrase);
    if (outcome === 'unlocked') return; // this screen is replaced
    setBusy(false);
    if (outcome === 'cancelled') return;
    setShown(outcome);
    if (input.current) {
      input.current.value = '';
      input.current.focus();
    }
  }

  return (
    <form
      className="lock-screen"
      aria-labelledby="unlock-title"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h1 id="unlock-title">{t('lock.unlock.title')}</h1>
      <p>{t('lock.unlock.intro')}</p>
      <Field label={t('lock.passphrase')} help={t('lock.unlock.forgotten')} required>
        {(control) => (
          <input
            {...control}
            ref={input}
            name="passphrase"
            type="password"
            className="input"
            autoComplete="current-password"
            autoCapitalize="off"
            spellCheck={false}
            readOnly={busy}
            aria-invalid={shown === 'wrong' ? true : undefined}
            // The only thing this screen is for; the keyboard opens ready to type.
            autoFocus
          />
        )}
      </Field>
      {shown ? <StatusMessage tone="error">{t(messageKey[shown])}</StatusMessage> : null}
      <SlowSubmit busy={busy} working={workingText(t, finishing)} submit={t('lock.unlock.submit')} wait={seconds > 0 ? t('lock.unlock.wait', { count: seconds }) : undefined} />
    </form>
  );
}
