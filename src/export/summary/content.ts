/**
 * What the summary says, in order: details of the case and the assessment, the result
 * (computed rating, the assessor's judgement, recommendation, override, sign-off state), ratings
 * by area, every flag with its reason and source, the person's own words, the mitigation plan,
 * the follow-up schedule, the remaining answers by section, and the signatures.
 *
 * Bilingual summaries (a person's language other than the caseworker's): headings, questions,
 * flag reasons and the recommendation are printed in the person's language first, then in the
 * caseworker's language just below (smaller, grey). Stacked rather than side by side, because
 * Arabic and Tigrinya wording is often much longer than English and two narrow columns of
 * mixed-direction text wrap badly on A4. Answers, ratings and tables stay in the caseworker's
 * language; the person's own words appear as said, with their translation.
 */
import { reasonText as engineReasonText, type AssessmentResult, type Reason } from '../../engine';
import { groupedFingerprint } from '../../lib/fingerprint';
import { findLanguage } from '../../i18n/languages';
import { asOverride, flagLevels, isRecordType, isSpecial, type AnswerValue, type Instrument, type Item, type Section } from '../../instrument';
import type { PDFImage } from 'pdf-lib';
import { formatAnswer, formatRows, isAnswered } from './answers';
import type { SummaryInput, SummaryTexts } from './types';
import { colors, type Writer } from './writer';

type Said = { text: string; dir: 'ltr' | 'rtl' };

/** Sections printed in their own part (the follow-up plan), not in "answers by section". */
const FOLLOW_UP_SECTION = 'P';

export interface Composer {
  input: SummaryInput;
  w: Writer;
  items: Map<string, Item>;
  images: ReadonlyMap<number, PDFImage>;
}

const languagesOf = (input: SummaryInput): SummaryTexts[] =>
  input.person && input.person.language.code !== input.working.language.code ? [input.person, input.working] : [input.working];

/** The same wording in each language of the summary, person's language first, without repeats. */
function said(input: SummaryInput, pick: (t: SummaryTexts) => string): Said[] {
  const out: Said[] = [];
  for (const t of languagesOf(input)) {
    const text = pick(t);
    if (!out.some((o) => o.text === text)) out.push({ text, dir: t.language.dir });
  }
  return out;
}

export function reasonText(reason: Reason, texts: SummaryTexts): string {
  // Lists (e.g. the areas that drive the overall rating) and named items and rules are translated and joined.
  return engineReasonText(reason, (key, ns, params) => (ns === 'instrument' ? texts.content : texts.engine)(key, params), texts.language.code);
}

export function languageName(code: string): string {
  return findLanguage(code)?.label ?? code;
}

function decisionCodes(inst: Instrument): { section: Section | undefined; mitigation: Item | undefined; codes: Set<string> } {
  const d = inst.decision;
  const section = inst.sections.find((s) => s.items.some((i) => i.code === d.recommendation));
  const mitigation = section?.items.find((i) => i.type === 'rows');
  const override = 'record' in d.override ? [d.override.record] : [d.override.reason, d.override.by, d.override.role, d.override.date];
  const records = inst.sections.flatMap((s) => s.items).filter((i) => isRecordType(i.type)).map((i) => i.code);
  const codes = new Set([d.recommendation, d.assessorRating, d.narrative, ...override, ...records]);
  if (mitigation) codes.add(mitigation.code);
  return { section, mitigation, codes };
}

/**
 * In a right-to-left language every interpolated value (a date, a name, a case code, rule ids) is
 * wrapped in a first-strong isolate (FSI … PDI). Without it the bidi algorithm turns the digits
 * of "2026-11-26" after Arabic words into Arabic numbers split at the hyphens, and the date reads
 * "26-11-2026". The controls steer the layout and draw nothing (text/layout.ts).
 */
