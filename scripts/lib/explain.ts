/**
 * An assessment result as a reviewer reads it, in one language: the overall rating and why, the
 * confidence in the assessment, each area's rating, every flag with its reason and next step,
 * which recommendations are allowed and why the others are not, the override, the sign-off
 * state and what blocks it, and the answers still missing. Rule ids and item codes are kept in
 * brackets so a reviewer can find them in the instrument reference.
 */
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reasonText, type AssessmentResult, type Reason } from '../../src/engine';
import { findLanguage } from '../../src/i18n/languages';
import { contentNamespace, domains, flagLevels, type Instrument, type Item } from '../../src/instrument';
import { formatAnswer } from '../../src/features/review/format-answer';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): Record<string, string> => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as Record<string, string>;

export interface Explainer {
  lang: string;
  explain(result: AssessmentResult, instrument: Instrument, heading: string): string;
}

/**
 * A translate function for one language (English as fallback) over the engine and wizard
 * strings and one instrument version's wording (namespace `ns`).
 */
export function createTranslate(lang: string, instrument: { id: string; version: number }): { t: TFunction; ns: string } {
  if (!findLanguage(lang)) throw new RangeError(`language ${lang} is not offered (try en, ar, vi, ro, sq, ti)`);
  const ns = contentNamespace(instrument.id, instrument.version);
  const bundles = (code: string) => ({
    engine: read(`locales/${code}/engine.json`),
    wizard: read(`locales/${code}/wizard.json`),
    [ns]: read(`src/instrument/definitions/${instrument.id}/v${String(instrument.version)}/content/${code}.json`),
  });
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: lang, fallbackLng: 'en', resources: { [lang]: bundles(lang), en: bundles('en') },
    keySeparator: false, nsSeparator: ':', interpolation: { escapeValue: false }, initAsync: false,
    ns: ['engine', 'wizard', ns], defaultNS: 'wizard',
  });
  return { t: i18n.t.bind(i18n), ns };
}

/** Translate functions for one language (English as fallback), from the locale and wording files. */
export function createExplainer(lang: string, instrument: Instrument): Explainer {
  const { t, ns } = createTranslate(lang, instrument);
  return { lang, explain: (result, inst, heading) => render(result, inst, heading, { t, ns, lang }) };
}

interface Texts {
  t: TFunction;
  ns: string;
  lang: string;
}

function reason(r: Reason, x: Texts): string {
  return reasonText(r, (key, ns, params) => x.t(key, { ...params, ns: ns === 'instrument' ? x.ns : 'engine' }), x.lang);
}

function render(result: AssessmentResult, inst: Instrument, heading: string, x: Texts): string {
  const { t, ns } = x;
  const e = (key: string, params: Record<string, unknown> = {}) => t(key, { ns: 'engine', ...params });
  const items = new Map<string, Item>(inst.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const label = (code: string) => t(`item.${code}.label`, { ns });
  const recommendation = (r: string) => t(`item.${inst.decision.recommendation}.option.${r}`, { ns });
  const out: string[] = [heading, `${inst.id} v${String(inst.version)} · ${result.now}`, ''];

  // A refused assessment has no risk level to state: its headline says so instead of "Low".
  const levelOf = (r: AssessmentResult['overall']) => e(r.explanation.key === 'rating.not_assessed' ? 'rating.label.not_assessed' : `rating.level.${r.level}`);
  out.push(`${levelOf(result.overall)} — ${reason(result.overall.explanation, x)}`);
  if (result.confidence) {
    out.push(`${e('confidence.label')}: ${e(`confidence.level.${result.confidence.level}`)} — ${reason(result.confidence.explanation, x)}`);
  }
  out.push('');
  for (const d of domains) {
    const r = result.ratings[d];
    if (r.explanation.key === 'rating.not_applicable') continue;
    out.push(`  ${e(`domain.${d}`)}: ${levelOf(r)} — ${reason(r.explanation, x)}`);
  }
  out.push('', `${t('review.flags.heading')} (${String(result.flags.length)})`);
  if (result.flags.length === 0) out.push(`  ${t('review.flags.none')}`);
  for (const level of flagLevels) {
    for (const f of result.flags.filter((g) => g.level === level)) {
      const marks = [f.hard ? 'hard' : '', f.overridden ? 'overridden' : '', f.covered ? 'covered' : '', f.viaUnknown ? 'unknown' : ''].filter(Boolean);
      out.push(`  ${e(`level.${f.level}`)} · ${e(`domain.${f.domain}`)} [${f.ruleId}]${marks.length ? ` (${marks.join(', ')})` : ''}`);
      out.push(`    ${t(`rule.${f.ruleId}.reason`, { ns })}`);
      if (f.viaUnknown) out.push(`    ${t('review.flags.viaUnknown')}`);
      if (f.next) out.push(`    → ${e(`next.${f.next}`)}`);
      for (const ref of f.items) {
        out.push(`    ${label(ref.code)} [${ref.code}]: ${formatAnswer(items.get(ref.code), ref.answer, (k, o) => t(k, o ?? {}), ns, x.lang)}`);
      }
    }
  }
  out.push('', t('review.recommendation.heading'));
  for (const r of result.recommendations.allowed) out.push(`  ✓ ${recommendation(r)}`);
  for (const b of result.recommendations.blocked) {
    out.push(`  ✗ ${recommendation(b.recommendation)}`);
    for (const why of b.reasons) out.push(`      ${reason(why, x)}`);
  }
  if (result.chosen.recommendation) {
    out.push(`  → ${label(inst.decision.recommendation)}: ${recommendation(result.chosen.recommendation)} ${result.chosen.allowed ? '✓' : '✗'}`);
  }
  if (result.override.state !== 'none') {
    const o = inst.decision.override;
    out.push('', `${label('record' in o ? o.record : o.reason)}: ${result.override.state} [${result.override.rules.join(', ')}]`);
    for (const p of result.override.problems) out.push(`  ${reason(p, x)}`);
  }
  out.push('', `${t('review.signoff.heading')}: ${e(`signoff.state.${result.signOff.state}`)}${result.signOff.signedOn ? ` (${result.signOff.signedOn})` : ''}`);
  for (const b of result.signOff.blockers) out.push(`  - ${reason(b, x)}`);
  if (result.missing.length > 0) {
    out.push('', `${t('review.missing.heading')} (${String(result.missing.length)})`);
    for (const m of result.missing) out.push(`  ${m.section} [${m.item}] ${label(m.item)}`);
  }
  return `${out.join('\n')}\n`;
}
