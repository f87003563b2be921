/**
 * Builds the unsigned summary PDF: fonts embedded as subsets, content laid out by content.ts,
 * the assessment JSON attached, neutral metadata (never the person's name), saved without object
 * streams so signPdf/countersignPdf can append incremental updates.
 */
import { AFRelationship, PDFDocument, type PDFImage } from 'pdf-lib';
import { attachmentBytes, ATTACHMENT_NAME } from './attachment';
import { composeSummary } from './content';
import { addDecisionSpaces } from './decisions';
import { withNameOnlyIfChosen } from './person-name';
import { FontSet } from './text/font-set';
import { TextLayout } from './text/layout';
import type { SummaryFonts, SummaryInput } from './types';
import { Writer } from './writer';

export async function buildSummaryPdf(given: SummaryInput, fonts: SummaryFonts): Promise<Uint8Array> {
  const input = withNameOnlyIfChosen(given);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { ui } = input.working;
  doc.setTitle(ui('document.title'), { showInWindowTitleBar: true });
  doc.setLanguage(input.working.language.code);
  doc.setCreator('Homeward');
  doc.setProducer('Homeward');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);

  const set = await FontSet.embed(doc, fonts);
  const images = new Map<number, PDFImage>();
  for (const [index, mark] of input.signatures.entries()) {
    if (!mark.image) continue;
    try {
      images.set(index, await doc.embedPng(mark.image));
    } catch {
      // An unreadable drawing is printed as a typed signature rather than failing the export.
    }
  }
  const writer = new Writer(doc, new TextLayout(set), input.working.language.dir);
  composeSummary({ input, w: writer, items: new Map(input.instrument.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const))), images });
  addDecisionSpaces(doc, writer, input);
  writer.finish(ui('header.running', { reference: input.caseReference }), (page, pages) => ui('footer.page', { page, pages }));

  await doc.attach(attachmentBytes(input), ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: ui('attachment.description'),
    creationDate: input.createdAt,
    modificationDate: input.createdAt,
    afRelationship: AFRelationship.Data,
  });
  return doc.save({ useObjectStreams: false });
}