function isolating(texts: SummaryTexts): SummaryTexts {
  if (texts.language.dir !== 'rtl') return texts;
  const wrap = (t: SummaryTexts['ui']): SummaryTexts['ui'] => (key, params) =>
    t(key, params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === 'count' ? v : `\u2068${String(v)}\u2069`])));
  return { language: texts.language, ui: wrap(texts.ui), content: wrap(texts.content), engine: wrap(texts.engine) };
}

export function composeSummary(composer: Composer): void {
  const input: SummaryInput = {
    ...composer.input,
    working: isolating(composer.input.working),
    ...(composer.input.person ? { person: isolating(composer.input.person) } : {}),
  };
  const c: Composer = { ...composer, input };
  const { w } = c;
  w.heading(said(input, (t) => t.ui('document.title')), 1);
  for (const t of languagesOf(input)) {
    if (!t.language.reviewed) w.paragraph(t.ui('details.unreviewed'), { size: 9, color: colors.warn, dir: t.language.dir, weight: 'bold' });
  }
  details(c);
  outcome(c);
  ratings(input.result, c);
  flags(c);
  ownWords(c);
  mitigation(c);
  followUp(c);
  answersBySection(c);
  signatures(c);
}

function details(c: Composer): void {
  const { input, w } = c;
  const { ui } = input.working;
  const dir = input.working.language.dir;
  w.heading(said(input, (t) => t.ui('details.heading')), 2);
  const field = (label: string, value: string, valueDir: 'ltr' | 'rtl' | 'auto' = 'auto') => w.field([{ text: label, dir }], [{ text: value, dir: valueDir }]);
  field(ui('details.caseReference'), input.caseReference);
  if (input.personName !== undefined && input.personName.trim() !== '') field(ui('details.personName'), input.personName);
  field(ui('details.instrument'), ui('details.instrumentValue', { id: input.instrument.id, version: input.instrument.version }), dir);
  field(ui('details.instrumentHash'), input.instrumentHash, 'ltr');
  field(ui('details.assessmentDate'), input.now, 'ltr');
  field(ui('details.createdAt'), input.createdAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC', 'ltr');
  if (input.supersedes !== undefined) field(ui('details.supersedes'), groupedFingerprint(input.supersedes), 'ltr');
  field(ui('details.assessor'), ui('details.assessorValue', input.assessor), dir);
  w.field([{ text: ui('details.identity'), dir }], [{
    text: input.identityVerified ? ui('details.identityVerified') : ui('details.identityNotVerified'),
    dir,
    style: input.identityVerified ? {} : { weight: 'bold', color: colors.warn },
  }]);
  const used = languagesOf(input).reverse().map((t) => ({
    text: ui(t === input.working ? 'details.languageWorking' : 'details.languagePerson', { language: t.language.name }) + (t.language.reviewed ? '' : ` – ${ui('details.unreviewed')}`),
    dir,
  }));
  w.field([{ text: ui('details.languages'), dir }], used);
  w.paragraph(ui('attachment.note'), { size: 8.5, color: colors.muted });
}

function answerOf(c: Composer, code: string): AnswerValue | undefined {
  return c.input.answers[code];
}

function outcome(c: Composer): void {
  const { input, w } = c;
  const { result, instrument } = input;
  const { ui, engine, content } = input.working;
  const dir = input.working.language.dir;
  const d = instrument.decision;
  w.heading(said(input, (t) => t.ui('outcome.heading')), 2);
  w.field([{ text: ui('outcome.overall'), dir }], [
    { text: engine(`rating.level.${result.overall.level}`), dir, style: { weight: 'bold' } },
    { text: reasonText(result.overall.explanation, input.working), dir },
  ]);
  const judgement = answerOf(c, d.assessorRating);
  w.field([{ text: ui('outcome.judgement'), dir }], [
    { text: isAnswered(judgement) ? formatAnswer(c.items.get(d.assessorRating), judgement, input.working) : ui('outcome.notRecorded'), dir, style: { weight: 'bold' } },
  ]);
  const narrative = answerOf(c, d.narrative);
  if (isAnswered(narrative)) w.field([{ text: ui('outcome.narrative'), dir }], [{ text: formatAnswer(c.items.get(d.narrative), narrative, input.working), dir: 'auto' }]);

  const chosen = result.chosen.recommendation;
  const recLabels = said(input, (t) => t.content(`item.${d.recommendation}.label`));
  if (chosen === null) {
    w.field(recLabels, [{ text: ui('outcome.noRecommendation'), dir }]);
  } else {
    const values: { text: string; dir: 'ltr' | 'rtl'; style?: { weight: 'bold' } }[] = said(input, (t) => t.content(`item.${d.recommendation}.option.${chosen}`)).map((s) => ({ ...s, style: { weight: 'bold' } }));
    if (!result.chosen.allowed) values.push({ text: ui('outcome.recommendationBlocked'), dir });
    if (chosen === 'proceed_with_conditions' || chosen === 'defer') values.push({ text: ui('outcome.conditions'), dir });
    w.field(recLabels, values);
  }
  if (result.recommendations.blocked.length > 0) {
    w.field([{ text: ui('outcome.blockedHeading'), dir }], result.recommendations.blocked.flatMap((b) => [
      { text: content(`item.${d.recommendation}.option.${b.recommendation}`), dir, style: { weight: 'bold' as const } },
      ...b.reasons.map((r) => ({ text: `• ${reasonText(r, input.working)}`, dir, style: { indent: 20 } })),
    ]));
  }
  overrideOutcome(c);
  if (result.confidence) {
    w.field([{ text: engine('confidence.label'), dir }], [
      { text: engine(`confidence.level.${result.confidence.level}`), dir, style: { weight: 'bold' } },
      { text: reasonText(result.confidence.explanation, input.working), dir },
    ]);
  }
  w.field([{ text: ui('outcome.signOff'), dir }], result.signOff.ready
    ? [{ text: ui('outcome.signOffReady'), dir }]
    : [{ text: ui('outcome.signOffBlocked'), dir, style: { weight: 'bold' } }, ...result.signOff.blockers.map((r) => ({ text: `• ${reasonText(r, input.working)}`, dir, style: { indent: 20 } }))]);
}

/** The written override: who, role, date and reasons; for an override record, the rules it names and whether it holds. */
function overrideOutcome(c: Composer): void {
  const { input, w } = c;
  const { result, instrument } = input;
  const { ui } = input.working;
  const dir = input.working.language.dir;
  const d = instrument.decision;
  const show = (name: string, role: string, date: string, reason: string, rules: string) => {
    w.field([{ text: ui('outcome.override'), dir }], [
      { text: ui('outcome.overrideValue', { name, role, date }) + rules, dir },
      { text: reason, dir: 'auto' },
      { text: ui(result.recommendations.overrideActive ? 'outcome.overrideActive' : 'outcome.overrideInactive'), dir, style: { weight: 'bold' } },
      ...result.override.problems.map((r) => ({ text: `• ${reasonText(r, input.working)}`, dir, style: { indent: 20 } })),
    ]);
  };
  if ('record' in d.override) {
    const record = asOverride(answerOf(c, d.override.record));
    if (!record) return;
    const roleItem = c.items.get(d.override.record);
    const role = roleItem?.options?.some((o) => o.code === record.role) ? input.working.content(`item.${d.override.record}.option.${record.role}`) : record.role;
    show(record.by, role, record.date, record.reason, ` · ${record.rules.join(', ')}`);
    return;
  }
  const overrideReason = answerOf(c, d.override.reason);
  if (!isAnswered(overrideReason) || isSpecial(overrideReason)) return;
  const role = answerOf(c, d.override.role);
  show(
    formatAnswer(c.items.get(d.override.by), answerOf(c, d.override.by), input.working),
    isAnswered(role) ? formatAnswer(c.items.get(d.override.role), role, input.working) : ui('answer.none'),
    formatAnswer(c.items.get(d.override.date), answerOf(c, d.override.date), input.working),
    formatAnswer(c.items.get(d.override.reason), overrideReason, input.working),
    '',
  );
}

function ratings(result: AssessmentResult, c: Composer): void {
  const { input, w } = c;
  const { ui, engine } = input.working;
  w.heading(said(input, (t) => t.ui('ratings.heading')), 2);
  const rows = Object.entries(result.ratings)
    .filter(([, r]) => r.explanation.key !== 'rating.not_applicable')
    .map(([domain, r]) => [engine(`domain.${domain}`), engine(`rating.level.${r.level}`), reasonText(r.explanation, input.working)]);
  w.table([ui('ratings.domain'), ui('ratings.level'), ui('ratings.why')], rows, [0.3, 0.16, 0.54]);
}

function flags(c: Composer): void {
  const { input, w } = c;
  const { ui, engine } = input.working;
  const dir = input.working.language.dir;
  w.heading(said(input, (t) => t.ui('flags.heading')), 2);
  if (input.result.flags.length === 0) {
    w.paragraph(ui('flags.none'));
    return;
  }
  for (const level of flagLevels) {
    const group = input.result.flags.filter((f) => f.level === level);
    if (group.length === 0) continue;
    w.heading([{ text: ui('flags.group', { level: engine(`level.${level}`), count: group.length }), dir }], 3);
    for (const flag of group) {
      const color = level === 'STOP' ? colors.stop : level === 'ESC' ? colors.esc : colors.text;
      w.field(
        [{ text: `${engine(`level.${level}`)} · ${engine(`domain.${flag.domain}`)} · ${flag.ruleId}`, dir }],
        [
          ...said(input, (t) => t.content(`rule.${flag.ruleId}.reason`)).map((s, i) => ({ ...s, style: i === 0 ? { weight: 'bold' as const, color } : { size: 9, color: colors.muted } })),
          ...(flag.viaUnknown ? [{ text: ui('flags.viaUnknown'), dir, style: { size: 9 } }] : []),
          ...flag.items.map((ref) => ({
            text: `${input.working.content(`item.${ref.code}.label`)} – ${formatAnswer(c.items.get(ref.code), ref.answer, input.working)}`,
            dir,
            style: { size: 8.5, color: colors.muted, indent: 20 },
          })),
          { text: ui('flags.source', { source: flag.source }), dir, style: { size: 8, color: colors.muted, indent: 20 } },
        ],
      );
    }
  }
}

function isVisible(c: Composer, code: string): boolean {
  return c.input.result.visibleItems.includes(code);
}

function ownWords(c: Composer): void {
  const { input, w } = c;
  const { ui } = input.working;
  const dir = input.working.language.dir;
  const verbatim = input.instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'verbatim' && isVisible(c, i.code) && isAnswered(answerOf(c, i.code)));
  if (verbatim.length === 0) return;
  w.heading(said(input, (t) => t.ui('words.heading')), 2);
  for (const item of verbatim) {
    const answer: unknown = answerOf(c, item.code);
    const labels = said(input, (t) => t.content(`item.${item.code}.label`));
    if (isSpecial(answer) || typeof answer !== 'object' || answer === null || !('original' in answer)) {
      w.field(labels, [{ text: formatAnswer(item, answer as AnswerValue, input.working), dir }]);
      continue;
    }
    const v = answer as { original: string; language: string; translation: string; translatedBy: string };
    w.field(labels, [
      { text: ui('words.original', { language: languageName(v.language) }), dir, style: { size: 8.5, color: colors.muted } },
      { text: v.original, dir: findLanguage(v.language)?.dir ?? 'auto', style: { weight: 'bold' } },
      ...(v.translation.trim() !== ''
        ? [
            { text: ui('words.translation', { translatedBy: v.translatedBy }), dir, style: { size: 8.5, color: colors.muted } },
            { text: v.translation, dir: 'auto' as const },
          ]
        : []),
    ]);
  }
}

