/**
 * The person's own copy (issue 16.5): one or two pages in the person's language, to print and give
 * them, with what has been arranged, who can help and what to do if they are worried, and nothing
 * that would endanger them if someone else found it. It is built from an allow-list, never by
 * leaving things out of the summary: no account of the exploitation, no flags or ratings, no names
 * of people who harmed them, no meeting place or code word, no safe-contact rules, no case
 * reference and no name. Unsigned: it is the person's paper, not a record.
 */
import { PDFDocument } from 'pdf-lib';
import type { Answers, Instrument } from '../../instrument';
import { FontSet } from './text/font-set';
import { TextLayout } from './text/layout';
import type { SummaryFonts, SummaryTexts } from './types';
import { Writer, colors } from './writer';

/** Someone the person can reach after return, as the caseworker writes it for them. */
export interface PersonCopyContact {
  readonly who: string;
  readonly how: string;
}

export interface PersonCopyInput {
  readonly instrument: Instrument;
  readonly answers: Answers;
  /** The person's language (falls back to the working language when the person has none). */
  readonly texts: SummaryTexts;
  readonly contacts: readonly PersonCopyContact[];
  readonly createdAt: Date;
}

export interface PersonCopyPart {
  readonly label: string;
  readonly value: string;
}

/**
 * Items whose answers may appear: a plain fact, or a choice's label where the choice says nothing
 * of a risk (who meets the person only when their identity was checked; never "someone linked to
 * the exploitation"). Never free text about the person, never a place to meet or a code word.
 */
const FACTS: readonly { part: string; item: string; kind: 'date' | 'text' | 'option' | 'months'; only?: readonly string[] }[] = [
  { part: 'departure', item: 'D10', kind: 'date' },
  { part: 'receiving', item: 'K1.name', kind: 'text' },
  { part: 'meeter', item: 'K3', kind: 'option', only: ['family_verified', 'partner_staff_verified', 'authority_verified'] },
  { part: 'firstNight', item: 'K4', kind: 'option', only: ['family_home', 'shelter', 'other_residential', 'institution'] },
  { part: 'followUpMonths', item: 'K10', kind: 'months' },
];

/** The plan's parts in the person's words; an item the instrument lacks or the draft did not answer is left out. */
export function personCopyParts(input: PersonCopyInput): PersonCopyPart[] {
  const { ui, content } = input.texts;
  const known = new Set(input.instrument.sections.flatMap((s) => s.items.map((i) => i.code)));
  const parts: PersonCopyPart[] = [];
  for (const fact of FACTS) {
    const answer = input.answers[fact.item];
    if (!known.has(fact.item) || answer === undefined || answer === null) continue;
    let value: string | null = null;
    if (fact.kind === 'option' && typeof answer === 'string' && (fact.only ?? []).includes(answer)) value = content(`item.${fact.item}.option.${answer}`);
    else if ((fact.kind === 'date' || fact.kind === 'text') && typeof answer === 'string' && answer.trim() !== '') value = answer.trim();
    else if (fact.kind === 'months' && typeof answer === 'number') value = ui('personCopy.months', { count: answer });
    if (value !== null) parts.push({ label: ui(`personCopy.${fact.part}`), value });
  }
  if (known.has('P1')) {
    const consent = input.answers.P1;
    const channel = input.answers['P1.channel'];
    if (consent === 'yes') {
      parts.push({ label: ui('personCopy.followUp'), value: typeof channel === 'string' ? ui('personCopy.followUpYesBy', { channel: content(`item.P1.channel.option.${channel}`) }) : ui('personCopy.followUpYes') });
    } else if (consent === 'no') parts.push({ label: ui('personCopy.followUp'), value: ui('personCopy.followUpNo') });
  }
  return parts;
}

export async function buildPersonCopyPdf(input: PersonCopyInput, fonts: SummaryFonts): Promise<Uint8Array> {
  const { ui, language } = input.texts;
  const dir = language.dir;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(ui('personCopy.title'), { showInWindowTitleBar: true });
  doc.setLanguage(language.code);
  doc.setCreator('Homeward');
  doc.setProducer('Homeward');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  const w = new Writer(doc, new TextLayout(await FontSet.embed(doc, fonts)), dir);

  w.heading([{ text: ui('personCopy.title'), dir }], 1);
  w.paragraph(ui('personCopy.keepSafe'), { dir, color: colors.muted }, 8);
  w.heading([{ text: ui('personCopy.planHeading'), dir }], 2);
  for (const part of personCopyParts(input)) w.field([{ text: part.label, dir }], [{ text: part.value, dir: 'auto' }]);

  w.heading([{ text: ui('personCopy.contactsHeading'), dir }], 2);
  const contacts = input.contacts.filter((c) => c.who.trim() !== '' || c.how.trim() !== '');
  if (contacts.length === 0) w.paragraph(ui('personCopy.noContacts'), { dir }, 6);
  for (const contact of contacts) w.field([{ text: contact.who.trim(), dir }], [{ text: contact.how.trim(), dir: 'auto', style: { weight: 'bold' } }]);

  w.heading([{ text: ui('personCopy.helpHeading'), dir }], 2);
  w.paragraph(ui('personCopy.help'), { dir }, 6);
  w.heading([{ text: ui('personCopy.nextHeading'), dir }], 2);
  w.paragraph(ui('personCopy.next'), { dir }, 6);
  w.finish(ui('personCopy.title'), (page, pages) => ui('footer.page', { page, pages }));
  return doc.save({ useObjectStreams: false });
}
