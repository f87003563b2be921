import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/ui';
import { findLanguage, languages, setLanguage } from '../i18n';
import { writeLanguagePreference } from '../i18n/language-preference';

/**
 * UI language (not the interview's working language, which a draft records). Each option is
 * named in its own language, and carries `lang` so a screen reader pronounces it correctly.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('ui');
  const id = useId();
  const [failed, setFailed] = useState(false);
  const current = findLanguage(i18n.language);

  async function choose(code: string): Promise<void> {
    setFailed(false);
    try {
      await setLanguage(code);
      writeLanguagePreference(code);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={current?.code ?? i18n.language}
        onChange={(event) => {
          void choose(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.reviewed ? language.label : `${language.label} (${t('app.notReviewed')})`}
          </option>
        ))}
      </select>
      {failed ? <StatusMessage tone="error">{t('app.languageFailed')}</StatusMessage> : null}
    </div>
  );
}