function mitigation(c: Composer): void {
  const { input, w } = c;
  const { mitigation: item } = decisionCodes(input.instrument);
  if (!item) return;
  w.heading(said(input, (t) => t.content(`item.${item.code}.label`)), 2);
  const answer = answerOf(c, item.code);
  if (!Array.isArray(answer) || answer.length === 0) {
    w.paragraph(formatAnswer(item, isAnswered(answer) ? answer : undefined, input.working));
    return;
  }
  const { headings, rows } = formatRows(item, answer, input.working);
  w.table(headings, rows);
}

function question(c: Composer, item: Item): void {
  const { input, w } = c;
  const answer = answerOf(c, item.code);
  const labels = said(input, (t) => t.content(`item.${item.code}.label`));
  if (item.type === 'rows' && Array.isArray(answer) && answer.length > 0) {
    w.field(labels, []);
    const { headings, rows } = formatRows(item, answer, input.working);
    w.table(headings, rows);
    return;
  }
  const free = item.type === 'text' || item.type === 'number' || item.type === 'date' || item.type === 'signature';
  w.field(labels, [{ text: formatAnswer(item, answer, input.working), dir: free ? 'auto' : input.working.language.dir }]);
}

/** Visible items that are answered, or required and still missing. */
function shownItems(c: Composer, section: Section, skip: ReadonlySet<string>): Item[] {
  const missing = new Set(c.input.result.missing.map((m) => m.item));
  return section.items.filter((i) => !skip.has(i.code) && isVisible(c, i.code) && (isAnswered(answerOf(c, i.code)) || missing.has(i.code)));
}

