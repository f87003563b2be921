/**
 * `assessFollowUp` judges one follow-up check after return, as `assess` judges a pre-return
 * assessment: pure, deterministic, no clock. It shares the engine's visibility, flags, missing
 * answers and validation, and has no return decision (no recommendation, override or sign-off).
 * What it adds:
 * - the coded outcomes and the scores its instrument declares (follow-up-outcomes.ts);
 * - the actions the assessment's follow-up plan recorded, named for the flags that call for them:
 *   the escalation steps for a STOP, the lost-contact protocol for a lost contact;
 * - an alert at STOP level whenever a STOP stands (contact, threats, suspected re-exploitation…),
 *   carrying those actions, or saying that the plan recorded none.
 */
import type { Answers, FollowUpInstrument, Instrument } from '../instrument/schema';
import { computeOutcomes, computeScores, type FollowUpScores, type OutcomeValue } from './follow-up-outcomes';
import { computeMissing, type MissingItem } from './progress';
import { computeFlags } from './rules';
import type { AssessOptions, FieldError, Flag } from './types';
import { validateVisible } from './validation';
import { createContext } from './visibility';

/** The actions the follow-up plan recorded (homeward-return: P5 and P7), as written there. */
export interface FollowUpPlan {
  escalation?: string | null | undefined;
  lostContact?: string | null | undefined;
}

export interface FollowUpOptions extends AssessOptions {
  plan?: FollowUpPlan;
}

export interface PlanAction {
  plan: 'escalation' | 'lostContact';
  /** the standing flags that call for it */
  rules: string[];
  /** the steps as the plan recorded them, or null: the plan recorded none (tell a supervisor now) */
  steps: string | null;
}

export interface FollowUpAlert {
  level: 'STOP';
  rules: string[];
  actions: PlanAction[];
}

export interface FollowUpResult {
  instrument: { id: string; version: number };
  now: string;
  /** which scheduled check this is (h72, m1, …), once answered */
  check: string | null;
  visibleItems: string[];
  missing: MissingItem[];
  errors: FieldError[];
  /** every shown required question answered, and every answer well-formed */
  complete: boolean;
  flags: Flag[];
  outcomes: Record<string, OutcomeValue>;
  scores: FollowUpScores | null;
  actions: PlanAction[];
  alert: FollowUpAlert | null;
}

const idsOf = (flags: readonly Flag[]): string[] => [...new Set(flags.map((f) => f.ruleId))];
const stepsOf = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

function planActions(inst: FollowUpInstrument, flags: readonly Flag[], plan: FollowUpPlan): PlanAction[] {
  const lostRules = new Set(inst.followUp.lostContactRules);
  const escalate = flags.filter((f) => f.level === 'STOP' && !lostRules.has(f.ruleId));
  const lost = flags.filter((f) => lostRules.has(f.ruleId));
  const actions: PlanAction[] = [];
  if (escalate.length > 0) actions.push({ plan: 'escalation', rules: idsOf(escalate), steps: stepsOf(plan.escalation) });
  if (lost.length > 0) actions.push({ plan: 'lostContact', rules: idsOf(lost), steps: stepsOf(plan.lostContact) });
  return actions;
}

export function assessFollowUp(inst: FollowUpInstrument, answers: Answers, options: FollowUpOptions): FollowUpResult {
  const ctx = createContext(inst, answers, options);
  const flags = computeFlags(ctx);
  const missing = computeMissing(ctx, flags);
  const errors = validateVisible(ctx);
  const check = ctx.answerOf(inst.followUp.check);
  const actions = planActions(inst, flags, options.plan ?? {});
  const stops = idsOf(flags.filter((f) => f.level === 'STOP'));
  return {
    instrument: { id: inst.id, version: inst.version },
    now: options.now,
    check: typeof check === 'string' ? check : null,
    visibleItems: ctx.placed.filter((p) => ctx.isItemVisible(p.item.code)).map((p) => p.item.code),
    missing,
    errors,
    complete: missing.length === 0 && errors.length === 0,
    flags,
    outcomes: computeOutcomes(ctx),
    scores: computeScores(ctx),
    actions,
    alert: stops.length === 0 ? null : {
      level: 'STOP', rules: stops, actions: actions.filter((a) => a.rules.some((r) => stops.includes(r))),
    },
  };
}

/**
 * The follow-up plan of a pre-return assessment, read where the follow-up instrument says that
 * version keeps it, with the assessment's own visibility (a hidden answer is no plan). Null when
 * the follow-up instrument does not know that assessment version.
 */
export function planFromAssessment(
  followUp: FollowUpInstrument, assessment: Instrument, answers: Answers, options: AssessOptions,
): FollowUpPlan | null {
  const source = followUp.followUp.plan.find((p) => p.instrument === assessment.id && p.versions.includes(assessment.version));
  if (!source) return null;
  const ctx = createContext(assessment, answers, options);
  const text = (code: string) => {
    const answer = ctx.answerOf(code);
    return typeof answer === 'string' ? stepsOf(answer) : null;
  };
  return { escalation: text(source.escalation), lostContact: text(source.lostContact) };
}
