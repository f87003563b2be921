import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commonLanguageOptions, isCommonLanguage } from './language-codes';

interface LanguagePickerProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
}

const OTHER = '__other';

/** A select of common languages, with "Other" revealing a free text box. */
export function LanguagePicker({ id, value, onChange }: LanguagePickerProps) {
  const { t, i18n } = useTranslation('wizard');
  // "Other" with nothing typed yet must stay selected, so it is remembered, not derived.
  const [other, setOther] = useState(value !== '' && !isCommonLanguage(value));
  const selected = other ? OTHER : value;
  const options = commonLanguageOptions(i18n.language);
  return (
    <div className="field">
      <label htmlFor={id}>{t('verbatim.language')}</label>
      <select
        id={id}
        value={selected}
        onChange={(e) => {
          const next = e.target.value;
          setOther(next === OTHER);
          onChange(next === OTHER ? '' : next);
        }}
      >
        <option value="">{t('choice.placeholder')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
        <option value={OTHER}>{t('verbatim.languageOther')}</option>
      </select>
      {other ? (
        <>
          <label htmlFor={`${id}-other`}>{t('verbatim.languageOtherName')}</label>
          <input
            id={`${id}-other`}
            type="text"
            className="input input--short"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            autoComplete="off"
          />
        </>
      ) : null}
    </div>
  );
}
