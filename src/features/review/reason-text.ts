/** A Reason as words: its key in the engine's or the instrument's namespace, its list parameters joined. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../engine';

export function reasonOptions(reason: Reason, instrumentNs: string): Record<string, string | number> & { ns: string } {
  return { ...reason.params, ns: reason.source === 'instrument' ? instrumentNs : 'engine' };
}

/**
 * Translates a Reason in the UI language. A list parameter (e.g. the areas that drive the overall
 * rating) is a list of keys of the same namespace: each is translated and the language joins them.
 */
export function useReasonText(instrumentNs: string): (reason: Reason) => string {
  const { t, i18n } = useTranslation(['engine', instrumentNs]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (reason: Reason) => {
      const options = reasonOptions(reason, instrumentNs);
      const lists = Object.fromEntries(Object.entries(reason.lists ?? {}).map(([name, keys]) => [
        name, new Intl.ListFormat(lang, { type: 'conjunction' }).format(keys.map((k) => t(k, { ns: options.ns }))),
      ]));
      return t(reason.key, { ...options, ...lists });
    },
    [t, lang, instrumentNs],
  );
}
