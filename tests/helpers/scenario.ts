/**
 * Scenario helper: `scenario(inst).now('2026-11-27').answer('E1', 'yes').assess()`.
 * Decision shortcuts (judgement, recommend, override, supervisorSigns, mitigation) read the
 * item codes from `instrument.decision`, as the wizard does. All names are fictional.
 */
import {
  assess, overrideRecord, signOffRecord, validateSection, type AssessmentResult, type FieldError, type RatingLevel,
} from '../../src/engine';
import type { AnswerValue, Answers, Instrument, Recommendation, Row } from '../../src/instrument/schema';

export const DEFAULT_NOW = '2026-11-27';

export class Scenario {
  private today = DEFAULT_NOW;
  private readonly values: Answers = {};

  constructor(readonly instrument: Instrument) {}

  now(now: string): this {
    this.today = now;
    return this;
  }

  answer(code: string, value: AnswerValue): this {
    this.values[code] = value;
    return this;
  }

  answers(values: Answers): this {
    Object.assign(this.values, values);
    return this;
  }

  unknown(code: string, special: 'unknown' | 'declined' = 'unknown'): this {
    return this.answer(code, { special });
  }

  clear(code: string): this {
    this.values[code] = undefined;
    return this;
  }

  judgement(rating: RatingLevel = 'medium', narrative = 'Fictional narrative of the assessor.'): this {
    const d = this.instrument.decision;
    return this.answer(d.assessorRating, rating).answer(d.narrative, narrative);
  }

  recommend(recommendation: Recommendation): this {
    return this.answer(this.instrument.decision.recommendation, recommendation);
  }

  /** Version 1: the four override items (an override that lifts every STOP). */
  override(role = 'supervisor', by = 'R. Senior (fictional)'): this {
    const o = this.instrument.decision.override;
    if ('record' in o) throw new Error('this instrument overrides named rules: use overrideRules()');
    return this.answer(o.reason, 'Written reasons for the override (fictional).')
      .answer(o.by, by).answer(o.role, role).answer(o.date, this.today.slice(0, 10));
  }

  /** Version 2: an override record naming `rules`, based on the answers given so far. */
  overrideRules(rules: string[], role = 'supervisor', by = 'R. Senior (fictional)', date = this.today.slice(0, 10)): this {
    const o = this.instrument.decision.override;
    if (!('record' in o)) throw new Error('this instrument has no override record');
    const record = overrideRecord(this.instrument, this.answersSoFar(), {
      rules, reason: 'Written reasons for the override (fictional).', by, role, date,
    }, { now: this.today });
    return this.answer(o.record, record);
  }

  /** Version 2: the assessor's name (the item `decision.assessor`). */
  assessor(name: string): this {
    const code = this.instrument.decision.assessor;
    if (code === undefined) throw new Error('this instrument names no assessor item');
    return this.answer(code, name);
  }

  /** Version 2: a sign-off record based on the answers given so far. */
  signOff(date = this.today.slice(0, 10), by = 'S. Visor (fictional)'): this {
    const config = this.instrument.decision.signOff;
    if (!config) throw new Error('this instrument has no sign-off record');
    return this.answer(config.record, signOffRecord(this.instrument, this.answersSoFar(), { by, role: 'supervisor', date }, { now: this.today }));
  }

  /** Version 2: adds a mitigation row naming `flags` (a measure with an owner, or an accepted risk). */
  mitigate(flags: string[], response: 'mitigate' | 'accept' = 'mitigate'): this {
    const config = this.instrument.decision.mitigation;
    if (!config) throw new Error('this instrument has no flag-naming mitigations');
    const current = this.values[config.item];
    const rows = Array.isArray(current) ? current.filter((r): r is Row => typeof r === 'object' && r !== null) : [];
    const row: Row = response === 'mitigate'
      ? { [config.flags]: flags.join(' '), response, action: 'A measure (fictional).', owner: 'Partner NGO' }
      : { [config.flags]: flags.join(' '), response, action: 'Risk accepted because (fictional reason).', owner: null };
    return this.answer(config.item, [...rows, row]);
  }

  supervisorSigns(name = 'S. Visor (fictional)'): this {
    return this.answer(this.instrument.decision.supervisorReview, { name, role: 'supervisor', date: this.today.slice(0, 10) });
  }

  mitigation(rows: Row[] = [{ action: 'Arrange a safe house', owner: 'Partner NGO', due: '2026-12-01' }]): this {
    const item = this.instrument.sections.flatMap((s) => s.items)
      .find((i) => i.type === 'rows' && (i.requiredWhenFlags ?? []).length > 0);
    if (!item) throw new Error('this instrument has no mitigation rows item');
    return this.answer(item.code, rows);
  }

  answersSoFar(): Answers {
    return { ...this.values };
  }

  assess(): AssessmentResult {
    return assess(this.instrument, this.answersSoFar(), { now: this.today });
  }

  validate(section: string): FieldError[] {
    return validateSection(this.instrument, this.answersSoFar(), section, { now: this.today });
  }
}

export function scenario(instrument: Instrument): Scenario {
  return new Scenario(instrument);
}
