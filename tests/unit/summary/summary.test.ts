// The PDF summary of fictional golden cases, checked with poppler as a reader would see it:
// its text (logical order for Arabic, Vietnamese and Tigrinya), its renders, its signatures and
// its embedded assessment.json.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummaryPdf, readSummaryAttachment, summaryAttachment, type SummaryInput } from '../../../src/export/summary';
import { countersignPdf, signPdf } from '../../../src/export/signing/sign';
import type { Answers } from '../../../src/instrument';
import { selfSignedIdentity, signOptions } from '../signing/identities';
import { pdfdetachList, pdfsig, pdfsigBlocks } from '../signing/pdf-tools';
import { readFonts, summaryInput } from './fixture';
import { lettersOnly, pageCount, pdfTitle, pdftotext, renderPages, savePdf, squash } from './poppler';

const fonts = readFonts();
const CHILD = '09-child-15-no-bia-unvetted-institution.json';
const OVERRIDE = '15-adult-unverified-meeter-override-by-supervisor.json';
const ARABIC_WORDS = 'أريد أن أعود إلى عائلتي، لكنني خائف من الدَّين. رقم ملفي HW-0042.';

/** The person's first answer in Arabic (fictional), with a case code inside the sentence. */
const arabicWords = (answers: Answers): Answers => ({
  ...answers,
  B2: { original: ARABIC_WORDS, language: 'ar', translation: 'I want to go back to my family, but I am afraid of the debt. My file number is HW-0042.', translatedBy: 'Interpreter 2231' },
});

interface Built { input: SummaryInput; bytes: Uint8Array; path: string }
async function build(input: SummaryInput, name: string): Promise<Built> {
  const bytes = await buildSummaryPdf(input, fonts);
  return { input, bytes, path: savePdf(bytes, name) };
}

const reasons = (b: Built, lang: 'working' | 'person' = 'working') => {
  const texts = b.input[lang];
  if (!texts) throw new Error('no texts');
  return b.input.result.flags.map((f) => texts.content(`rule.${f.ruleId}.reason`));
};

const cases: Record<string, Built> = {};
beforeAll(async () => {
  cases.en = await build(summaryInput(CHILD, 'en'), 'en.pdf');
  cases.ar = await build(summaryInput(OVERRIDE, 'ar', undefined, arabicWords), 'ar.pdf');
  cases.vi = await build(summaryInput(CHILD, 'vi'), 'vi.pdf');
  cases.ti = await build(summaryInput('04-adult-creditor-knows-address-threatened.json', 'ti'), 'ti.pdf');
  cases.enAr = await build(summaryInput(OVERRIDE, 'en', 'ar', arabicWords), 'en-ar.pdf');
  cases.enVi = await build(summaryInput(CHILD, 'en', 'vi'), 'en-vi.pdf');
}, 180_000);

const get = (key: string): Built => {
  const built = cases[key];
  if (!built) throw new Error(`${key} was not built`);
  return built;
};

describe('English summary of a full fictional case', { timeout: 60_000 }, () => {
  it('states the case, every flag reason, the ratings, the recommendation and key answers', () => {
    const { input, path } = get('en');
    const text = squash(pdftotext(path, true));
    const { content, engine, ui } = input.working;
    expect(input.result.flags.length).toBeGreaterThanOrEqual(5);
    for (const reason of reasons(get('en'))) expect(text).toContain(squash(reason));
    for (const flag of input.result.flags) expect(text).toContain(flag.source);
    for (const [domain, rating] of Object.entries(input.result.ratings)) {
      if (rating.explanation.key === 'rating.not_applicable') continue;
      expect(text).toContain(engine(`domain.${domain}`));
      expect(text).toContain(squash(engine(rating.explanation.key, rating.explanation.params)));
    }
    expect(text).toContain(engine(`rating.level.${input.result.overall.level}`));
    expect(input.result.chosen.recommendation).toBe('defer');
    expect(text).toContain(content('item.N4.option.defer'));
    expect(text).toContain(content('item.A2.option.vn')); // country of return
    expect(text).toContain(ui('details.identityNotVerified'));
    expect(text).toContain(input.instrumentHash);
    // Child case: the child's own views (verbatim, Vietnamese) with translation and translator.
    const b2 = input.answers.B2 as { original: string; translation: string; translatedBy: string };
    expect(text).toContain(squash(b2.original));
    expect(text).toContain(squash(b2.translation));
    expect(text).toContain(b2.translatedBy);
  });

  it('numbers pages "Page n of N" under a running header with the case reference only', () => {
    const { path } = get('en');
    const pages = pageCount(path);
    const text = pdftotext(path);
    expect(pages).toBeGreaterThan(3);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
    expect(text.split('Pre-return risk assessment summary · Case HW-0042').length - 1).toBe(pages);
    expect(pdfTitle(path)).toBe('Pre-return risk assessment summary');
  });

  it('prints the person\'s name only when given, and never in the header, title or attachment name', async () => {
    const input = { ...summaryInput(OVERRIDE, 'en'), personName: 'Fictional Testperson' };
    const path = savePdf(await buildSummaryPdf(input, fonts));
    const text = pdftotext(path);
    expect(text.split('Fictional Testperson').length - 1).toBe(1);
    expect(pdfTitle(path)).not.toContain('Testperson');
    expect(pdfdetachList(path)).not.toContain('Testperson');
    expect(pdftotext(get('en').path)).not.toContain('Name of the person assessed');
  });

  it('leaves out hidden sections even when stale answers remain in them', async () => {
    const input = summaryInput('17-adult-hidden-section-answers-ignored.json', 'en');
    expect(input.result.visibleSections).not.toContain('L');
    const text = squash(pdftotext(savePdf(await buildSummaryPdf(input, fonts)), true));
    expect(text).not.toContain(input.working.content('section.L.title'));
    expect(text).not.toContain(squash(input.working.content('item.L8.label')));
    expect(text).toContain(input.working.content('section.A.title'));
  });
});

