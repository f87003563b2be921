/**
 * Renders a condition as a short, code-level sentence for programme staff and reviewers
 * (docs, the authoring reference, the "why" of a rule). Not translated: it names item codes.
 */
import type { Condition, ItemCondition, RowCondition } from './condition';

const opWords: Record<string, string> = {
  eq: 'is', neq: 'is not', in: 'is one of', includes: 'includes', includesAny: 'includes any of',
  excludesAll: 'includes none of', lt: '<', lte: '≤', gt: '>', gte: '≥', ageUnder: 'gives an age under',
  ageAtLeast: 'gives an age of at least', withinDays: 'is within the last (days)',
  moreThanDaysAhead: 'is more than this many days ahead:', answered: 'is answered',
  unknown: 'is unknown or declined', anyRow: 'has a row where', rowCountGte: 'has at least this many rows:',
};

function value(v: ItemCondition['value']): string {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return v === undefined ? '' : String(v);
}

function row(w: RowCondition): string {
  return `${w.column} ${opWords[w.op] ?? w.op}${w.value === undefined ? '' : ` ${value(w.value)}`}`;
}

function leaf(c: ItemCondition): string {
  const op = opWords[c.op] ?? c.op;
  if (c.op === 'anyRow' && c.where) return `${c.item} ${op} ${row(c.where)}`;
  return `${c.item} ${op}${c.value === undefined ? '' : ` ${value(c.value)}`}`;
}

export function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.length === 1 && c.all[0] ? describeCondition(c.all[0]) : `(${c.all.map(describeCondition).join(' AND ')})`;
  if ('any' in c) return c.any.length === 1 && c.any[0] ? describeCondition(c.any[0]) : `(${c.any.map(describeCondition).join(' OR ')})`;
  if ('not' in c) return `NOT ${describeCondition(c.not)}`;
  if ('ref' in c) return c.ref;
  return leaf(c);
}
