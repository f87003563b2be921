/**
 * Fixtures for the summary tests and the preview script: the five TTFs read from node_modules,
 * translate functions built from the locale and instrument wording files (as the app's i18next
 * does: flat keys, no escaping), and fictional golden cases turned into SummaryInput.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { assess } from '../../../src/engine';
import { findLanguage } from '../../../src/i18n/languages';
import { CURRENT, answersSchema, getInstrument, registry, type Answers } from '../../../src/instrument';
import type { SummaryFonts, SummaryInput, SummaryTexts, Translate } from '../../../src/export/summary';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bytes = (path: string) => new Uint8Array(readFileSync(`${root}${path}`));
const json = (path: string): Record<string, string> => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as Record<string, string>;

export function readFonts(): SummaryFonts {
  return {
    regular: bytes('node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    bold: bytes('node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
    arabic: bytes('node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf'),
    arabicBold: bytes('node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Bold.ttf'),
    ethiopic: bytes('node_modules/@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf'),
  };
}

const contentDir = (version: number) => `src/instrument/definitions/${CURRENT.id}/v${String(version)}/content`;

function bundles(lang: string, version: number) {
  return { summary: json(`locales/${lang}/summary.json`), engine: json(`locales/${lang}/engine.json`), content: json(`${contentDir(version)}/${lang}.json`) };
}

/** One language's wording, with the instrument wording of `version` (default: the current one). */
export function texts(lang: string, version: number = CURRENT.version): SummaryTexts {
  const language = findLanguage(lang);
  if (!language) throw new Error(`unknown language ${lang}`);
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: lang,
    fallbackLng: 'en',
    resources: { [lang]: bundles(lang, version), en: bundles('en', version) },
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const fixed = (ns: string): Translate => {
    const t = i18n.getFixedT(lang, ns);
    return (key, params) => String(t(key, params ?? {}));
  };
  return {
    language: { code: language.code, dir: language.dir, reviewed: language.reviewed, name: language.label },
    ui: fixed('summary'),
    content: fixed('content'),
    engine: fixed('engine'),
  };
}

export interface GoldenCase { title: string; now: string; answers: Answers; instrument: { id: string; version: number } }

/**
 * A golden case: `file` in tests/golden/cases (instrument v1), or `cases-v2/<file>` (v2); the
 * version the case names wins.
 */
export function goldenCase(file: string): GoldenCase {
  const path = file.includes('/') ? `tests/golden/${file}` : `tests/golden/cases/${file}`;
  const raw = JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as { title: string; now: string; answers: unknown; instrument?: { id: string; version: number } };
  return { title: raw.title, now: raw.now, answers: answersSchema.parse(raw.answers), instrument: raw.instrument ?? { id: CURRENT.id, version: 1 } };
}

/** A complete SummaryInput for a fictional case. */
export function summaryInput(file: string, working: string, person?: string, change?: (answers: Answers) => Answers): SummaryInput {
  const c = goldenCase(file);
  const instrument = getInstrument(c.instrument.id, c.instrument.version);
  const answers = change ? change(c.answers) : c.answers;
  const entry = registry.find((e) => e.id === instrument.id && e.version === instrument.version);
  return {
    instrument,
    instrumentHash: entry?.sha256 ?? '',
    answers,
    result: assess(instrument, answers, { now: c.now }),
    now: c.now,
    caseReference: 'HW-0042',
    assessor: { name: 'Amara Okafor', role: 'Caseworker', organisation: 'Homeward Partner NGO (fictional)' },
    identityVerified: false,
    working: texts(working, instrument.version),
    ...(person ? { person: texts(person, instrument.version) } : {}),
    signatures: [
      { kind: 'caseworker', name: 'Amara Okafor', role: 'Caseworker', date: c.now },
      { kind: 'person', name: 'Person HW-0042 (fictional)', role: 'Person assessed', date: c.now },
    ],
    createdAt: new Date(`${c.now}T10:30:00Z`),
  };
}
