/**
 * The wording a summary is written in: i18next's fixed translators for one language, after that
 * language's UI strings and instrument wording are loaded (from the precache when offline).
 */
import { findLanguage, i18next, loadInstrumentContent, loadLanguage } from '../../i18n';
import { contentNamespace } from '../../instrument';
import type { SummaryTexts, Translate } from '../summary';

function fixed(code: string, ns: string): Translate {
  const t = i18next.getFixedT(code, ns);
  return (key, params) => String(t(key, { ...params }));
}

export async function summaryTexts(code: string, instrument: { id: string; version: number }): Promise<SummaryTexts> {
  const language = findLanguage(code);
  if (language === undefined) throw new RangeError(`Homeward has no "${code}" language.`);
  // loadInstrumentContent marks wording as wanted, so loadLanguage then fetches this language's too.
  await loadInstrumentContent();
  await loadLanguage(language.code);
  return {
    language: { code: language.code, dir: language.dir, reviewed: language.reviewed, name: language.label },
    ui: fixed(language.code, 'summary'),
    content: fixed(language.code, contentNamespace(instrument.id, instrument.version)),
    engine: fixed(language.code, 'engine'),
  };
}
