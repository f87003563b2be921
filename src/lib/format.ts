/**
 * Numbers and dates as the UI language writes them (Intl), in one place, so Arabic shows its
 * own digits and date order wherever the app shows a count, an age or a date.
 *
 * i18next puts `{{count}}` into a string as the raw number; `localized()` keeps the raw count
 * for choosing the plural form and hands i18next the formatted text through its `replace`
 * option (which, when given, is the only source of interpolated values).
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang);
    } catch {
      format = new Intl.NumberFormat('en'); // an unknown tag must not break a screen
    }
    numberFormats.set(lang, format);
  }
  return format;
}

export function formatNumber(value: number, lang: string): string {
  return numberFormat(lang).format(value);
}

/** A calendar date "YYYY-MM-DD" (as date inputs and answers store it) in the language's style. */
export function formatIsoDate(iso: string, lang: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  // Noon UTC, formatted in UTC: the calendar day never shifts with the device's time zone.
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}

/** A moment (epoch ms or Date) with date and time, in the device's time zone. */
export function dateTimeFormat(lang: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  }
}

export type Params = Readonly<Record<string, string | number>>;

/**
 * Translation options with every number formatted for `lang`; `count` stays a number so
 * i18next still picks the right plural form (Arabic has six).
 */
export function localized(params: Params, lang: string): { count?: number; replace: Record<string, string> } {
  const replace: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) replace[key] = typeof value === 'number' ? formatNumber(value, lang) : value;
  const count = params.count;
  return typeof count === 'number' ? { count, replace } : { replace };
}
