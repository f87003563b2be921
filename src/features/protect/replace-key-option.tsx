import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Also replace the data key": off by default, with when to use it right under it (and announced
 * with the checkbox). Read from the form on submit (name="replaceKey"), like the passphrases.
 */
export function ReplaceKeyOption({ busy }: { busy: boolean }) {
  const { t } = useTranslation('protect');
  const id = useId();
  return (
    <>
      <div className="protect-check">
        <input id={id} type="checkbox" name="replaceKey" aria-describedby={`${id}-help`} disabled={busy} />
        <label htmlFor={id}>{t('change.replaceKey.label')}</label>
      </div>
      <p id={`${id}-help`} className="field__help">
        {t('change.replaceKey.help')}
      </p>
    </>
  );
}

/** True when the form's "also replace the data key" box is ticked. */
export function wantsNewKey(form: HTMLFormElement): boolean {
  const box = form.elements.namedItem('replaceKey');
  return box instanceof HTMLInputElement && box.checked;
}
