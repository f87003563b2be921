import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '../../i18n';

interface Props {
  personLanguage: string | null;
  onPersonLanguage: (code: string | null) => void;
  sideBySide: boolean;
  onSideBySide: (on: boolean) => void;
  /** the person's wording could not be loaded: questions stay in the working language */
  failed: boolean;
}

/**
 * The person's language (recorded on the draft) and the side-by-side switch. The working
 * language is the UI language, chosen with the app's language switcher. Changing either never
 * touches an answer. Memoised: the wizard re-renders on every change of the draft.
 */
export const InterviewLanguagesPanel = memo(InterviewLanguagesPanelView);

function InterviewLanguagesPanelView({ personLanguage, onPersonLanguage, sideBySide, onSideBySide, failed }: Props) {
  const { t, i18n } = useTranslation('wizard');
  const id = useId();
  const working = i18n.resolvedLanguage ?? i18n.language;
  const differs = personLanguage !== null && personLanguage !== working;
  return (
    <div className="interview-languages">
      <div className="field">
        <label htmlFor={`${id}-person`}>{t('interview.personLanguage')}</label>
        <select
          id={`${id}-person`}
          value={personLanguage ?? ''}
          onChange={(e) => onPersonLanguage(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('interview.personLanguageNone')}</option>
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.reviewed ? l.label : `${l.label} (${t('app.notReviewed', { ns: 'ui' })})`}
            </option>
          ))}
        </select>
      </div>
      {differs ? (
        <div className="choice">
          <input id={`${id}-sbs`} type="checkbox" checked={sideBySide} onChange={(e) => onSideBySide(e.target.checked)} />
          <label htmlFor={`${id}-sbs`}>{t('interview.sideBySide')}</label>
        </div>
      ) : null}
      {failed && sideBySide ? (
        <p className="field__error" role="alert">
          {t('interview.loadFailed')}
        </p>
      ) : null}
    </div>
  );
}
