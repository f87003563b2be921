import { beforeAll, describe, expect, it } from 'vitest';
import arUi from '../../locales/ar/ui.json';
import arWizard from '../../locales/ar/wizard.json';
import enExport from '../../locales/en/export.json';
import { hasAllStrings, hasBundle, i18next, initI18n, loadLanguage } from './index';

// The runtime sets <html lang dir>; node has no DOM, so a stand-in element records them.
beforeAll(() => {
  Object.assign(globalThis, { document: { documentElement: { lang: '', dir: '' } } });
});

describe('strings of the first screen, and the rest after it', () => {
  it('starts with only the `ui` strings of the chosen language, then loads every namespace of it and of English', async () => {
    await initI18n('ar');
    expect(i18next.language).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    // The lock screen speaks Arabic at once…
    expect(i18next.t('lock.setup.title')).toBe(arUi['lock.setup.title']);
    // …and nothing it does not show was fetched before it.
    expect(hasBundle('ar', 'ui')).toBe(true);
    expect(hasBundle('ar', 'wizard')).toBe(false);
    expect(hasBundle('en', 'export')).toBe(false);
    expect(hasAllStrings('ar')).toBe(false);

    await loadLanguage('ar');
    expect(hasAllStrings('ar')).toBe(true);
    expect(i18next.t('step.next', { ns: 'wizard' })).toBe(arWizard['step.next']);
    // English, the fallback, is complete too.
    expect(hasBundle('en', 'export')).toBe(true);
    expect(i18next.getFixedT('en', 'export')('nav.verify')).toBe(enExport['nav.verify']);
  });
});
