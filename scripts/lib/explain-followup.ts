/**
 * A follow-up check's result as a reviewer reads it, in one language: the alert and the actions
 * the follow-up plan recorded, every flag with its reason and next step, the coded outcomes, the
 * scores and the answers still missing. Rule ids, item codes and outcome codes stay in brackets
 * or as codes: they are what the data dictionary and the instrument reference name.
 */
import type { FollowUpResult, PlanAction } from '../../src/engine';
import { flagLevels } from '../../src/instrument';
import { createTranslate } from './explain';

function action(a: PlanAction, e: (key: string) => string): string[] {
  const what = a.plan === 'escalation' ? 'escalation steps' : 'lost-contact protocol';
  return [
    `  → ${what} [${a.rules.join(', ')}]:`,
    `    ${a.steps ?? 'the follow-up plan recorded none: tell a supervisor now'}`,
    ...(a.plan === 'lostContact' ? [`    (${e('next.supervisor_review')})`] : []),
  ];
}

export function explainFollowUp(result: FollowUpResult, lang: string, heading: string): string {
  const { t, ns } = createTranslate(lang, result.instrument);
  const e = (key: string) => t(key, { ns: 'engine' });
  const out: string[] = [heading, `${result.instrument.id} v${String(result.instrument.version)} · ${result.now} · check: ${result.check ?? '?'}`, ''];
  if (result.alert) out.push(`ALERT ${e('level.STOP')} [${result.alert.rules.join(', ')}]`, ...result.alert.actions.flatMap((a) => action(a, e)));
  for (const a of result.actions.filter((x) => !result.alert?.actions.includes(x))) out.push(...action(a, e));
  out.push('', `${t('review.flags.heading')} (${String(result.flags.length)})`);
  for (const level of flagLevels) {
    for (const f of result.flags.filter((g) => g.level === level)) {
      out.push(`  ${e(`level.${f.level}`)} · ${e(`domain.${f.domain}`)} [${f.ruleId}]${f.viaUnknown ? ' (unknown)' : ''}`);
      out.push(`    ${t(`rule.${f.ruleId}.reason`, { ns })}`);
      if (f.next) out.push(`    → ${e(`next.${f.next}`)}`);
    }
  }
  out.push('', 'outcomes:', ...Object.entries(result.outcomes).map(([code, value]) => `  ${code}: ${value}`));
  if (result.scores) {
    out.push('', 'scores (0 worst – 1 best):');
    for (const [id, s] of Object.entries(result.scores.dimensions)) {
      out.push(`  ${id}: ${s.score === null ? 'not enough answers' : `${s.score.toFixed(2)} (${s.band ?? ''})`} — ${String(s.answered)}/${String(s.of)} answered`);
    }
    const c = result.scores.composite;
    out.push(`  composite: ${c.score === null ? '—' : `${c.score.toFixed(2)} (${c.band ?? ''})`}`);
  }
  if (result.missing.length > 0) {
    out.push('', `${t('review.missing.heading')} (${String(result.missing.length)})`);
    for (const m of result.missing) out.push(`  ${m.section} [${m.item}] ${t(`item.${m.item}.label`, { ns })}`);
  }
  return `${out.join('\n')}\n`;
}