describe('text in other scripts comes back in logical order', { timeout: 60_000 }, () => {
  it('Arabic: title, flag reasons and the person\'s words, with HW-0042 unreversed inside Arabic', () => {
    const built = get('ar');
    const raw = pdftotext(built.path, true);
    const letters = lettersOnly(raw);
    expect(letters).toContain(lettersOnly(built.input.working.ui('document.title')));
    for (const reason of reasons(built)) expect(letters).toContain(lettersOnly(reason));
    expect(letters).toContain(lettersOnly(ARABIC_WORDS));
    expect(raw).toContain('HW-0042');
    expect(raw).not.toContain('2400-WH');
    expect(letters).toContain(lettersOnly(built.input.working.ui('footer.page', { page: 1, pages: pageCount(built.path) })));
  });

  it('Vietnamese: title and flag reasons exactly (stacked diacritics intact)', () => {
    const built = get('vi');
    const text = squash(pdftotext(built.path));
    expect(text).toContain(built.input.working.ui('document.title'));
    for (const reason of reasons(built)) expect(text).toContain(squash(reason.normalize('NFC')));
    expect(text).toContain(built.input.working.ui('details.identityNotVerified'));
  });

  it('Tigrinya: Ethiopic title and flag reasons', () => {
    const built = get('ti');
    const text = squash(pdftotext(built.path, true));
    expect(text).toContain(built.input.working.ui('document.title'));
    expect(built.input.result.flags.length).toBeGreaterThan(0);
    for (const reason of reasons(built)) expect(text).toContain(squash(reason));
  });

  it('bilingual English/Arabic: reasons in both languages, the Arabic words as said', () => {
    const built = get('enAr');
    const raw = pdftotext(built.path, true);
    const text = squash(raw);
    const letters = lettersOnly(raw);
    for (const reason of reasons(built)) expect(text).toContain(squash(reason));
    for (const reason of reasons(built, 'person')) expect(letters).toContain(lettersOnly(reason));
    expect(letters).toContain(lettersOnly(ARABIC_WORDS));
    expect(letters).toContain(lettersOnly(built.input.person?.content('item.B2.label') ?? 'missing'));
    expect(text).toContain(built.input.working.content('item.B2.label'));
  });

  it('bilingual English/Vietnamese: headings and reasons in both languages', () => {
    const built = get('enVi');
    const text = squash(pdftotext(built.path));
    for (const reason of [...reasons(built), ...reasons(built, 'person')]) expect(text).toContain(squash(reason));
    expect(text).toContain(built.input.person?.ui('flags.heading') ?? 'missing');
    expect(text).toContain(built.input.working.ui('flags.heading'));
  });
});

describe('renders', { timeout: 60_000 }, () => {
  it.each(['en', 'ar', 'vi', 'ti', 'enAr'])('%s: every page renders with ink on it', (key) => {
    const { path } = get(key);
    const pages = renderPages(path);
    expect(pages).toHaveLength(pageCount(path));
    for (const page of pages) {
      expect(page.width).toBeGreaterThan(300); // A4 at 40 dpi is 331 x 468
      expect(page.dark, page.file).toBeGreaterThan(0.0003); // a blank page is 0; a text page ~0.001-0.01
      expect(page.dark, page.file).toBeLessThan(0.3);
    }
  });
});

describe('signing and the embedded assessment', { timeout: 60_000 }, () => {
  it('signs, countersigns, keeps assessment.json and reads it back', async () => {
    const { input, bytes } = get('ar');
    const signed = await signPdf(bytes, signOptions(await selfSignedIdentity('Amara Okafor'), 'Amara Okafor', 'Prepared by caseworker'));
    const signedPath = savePdf(signed, 'signed.pdf');
    const first = pdfsigBlocks(pdfsig(signedPath));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Signature Validation: Signature is Valid.');
    expect(first[0]).toContain('Total document signed');
    expect(pdfdetachList(signedPath)).toContain('assessment.json');

    const countersigned = await countersignPdf(signed, signOptions(await selfSignedIdentity('Supervisor'), 'Supervisor', 'Reviewed'));
    const both = pdfsigBlocks(pdfsig(savePdf(countersigned, 'countersigned.pdf')));
    expect(both).toHaveLength(2);
    for (const block of both) expect(block).toContain('Signature Validation: Signature is Valid.');

    const expected: unknown = JSON.parse(JSON.stringify(summaryAttachment(input)));
    expect(await readSummaryAttachment(signed)).toEqual(expected);
    expect(await readSummaryAttachment(countersigned)).toEqual(expected);
    expect(expected).toMatchObject({
      format: 'homeward-assessment',
      version: 1,
      instrument: { id: input.instrument.id, version: input.instrument.version, sha256: input.instrumentHash },
      languages: { working: { code: 'ar', reviewed: false } },
    });
    expect((expected as { answers: Answers }).answers.B2).toEqual(input.answers.B2);
  });

  it('returns null for a PDF without an assessment', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(await readSummaryAttachment(await doc.save())).toBeNull();
  });
});
