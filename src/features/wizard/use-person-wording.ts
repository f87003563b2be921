/**
 * Loads the person's language for the side-by-side interview and says whether it is on.
 * The on/off choice is a device preference (like the UI language: no personal data, so it
 * lives in localStorage); the person's language itself is recorded on the draft.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, findLanguage, getFixedT, loadPersonLanguage } from '../../i18n';
import type { PersonWording } from './bilingual';

const key = 'homeward.sideBySide';

export function readSideBySide(): boolean {
  try {
    return localStorage.getItem(key) === 'on';
  } catch {
    return false;
  }
}

export function writeSideBySide(on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // Not remembered on this device; it still applies to this screen.
  }
}

export type PersonWordingState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; person: PersonWording };

/** The person's wording when side-by-side is on and their language differs from the UI's. */
export function usePersonWording(personLanguage: string | null, sideBySide: boolean): PersonWordingState {
  const { i18n } = useTranslation('wizard');
  const working = i18n.resolvedLanguage ?? i18n.language;
  const wanted = sideBySide && personLanguage !== null && personLanguage !== working && findLanguage(personLanguage) ? personLanguage : null;
  const [loaded, setLoaded] = useState<{ lang: string; ok: boolean } | null>(null);

  useEffect(() => {
    if (wanted === null) return;
    let active = true;
    loadPersonLanguage(wanted).then(
      () => active && setLoaded({ lang: wanted, ok: true }),
      () => active && setLoaded({ lang: wanted, ok: false }),
    );
    return () => {
      active = false;
    };
  }, [wanted]);

  // One object per loaded language, so the context below does not change on every render.
  return useMemo((): PersonWordingState => {
    if (wanted === null) return { status: 'off' };
    if (loaded?.lang !== wanted) return { status: 'loading' };
    if (!loaded.ok) return { status: 'failed' };
    return { status: 'ready', person: { lang: wanted, dir: directionOf(wanted), t: getFixedT(wanted, 'wizard') } };
  }, [wanted, loaded]);
}
