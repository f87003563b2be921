import { useTranslation } from 'react-i18next';
import { ynuValues, type Item } from '../../instrument';
import { useInterviewLanguages } from './bilingual';

interface PersonHalfProps {
  /** the page's questions shown now, in order */
  items: readonly Item[];
  ns: string;
}

/**
 * The half of a side-by-side interview turned to the person: only the questions asked of them
 * (instrument audience "person"), in their language, each with its answers to point at. Never a
 * flag, a rating, help (which may say what an answer leads to) or a question for the assessor;
 * the caseworker's half below keeps all of that. Each question is marked "read aloud" for the
 * interpreter, in the working language.
 */
export function PersonHalf({ items, ns }: PersonHalfProps) {
  const { person } = useInterviewLanguages();
  const { t, i18n } = useTranslation('phone');
  if (!person) return null;
  const working = i18n.resolvedLanguage ?? i18n.language;
  const asked = items.filter((item) => item.audience === 'person');
  const options = (item: Item): string[] => {
    if (item.type === 'ynu') return ynuValues.map((v) => person.t(`ynu.${v}`, { ns: 'wizard' }));
    if (item.type === 'choice' || item.type === 'multi') return (item.options ?? []).map((o) => person.t(`item.${item.code}.option.${o.code}`, { ns }));
    return [];
  };
  return (
    <section className="person-half" aria-labelledby="person-half-title" data-person-half="">
      <h2 id="person-half-title">{t('person.title')}</h2>
      {asked.length === 0 ? (
        <p>{t('person.none')}</p>
      ) : (
        <ol className="person-half__list">
          {asked.map((item) => (
            <li key={item.code}>
              <span className="person-half__aloud" lang={working}>
                {t('person.readAloud')}
              </span>
              <p className="person-half__question" lang={person.lang} dir={person.dir}>
                {person.t(`item.${item.code}.label`, { ns })}
              </p>
              {options(item).length > 0 ? (
                <ul className="person-half__options" lang={person.lang} dir={person.dir}>
                  {options(item).map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
