/**
 * Loads a follow-up instrument: the zod shape, the checks every instrument gets (validate.ts), then
 * those of its own blocks: the check item, the rules named for the lost-contact protocol, outcome
 * conditions and items, and scores that give points to exactly the options an item has.
 */
import type { Item } from './instrument';
import { followUpInstrumentSchema, type FollowUpInstrument, type ScoresDefinition } from './followup';
import { checkCondition, crossCheckRuleBook, InstrumentError } from './validate';

export function parseFollowUpInstrument(input: unknown): FollowUpInstrument {
  const parsed = followUpInstrumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new InstrumentError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const inst = parsed.data;
  const items = new Map<string, Item>();
  const problems = crossCheckRuleBook(inst, items);
  problems.push(...checkFollowUp(inst, items));
  if (problems.length > 0) throw new InstrumentError(problems);
  return inst;
}

function checkFollowUp(inst: FollowUpInstrument, items: Map<string, Item>): string[] {
  const f = inst.followUp;
  const p: string[] = [];
  const cond = (c: Parameters<typeof checkCondition>[0], where: string) => p.push(...checkCondition(c, where, items, inst));
  if (items.get(f.check)?.type !== 'choice') p.push(`followUp.check: ${f.check} must be a choice item`);
  const ruleIds = new Set(inst.rules.map((r) => r.id));
  for (const id of f.lostContactRules) if (!ruleIds.has(id)) p.push(`followUp.lostContactRules: no rule ${id}`);
  const codes = new Set<string>();
  for (const o of f.outcomes) {
    if (codes.has(o.code)) p.push(`outcome ${o.code} is declared twice`);
    codes.add(o.code);
    if ('item' in o) {
      if (items.get(o.item)?.type !== 'choice') p.push(`outcome ${o.code}: ${o.item} must be a choice item`);
    } else {
      cond(o.yes, `outcome ${o.code} (yes)`);
      cond(o.no, `outcome ${o.code} (no)`);
    }
  }
  cond(f.scores.when, 'scores.when');
  p.push(...checkScores(f.scores, items));
  return p;
}

function checkScores(scores: ScoresDefinition, items: Map<string, Item>): string[] {
  const p: string[] = [];
  const ids = scores.dimensions.map((d) => d.id);
  if (new Set(ids).size !== ids.length) p.push('scores: a dimension is declared twice');
  const scored = scores.dimensions.flatMap((d) => d.items.map((s) => s.item));
  if (new Set(scored).size !== scored.length) p.push('scores: an item is scored twice');
  for (const dimension of scores.dimensions) {
    for (const s of dimension.items) {
      const item = items.get(s.item);
      const options = item?.type === 'ynu' ? ['yes', 'no'] : item?.type === 'choice' ? (item.options ?? []).map((o) => o.code) : null;
      if (!options) {
        p.push(`scores.${dimension.id}: ${s.item} must be a choice or yes/no item`);
        continue;
      }
      const given = Object.keys(s.points).sort().join(', ');
      if (given !== [...options].sort().join(', ')) p.push(`scores.${dimension.id}: ${s.item} must give points to exactly its options (${options.join(', ')})`);
    }
  }
  const from = scores.bands.map((b) => b.from);
  if (from[0] !== 0 || from.some((v, i) => i > 0 && v <= (from[i - 1] ?? 1))) p.push('scores.bands must start at 0 and rise');
  return p;
}
