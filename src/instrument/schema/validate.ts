/**
 * Loads an instrument definition: the zod shape first, then the cross-references zod cannot
 * see (duplicate codes, conditions naming missing items, operators not allowed for an answer
 * type, visibility cycles). A definition that fails is never used.
 */
import { allowedOps, isRecordType, reservedOptionCodes } from './answer-types';
import { walkCondition, type Condition, type RowCondition } from './condition';
import { instrumentSchema, type Column, type Instrument, type Item, type RuleBook } from './instrument';
import { checkCoverage, checkRules, checkSharing } from './validate-coverage';
import { checkDecision } from './validate-decision';

export class InstrumentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Instrument definition is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'InstrumentError';
  }
}

export function parseInstrument(input: unknown): Instrument {
  const parsed = instrumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new InstrumentError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new InstrumentError(problems);
  return parsed.data;
}

/**
 * The checks every kind of instrument needs (codes, conditions, rules, coverage, cycles). It fills
 * `items` for the caller's own checks: an assessment adds its decision and sharing blocks, a
 * follow-up check its outcomes and scores (validate-followup.ts).
 */
export function crossCheckRuleBook(inst: RuleBook, items: Map<string, Item>): string[] {
  const problems: string[] = [];
  const sectionCodes = new Set<string>();
  for (const section of inst.sections) {
    if (sectionCodes.has(section.code)) problems.push(`duplicate section code ${section.code}`);
    sectionCodes.add(section.code);
    for (const item of section.items) {
      if (items.has(item.code)) problems.push(`duplicate item code ${item.code}`);
      items.set(item.code, item);
      problems.push(...checkItemShape(item));
    }
  }
  const ruleIds = new Set<string>();
  for (const rule of inst.rules) {
    if (ruleIds.has(rule.id)) problems.push(`duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
    problems.push(...checkCondition(rule.when, `rule ${rule.id}`, items, inst));
    for (const c of rule.unknownItems ?? []) {
      if (!items.has(c)) problems.push(`rule ${rule.id}: unknownItems names missing item ${c}`);
    }
  }
  for (const [name, cond] of Object.entries(inst.predicates)) {
    problems.push(...checkCondition(cond, `predicate ${name}`, items, inst));
  }
  for (const section of inst.sections) {
    if (section.visibleIf) problems.push(...checkCondition(section.visibleIf, `section ${section.code}`, items, inst));
    for (const item of section.items) {
      if (item.visibleIf) problems.push(...checkCondition(item.visibleIf, `item ${item.code}`, items, inst));
    }
  }
  problems.push(...checkRules(inst, items), ...checkCoverage(inst, items));
  problems.push(...findCycles(inst));
  return problems;
}

function crossCheck(inst: Instrument): string[] {
  const items = new Map<string, Item>();
  const problems = crossCheckRuleBook(inst, items);
  problems.push(...checkDecision(inst, items, (cond, where) => checkCondition(cond, where, items, inst)), ...checkSharing(inst, items));
  return problems;
}

function checkItemShape(item: Item): string[] {
  const p: string[] = [];
  // An override record's options are the roles that may record it.
  const needsOptions = item.type === 'choice' || item.type === 'multi' || item.type === 'override';
  if (needsOptions && !item.options) p.push(`item ${item.code}: ${item.type} needs options`);
  if (!needsOptions && item.options) p.push(`item ${item.code}: ${item.type} cannot have options`);
  if (item.type === 'rows' && !item.columns) p.push(`item ${item.code}: rows need columns`);
  if (item.type !== 'rows' && item.columns) p.push(`item ${item.code}: only rows have columns`);
  if (isRecordType(item.type) && (item.required || item.visibleIf)) {
    p.push(`item ${item.code}: a ${item.type} record is written by the app: it cannot be required or conditional`);
  }
  for (const column of item.columns ?? []) {
    const target = column.requiredIf?.column;
    if (target !== undefined && !item.columns?.some((c) => c.key === target)) {
      p.push(`item ${item.code}: column ${column.key} is required if a missing column ${target}`);
    }
  }
  if (item.type === 'scale' && (item.min === undefined || item.max === undefined)) {
    p.push(`item ${item.code}: scale needs min and max`);
  }
  const codes = [...(item.options ?? []), ...(item.columns ?? []).flatMap((c) => c.options ?? [])].map((o) => o.code);
  for (const c of codes) {
    if ((reservedOptionCodes as readonly string[]).includes(c)) {
      p.push(`item ${item.code}: option code "${c}" is reserved for unknown/declined answers`);
    }
  }
  if (new Set(item.options?.map((o) => o.code)).size !== (item.options?.length ?? 0)) {
    p.push(`item ${item.code}: duplicate option code`);
  }
  return p;
}

export function checkCondition(cond: Condition, where: string, items: Map<string, Item>, inst: RuleBook): string[] {
  const p: string[] = [];
  walkCondition(cond, (node) => {
    if ('ref' in node) {
      if (!(node.ref in inst.predicates)) p.push(`${where}: unknown predicate ${node.ref}`);
      return;
    }
    const item = items.get(node.item);
    if (!item) {
      p.push(`${where}: condition names missing item ${node.item}`);
      return;
    }
    if (!allowedOps[item.type].includes(node.op)) {
      p.push(`${where}: operator ${node.op} is not allowed for ${item.type} item ${item.code}`);
      return;
    }
    p.push(...checkOperand(node.op, node.value, item, where));
    if (node.op === 'anyRow') {
      const col = item.columns?.find((c) => c.key === node.where?.column);
      if (!node.where || !col) p.push(`${where}: anyRow on ${item.code} needs a where naming one of its columns`);
      else p.push(...checkRowOperand(node.where, col, `${where}: ${item.code}.${col.key}`));
    }
  });
  return p;
}

const COMPARISONS = ['eq', 'neq', 'in', 'includes', 'includesAny', 'excludesAll'];

/**
 * A comparison with "unknown" or "declined" can never hold: comparisons never match an unknown
 * or declined answer (the engine's contract), so such a rule would silently never fire. The
 * condition must say it with the `unknown` operator instead.
 */
function neverMatches(op: string, values: readonly unknown[], target: string): string[] {
  const reserved = values.filter((v) => typeof v === 'string' && (reservedOptionCodes as readonly string[]).includes(v));
  return reserved.length > 0
    ? [`${target}: ${op} with ${reserved.join(', ')} never holds (unknown and declined answers never match a comparison): use the "unknown" operator`]
    : [];
}

function checkOperand(op: string, value: unknown, item: Item, where: string): string[] {
  const optionCodes = new Set(item.type === 'ynu' ? ['yes', 'no'] : (item.options ?? []).map((o) => o.code));
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (COMPARISONS.includes(op) && (item.type === 'ynu' || item.options)) {
    if (values.length === 0) return [`${where}: ${op} on ${item.code} needs a value`];
    const never = neverMatches(op, values, `${where}: ${item.code}`);
    if (never.length > 0) return never;
    const bad = values.filter((v) => typeof v !== 'string' || !optionCodes.has(v));
    if (bad.length) return [`${where}: ${item.code} has no option ${bad.join(', ')}`];
  }
  if (['lt', 'lte', 'gt', 'gte', 'ageUnder', 'ageAtLeast', 'withinDays', 'moreThanDaysAhead', 'rowCountGte'].includes(op)) {
    if (typeof value !== 'number') return [`${where}: ${op} on ${item.code} needs a number`];
  }
  return [];
}

/** A row condition compares a cell: its values must be the column's options (yes/no for a ynu column), never unknown/declined. */
function checkRowOperand(cond: RowCondition, column: Column, target: string): string[] {
  const values = Array.isArray(cond.value) ? cond.value : cond.value === undefined ? [] : [cond.value];
  if (cond.op === 'lt' || cond.op === 'gt') return typeof cond.value === 'number' ? [] : [`${target}: ${cond.op} needs a number`];
  if (cond.op !== 'eq' && cond.op !== 'neq' && cond.op !== 'in') return [];
  if (values.length === 0) return [`${target}: ${cond.op} needs a value`];
  const never = neverMatches(cond.op, values, target);
  if (never.length > 0) return never;
  const codes = column.type === 'ynu' ? ['yes', 'no'] : column.options?.map((o) => o.code);
  const bad = codes === undefined ? [] : values.filter((v) => typeof v !== 'string' || !codes.includes(v));
  return bad.length > 0 ? [`${target} has no option ${bad.join(', ')}`] : [];
}

/**
 * Visibility may depend on answers, and answers' visibility on other conditions. A cycle
 * (A visible if B, B visible if A) has no stable meaning, so it is refused at load.
 */
function findCycles(inst: RuleBook): string[] {
  const deps = new Map<string, Set<string>>();
  const add = (from: string, cond: Condition | undefined) => {
    const set = deps.get(from) ?? new Set<string>();
    if (cond) walkCondition(cond, (n) => set.add('ref' in n ? `ref:${n.ref}` : `item:${n.item}`));
    deps.set(from, set);
  };
  for (const [name, cond] of Object.entries(inst.predicates)) add(`ref:${name}`, cond);
  for (const section of inst.sections) {
    for (const item of section.items) {
      add(`item:${item.code}`, item.visibleIf);
      if (section.visibleIf) add(`item:${item.code}`, section.visibleIf);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: string[] = [];
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      problems.push(`visibility cycle: ${[...path.slice(path.indexOf(node)), node].join(' -> ')}`);
      return;
    }
    state.set(node, 'visiting');
    for (const next of deps.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of deps.keys()) visit(node, []);
  return problems;
}