function followUp(c: Composer): void {
  const { input, w } = c;
  const section = input.instrument.sections.find((s) => s.code === FOLLOW_UP_SECTION);
  if (!section || !input.result.visibleSections.includes(section.code)) return;
  w.heading(said(input, (t) => t.ui('followUp.heading')), 2);
  const items = shownItems(c, section, new Set());
  if (items.length === 0) w.paragraph(input.working.ui('followUp.none'));
  for (const item of items) question(c, item);
}

function answersBySection(c: Composer): void {
  const { input, w } = c;
  const { codes } = decisionCodes(input.instrument);
  const verbatim = new Set(input.instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'verbatim').map((i) => i.code));
  const skip = new Set([...codes, ...verbatim]);
  w.heading(said(input, (t) => t.ui('answers.heading')), 2);
  for (const section of input.instrument.sections) {
    if (section.code === FOLLOW_UP_SECTION || !input.result.visibleSections.includes(section.code)) continue;
    const items = shownItems(c, section, skip);
    if (items.length === 0) continue;
    w.heading(said(input, (t) => `${section.code}. ${t.content(`section.${section.code}.title`)}`), 3);
    for (const item of items) question(c, item);
  }
}

function signatures(c: Composer): void {
  const { input, w } = c;
  const { ui } = input.working;
  const dir = input.working.language.dir;
  w.heading(said(input, (t) => t.ui('signatures.heading')), 2);
  input.signatures.forEach((mark, index) => {
    w.field(said(input, (t) => t.ui(`signatures.${mark.kind}`)), []);
    const image = c.images.get(index);
    if (image) w.image(image, 200, 60, 10);
    else w.paragraph(ui('signatures.typed'), { size: 8.5, color: colors.muted, indent: 10 });
    if (mark.name !== '') w.paragraph(mark.name, { weight: 'bold', dir: 'auto', indent: 10 }, 0);
    else w.paragraph(ui('signatures.nameNotIncluded'), { size: 8.5, color: colors.muted, dir, indent: 10 }, 0);
    w.paragraph(ui('signatures.roleDate', { role: mark.role, date: mark.date }), { dir, indent: 10 }, 8);
  });
  w.heading([{ text: ui('signatures.digitalHeading'), dir }], 3);
  w.paragraph(ui('signatures.digital'), { size: 9 });
}
