import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, StatusMessage } from '../../components/ui';
import { formatNumber } from '../../lib/format';
import { saveIdleMinutes, useIdleMinutes } from './idle-minutes';
import { IDLE_LOCK_MINUTES, IDLE_WARNING_MS } from './lock-settings';

/**
 * How long this device waits without use before it locks (2–30 minutes). A long interview
 * through an interpreter needs longer; a phone that may be left about needs shorter.
 */
export function IdleLockSection() {
  const { t, i18n } = useTranslation('phone');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const minutes = useIdleMinutes();
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  return (
    <section aria-labelledby="idle-lock-title">
      <h2 id="idle-lock-title">{t('lock.idle.title')}</h2>
      <Field label={t('lock.idle.label')} help={t('lock.idle.help', { seconds: formatNumber(IDLE_WARNING_MS / 1000, lang) })}>
        {(control) => (
          <select
            {...control}
            className="input input--short"
            value={minutes}
            onChange={(event) => {
              setState('idle');
              saveIdleMinutes(Number(event.target.value)).then(
                () => setState('saved'),
                () => setState('failed'),
              );
            }}
          >
            {IDLE_LOCK_MINUTES.map((m) => (
              <option key={m} value={m}>
                {formatNumber(m, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div role="status">{state === 'saved' ? t('lock.idle.saved', { minutes: formatNumber(minutes, lang) }) : null}</div>
      {state === 'failed' ? <StatusMessage tone="error">{t('lock.idle.failed')}</StatusMessage> : null}
    </section>
  );
}
