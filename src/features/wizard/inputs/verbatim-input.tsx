import { useTranslation } from 'react-i18next';
import type { VerbatimAnswer } from '../../../instrument';
import { useInterviewLanguages } from '../bilingual';
import { asVerbatim, personalProps, type InputProps } from './input-props';
import { LanguagePicker } from './language-picker';
import { InterpreterOffers } from '../offers';

/**
 * The person's own words, kept apart from the translation so the record shows what they
 * actually said, in which language, and who translated it.
 */
export function VerbatimInput({ id, item, value, onChange }: InputProps) {
  const { t } = useTranslation('wizard');
  const { personLanguage } = useInterviewLanguages();
  const v = asVerbatim(value);
  // The words are stored with their language: the person's language unless another is picked.
  const set = (patch: Partial<VerbatimAnswer>) => {
    const next = { ...v, ...patch };
    if (next.language === '' && patch.language === undefined && next.original !== '' && personLanguage) next.language = personLanguage;
    onChange(next);
  };
  const spoken = v.language || personLanguage;
  const personal = personalProps(item.personal);
  return (
    <div className="verbatim">
      <div className="field">
        <label htmlFor={id}>{t('verbatim.original')}</label>
        <textarea
          id={id}
          className="input"
          rows={3}
          dir="auto"
          {...(spoken ? { lang: spoken } : {})}
          value={v.original}
          onChange={(e) => set({ original: e.target.value })}
          {...personal}
        />
      </div>
      <LanguagePicker id={`${id}-language`} value={v.language} onChange={(language) => set({ language })} />
      <div className="field">
        <label htmlFor={`${id}-translation`}>{t('verbatim.translation')}</label>
        <textarea
          id={`${id}-translation`}
          className="input"
          rows={3}
          dir="auto"
          value={v.translation}
          onChange={(e) => set({ translation: e.target.value })}
          {...personal}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-by`}>{t('verbatim.translatedBy')}</label>
        <input
          id={`${id}-by`}
          type="text"
          className="input"
          value={v.translatedBy}
          onChange={(e) => set({ translatedBy: e.target.value })}
          {...personalProps(true)}
        />
        {v.translatedBy === '' ? <InterpreterOffers code={item.code} onPick={(translatedBy) => set({ translatedBy })} /> : null}
      </div>
    </div>
  );
}
