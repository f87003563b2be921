/**
 * Properties over the real instrument homeward-return v2 with generated answers (review 13,
 * finding 19). The answers are not written by hand: a solver (tests/helpers/rule-solver.ts)
 * finds, from a benign golden case, answers that make each rule fire, opening the questions it
 * reads (section gates and predicates included). So every rule is exercised, and every pair of a
 * STOP rule and an item it reads or that gates it.
 *
 * The unknown/declined property is stated on firing rules: take answers that make a STOP rule
 * fire, replace any one item it reads or that gates it by unknown or declined (or several, at
 * random), and "no impediment" is never offered, and the rule still stands (as a STOP, or as
 * "cannot be ruled out") unless the change opened a question that is now missing. A mutation of
 * the engine's unknown handling (an unknown that reads as "no", a declined that is not unknown,
 * a blank table cell that rules a risk out) breaks this property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, readsOf, type AssessmentResult } from '../../src/engine';
import {
  getInstrument, isRecordType, visibilityConditions, walkCondition, type AnswerValue, type Answers, type Condition, type Item, type Row, type Rule,
} from '../../src/instrument';
import { goldenV2 } from '../helpers/golden-v2';
import { solver, withPatch } from '../helpers/rule-solver';

const inst = getInstrument('homeward-return', 2);
const NOW = '2026-11-27';
const items = new Map<string, Item>(inst.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
const run = (answers: Answers): AssessmentResult => assess(inst, answers, { now: NOW });

const golden = goldenV2;

const adult = golden('01-adult-avr-low-risk-signable.json');
const baselines: Record<string, Answers> = {
  adult,
  child: golden('22-child-16-full-bia-signable.json'),
  'adult with a child': {
    ...adult, A14: 'yes', N7: { name: 'Supervisor HW-S1', role: 'Supervisor', date: NOW }, 'N7.decision': 'approve',
    LA1: [{ age: 7, views: 'Wants to go with her mother (fictional).', school_health: 'yes', risk: 'no', other_parent: 'consented', other_parent_linked: 'no', family_accepts_child: 'yes', birth_registered: 'yes' }],
  },
  'young adult': {
    ...adult, A10: '2006-05-01', C7: 'no', M1: '2023-02-01', 'M1.identified': '2023-03-01', 'M1.looked_after': 'no', M2: ['none'], M3: 'yes', 'M3.adviser': 'yes',
    'M3.guardian': 'yes', M4: 'no', M5: 'no', M6: 'no', M7: 'no', M8: 'fluent', M9: 'no', M10: 'yes', 'M10.outcome': 'Not in the child\'s interests then (fictional).', 'M10.changed': 'no', M11: 'none',
  },
};

const solving = solver(inst, NOW);
/** The exhaustive checks assess a few thousand cases: generous time on a shared 2-core machine. */
const SLOW = { timeout: 60_000 };

interface Fired { rule: Rule; base: string; answers: Answers }

const firesIn = (rule: Rule, answers: Answers, shown?: string): boolean => {
  const r = run(answers);
  return r.flags.some((f) => f.ruleId === rule.id && !f.viaUnknown) && (shown === undefined || (r.visibleItems.includes(shown) && answers[shown] !== undefined));
};

/**
 * Generated answers that make `rule` fire (not through an unknown), from the first baseline that
 * allows it; with `shown`, also with that item shown and answered (each answer it can take is
 * tried, the question opened first).
 */
function fire(rule: Rule, shown?: string): Fired | null {
  for (const [base, answers] of Object.entries(baselines)) {
    const starts: Answers[] = shown === undefined ? [answers] : solving.candidates(shown).flatMap((value) => {
      const opened = solving.open(shown, answers);
      return opened ? [withPatch(answers, { ...opened, [shown]: value })] : [];
    });
    for (const start of [answers, ...starts]) {
      const patch = solving.solve(rule.when, start);
      const result = patch && withPatch(start, patch);
      if (result && firesIn(rule, result, shown)) return { rule, base, answers: result };
    }
  }
  return null;
}

const fired = inst.rules.map((rule) => ({ rule, fired: fire(rule) }));
const stops = inst.rules.filter((r) => r.level === 'STOP');

function canBeUnknown(item: Item): boolean {
  return !isRecordType(item.type) && item.type !== 'signature' && item.type !== 'rows' && (item.type === 'ynu' || item.allowUnknown);
}

const kinds = ['unknown', 'declined', 'special-declined'] as const;
type Kind = (typeof kinds)[number];
function unknownAnswer(item: Item, kind: Kind): AnswerValue {
  if (item.type === 'ynu' && kind !== 'special-declined') return kind;
  return { special: kind === 'unknown' ? 'unknown' : 'declined' };
}

/** Every (STOP rule, item it reads or that gates it): answers where the rule fires and the item is shown and answered. */
const pairs = stops.flatMap((rule) => readsOf(rule, inst).flatMap((code) => {
  const item = items.get(code);
  if (!item || !canBeUnknown(item)) return [];
  const f = fire(rule, code);
  return [{ rule, code, item, fired: f }];
}));

/** Does a condition (through the predicates it names) say itself what an unknown `code` means? */
function testsUnknown(cond: Condition, code: string, seen = new Set<string>()): boolean {
  let found = false;
  walkCondition(cond, (node) => {
    if ('item' in node) found ||= node.item === code && node.op === 'unknown';
    else if (!seen.has(node.ref)) {
      seen.add(node.ref);
      const pred = inst.predicates[node.ref];
      found ||= pred !== undefined && testsUnknown(pred, code, seen);
    }
  });
  return found;
}

