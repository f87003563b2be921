/** A Reason as words: its key in the engine's or the instrument's namespace, its lists translated and joined. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText, type Reason } from '../../engine';

/**
 * Translates a Reason in the UI language (engine/reason-text.ts): list parameters (e.g. the areas
 * that drive the overall rating) are translated and joined; items and rules a reason names are
 * shown by their question and their reason, not by their codes.
 */
export function useReasonText(instrumentNs: string): (reason: Reason) => string {
  const { t, i18n } = useTranslation(['engine', instrumentNs]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (reason: Reason) => reasonText(reason, (key, ns, params) => t(key, { ...params, ns: ns === 'instrument' ? instrumentNs : 'engine' }), lang),
    [t, lang, instrumentNs],
  );
}
