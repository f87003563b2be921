/**
 * The PDF summary of an assessment (lazy export chunk: import it only with `import()`).
 *
 * Contract:
 * - `buildSummaryPdf(input, fonts)` → unsigned PDF bytes, saved without object streams, ready for
 *   signPdf(); A4, running header with the case reference (never the person's name), "Page n of
 *   N", the assessment's details, result, ratings, flags, the person's own words, mitigation and
 *   follow-up plans, answers by section and signatures; bilingual when `person` is another
 *   language (see content.ts). `assessment.json` is attached (AFRelationship Data).
 * - `loadSummaryFonts()` fetches the five TTFs in the browser (fonts.ts).
 * - `summaryAttachment(input)` is the embedded JSON; `readSummaryAttachment(pdf)` gets it back
 *   from any summary, signed or countersigned (null if none).
 * Text layout (bidi, shaping, font fallback, glyph-id content streams) lives in text/.
 */
export { buildSummaryPdf } from './build';
export { buildPersonCopyPdf, personCopyParts, type PersonCopyContact, type PersonCopyInput } from './person-copy';
export { decisionAppearance } from './decisions';
export type { AppearanceLine } from './decisions';
export { readSummaryAttachment, summaryAttachment, ATTACHMENT_NAME } from './attachment';
import type { SummaryFonts } from './types';

/**
 * The fonts for the browser build. Loaded through import() so Node (tests, the preview script)
 * can import this module without Vite's `?url` font imports; Node reads the files with fs.
 */
export async function loadSummaryFonts(): Promise<SummaryFonts> {
  const { loadSummaryFonts: load } = await import('./fonts');
  return load();
}

export type { SummaryFonts, SummaryInput, SummaryLanguage, SummarySignatureMark, SummaryTexts, Translate } from './types';