/**
 * The property: after `codes` became unknown or declined, "no impediment" is not offered, and
 * the rule still stands (as a STOP, or as "cannot be ruled out"). The one exception is where the
 * instrument says itself what that unknown means by asking another question (an unknown date of
 * birth asks the person whether they are under 18): that question is then missing.
 */
function holdsAfter(rule: Rule, answers: Answers, codes: readonly string[]): string | null {
  const r = run(answers);
  if (r.recommendations.allowed.includes('no_impediment')) return 'no impediment offered';
  if (r.flags.some((f) => f.ruleId === rule.id && (f.level === 'STOP' || f.level === 'ESC'))) return null;
  const asked = r.missing.some((m) => visibilityConditions(inst, m.item).some((c) => codes.some((code) => testsUnknown(c, code))));
  return asked ? null : 'the STOP vanished';
}

describe('v2, generated answers: every rule fires', () => {
  it('the solver finds answers that make each of the instrument\'s rules fire from a benign case', () => {
    expect(fired.filter((f) => f.fired === null).map((f) => f.rule.id)).toEqual([]);
    expect(fired.length).toBe(inst.rules.length);
  });

  it('each fired rule raises its own level; a fired STOP leaves neither "no impediment" nor "proceed" offered, an ESC not "no impediment"', SLOW, () => {
    for (const { rule, fired: f } of fired) {
      if (!f) continue;
      const r = run(f.answers);
      expect(r.flags.find((x) => x.ruleId === rule.id)?.level, rule.id).toBe(rule.level);
      if (rule.level === 'STOP') expect(r.recommendations.allowed, rule.id).not.toContain('no_impediment');
      if (rule.level === 'STOP') expect(r.recommendations.allowed, rule.id).not.toContain('proceed_with_conditions');
      if (rule.level === 'ESC') expect(r.recommendations.allowed, rule.id).not.toContain('no_impediment');
    }
  });
});

describe('v2, generated answers: an unknown or declined answer cannot hide a STOP', () => {
  it('exercises every pair of a STOP rule and an item it reads or that gates it', () => {
    const missed = pairs.filter((p) => p.fired === null).map((p) => `${p.rule.id} via ${p.code}`);
    expect(missed).toEqual([]);
    expect(new Set(pairs.map((p) => p.rule.id)).size).toBe(stops.length);
    expect(pairs.length).toBeGreaterThan(250);
  });

  it.each(kinds)('replacing any one of them by %s keeps the STOP standing (or asks more) and never offers "no impediment"', SLOW, (kind) => {
    const failures: string[] = [];
    for (const { rule, code, item, fired: f } of pairs) {
      if (!f) continue;
      const problem = holdsAfter(rule, { ...f.answers, [code]: unknownAnswer(item, kind) }, [code]);
      if (problem) failures.push(`${rule.id} via ${code} (${f.base}): ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('several at once, on random STOP rules, with other rules fired around them (random)', SLOW, () => {
    const firing = fired.filter((f): f is { rule: Rule; fired: Fired } => f.fired !== null);
    const stopPairs = pairs.filter((p) => p.fired !== null);
    fc.assert(fc.property(
      fc.constantFrom(...stopPairs),
      fc.subarray(firing.filter((f) => f.fired.base === 'adult'), { maxLength: 4 }),
      fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 3 }),
      (target, noise, chosen) => {
        if (!target.fired) return;
        // Other rules fired first, then the target's own answers, so the target still fires.
        let answers: Answers = { ...target.fired.answers };
        for (const n of noise) answers = { ...n.fired.answers, ...answers };
        fc.pre(run(answers).flags.some((f) => f.ruleId === target.rule.id && !f.viaUnknown));
        const replaced: string[] = [target.code];
        const gateways = readsOf(target.rule, inst).filter((c) => {
          const item = items.get(c);
          return item !== undefined && canBeUnknown(item) && answers[c] !== undefined;
        });
        chosen.forEach((kind, i) => {
          const code = gateways[(i * 7 + target.code.length) % gateways.length] ?? target.code;
          const item = items.get(code);
          if (item) answers[code] = unknownAnswer(item, kind);
          replaced.push(code);
        });
        answers[target.code] = unknownAnswer(target.item, chosen[0] ?? 'unknown');
        expect(holdsAfter(target.rule, answers, replaced)).toBeNull();
      },
    ), { numRuns: 200 });
  });
});

/** STOP rules on a table: a cell of the row that fires them, made unknown, declined or blank. */
const cellCases = stops.flatMap((rule) => {
  const f = fired.find((x) => x.rule === rule)?.fired;
  const cells: { item: string; column: string }[] = [];
  walkCondition(rule.when, (node) => {
    if ('item' in node && node.op === 'anyRow' && node.where) cells.push({ item: node.item, column: node.where.column });
  });
  return f ? cells.map((c) => ({ rule, fired: f, ...c })) : [];
});

describe('v2, generated answers: a table cell that is unknown, declined or blank cannot hide a STOP', () => {
  it('covers every STOP rule on a table', () => {
    expect(cellCases.map((c) => c.rule.id).sort()).toEqual(['LA1-child-at-risk', 'LA1-other-parent-linked']);
  });

  it.each(['unknown', 'declined', null, '', '  '])('the firing cell as %j: the STOP still stands and "no impediment" is not offered', (cell) => {
    for (const c of cellCases) {
      const rows = (c.fired.answers[c.item] ?? []) as Row[];
      const answers = { ...c.fired.answers, [c.item]: rows.map((row) => ({ ...row, [c.column]: cell })) };
      const r = run(answers);
      expect(r.flags.some((f) => f.ruleId === c.rule.id && (f.level === 'STOP' || f.level === 'ESC')), `${c.rule.id} with ${c.column} ${JSON.stringify(cell)}`).toBe(true);
      expect(r.recommendations.allowed).not.toContain('no_impediment');
    }
  });
});
