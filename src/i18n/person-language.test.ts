import { beforeAll, describe, expect, it } from 'vitest';
import arWizard from '../../locales/ar/wizard.json';
import viWizard from '../../locales/vi/wizard.json';
import arContent from '../instrument/definitions/homeward-return/v1/content/ar.json';
import { contentNamespaceOf, getFixedT, hasBundle, i18next, initI18n, loadPersonLanguage, setLanguage } from './index';

// The runtime sets <html lang dir>; node has no DOM, so a stand-in element records them.
beforeAll(() => {
  Object.assign(globalThis, { document: { documentElement: { lang: '', dir: '' } } });
});

const ns = contentNamespaceOf({ instrumentId: 'homeward-return', version: 1 });

describe('a second language for the side-by-side interview', () => {
  it('loads the person’s wording and translates in it without switching the UI', async () => {
    await initI18n('en');
    expect(hasBundle('ar', ns)).toBe(false);
    await loadPersonLanguage('ar');
    expect(i18next.language).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(hasBundle('ar', ns)).toBe(true);
    const ar = getFixedT('ar', 'wizard');
    expect(ar('ynu.yes')).toBe(arWizard['ynu.yes']);
    expect(ar('item.A12.label', { ns })).toBe(arContent['item.A12.label']);
    // The UI keeps speaking English meanwhile.
    expect(i18next.t('ynu.yes', { ns: 'wizard' })).toBe('Yes');
  });

  it('keeps a pinned translator in its language when the UI language changes', async () => {
    await initI18n('en');
    await loadPersonLanguage('vi');
    const vi = getFixedT('vi', 'wizard');
    await setLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(vi('step.next')).toBe(viWizard['step.next']);
  });

  it('refuses a language that is not offered', async () => {
    await expect(loadPersonLanguage('xx')).rejects.toThrow(/not offered/);
  });
});
