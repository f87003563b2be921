/**
 * A tiny fluent builder for fixture instruments, so each engine test can declare just the
 * sections, items and rules its edge case needs. Every built instrument gets a decision
 * section N (rating, narrative, recommendation, mitigations, override, supervisor review)
 * shaped like the real one; `build()` runs the real loader, so a fixture is always valid.
 *
 * `.v2()` gives it the decision of instrument version 2 instead: an assessor's name (N1), a
 * planned departure (N2), mitigation rows naming the flags they answer (N5), an override record
 * naming STOP rules (N6), a multi-agency review (N8) and a sign-off record (N12) that lapses
 * 30 days before departure; and `unknowns: derived`.
 */
import {
  parseInstrument, recommendations,
  type Condition, type Domain, type FlagLevel, type Instrument, type InstrumentInput,
} from '../../src/instrument/schema';

type ItemInput = InstrumentInput['sections'][number]['items'][number];
type SectionInput = InstrumentInput['sections'][number];
type RuleInput = InstrumentInput['rules'][number];
type ColumnInput = NonNullable<ItemInput['columns']>[number];

export type ItemOptions = Partial<Pick<ItemInput,
  'visibleIf' | 'required' | 'requiredWhenFlags' | 'allowUnknown' | 'min' | 'max' | 'personal' | 'recheck' | 'audience'
  | 'requiredWhenFlagDomains'>>;

export type RuleOptions = Partial<Pick<RuleInput,
  'domain' | 'unknownItems' | 'onUnknown' | 'hard' | 'severity' | 'review' | 'next' | 'confidence'>>;

const options = (codes: readonly string[]) => codes.map((code) => ({ code }));

export class SectionBuilder {
  readonly items: ItemInput[] = [];

  private add(code: string, type: ItemInput['type'], extra: Partial<ItemInput>, opts: ItemOptions): this {
    this.items.push({ code, type, source: 'practice', ...extra, ...opts });
    return this;
  }

  ynu(code: string, opts: ItemOptions = {}): this { return this.add(code, 'ynu', {}, opts); }
  choice(code: string, codes: readonly string[], opts: ItemOptions = {}): this {
    return this.add(code, 'choice', { options: options(codes) }, opts);
  }
  multi(code: string, codes: readonly string[], opts: ItemOptions = {}): this {
    return this.add(code, 'multi', { options: options(codes) }, opts);
  }
  number(code: string, opts: ItemOptions = {}): this { return this.add(code, 'number', {}, opts); }
  scale(code: string, min: number, max: number, opts: ItemOptions = {}): this {
    return this.add(code, 'scale', { min, max }, opts);
  }
  date(code: string, opts: ItemOptions = {}): this { return this.add(code, 'date', {}, opts); }
  text(code: string, opts: ItemOptions = {}): this { return this.add(code, 'text', {}, opts); }
  verbatim(code: string, opts: ItemOptions = {}): this { return this.add(code, 'verbatim', {}, opts); }
  rows(code: string, columns: ColumnInput[], opts: ItemOptions = {}): this {
    return this.add(code, 'rows', { columns }, opts);
  }
  signature(code: string, opts: ItemOptions = {}): this { return this.add(code, 'signature', {}, opts); }
}

/** Option codes of the override role item; `supervisor` and `legal_adviser` are senior. */
export const overrideRoles = ['caseworker', 'supervisor', 'legal_adviser'] as const;

/** Days a version-2 fixture's sign-off holds before departure. */
export const SIGNOFF_VALID_DAYS = 30;

function v2DecisionSection(): SectionInput {
  const s = new SectionBuilder()
    .text('N1', { required: false })
    .date('N2', { required: false })
    .choice('N3', ['low', 'medium', 'high', 'very_high'])
    .text('N3.narrative')
    .choice('N4', recommendations)
    .rows('N5', [
      { key: 'flags', type: 'flags' },
      { key: 'response', type: 'choice', options: options(['mitigate', 'accept']) },
      { key: 'action', type: 'text' },
      { key: 'owner', type: 'text', required: false, requiredIf: { column: 'response', op: 'eq', value: 'mitigate' } },
    ], { required: false, requiredWhenFlags: ['RISK', 'ESC'] })
    .signature('N7', { required: false })
    .ynu('N8', { required: false });
  s.items.push(
    { code: 'N6', type: 'override', source: 'practice', required: false, options: options(overrideRoles) },
    { code: 'N12', type: 'signoff', source: 'practice', required: false },
  );
  return { code: 'N', domain: 'process', source: 'practice', items: s.items };
}

function decisionSection(): SectionInput {
  const s = new SectionBuilder()
    .choice('N3', ['low', 'medium', 'high', 'very_high'])
    .text('N3.narrative')
    .choice('N4', recommendations)
    .rows('N5', [
      { key: 'action', type: 'text' }, { key: 'owner', type: 'text' }, { key: 'due', type: 'date', required: false },
    ], { required: false, requiredWhenFlags: ['RISK', 'ESC'] })
    .text('N6.reason', { required: false })
    .text('N6.by', { required: false })
    .choice('N6.role', overrideRoles, { required: false })
    .date('N6.date', { required: false })
    .signature('N7', { required: false });
  return { code: 'N', domain: 'process', source: 'practice', items: s.items };
}

export class InstrumentBuilder {
  private readonly sections: SectionInput[] = [];
  private readonly rules: (Omit<RuleInput, 'domain'> & { domain?: Domain })[] = [];
  private readonly predicates: Record<string, Condition> = {};
  private readonly requires: InstrumentInput['decision']['signOffRequires'] = [];
  private version2 = false;

  constructor(private readonly id: string) {}

  /** The decision of instrument version 2 and derived unknowns (see the file's comment). */
  v2(): this {
    this.version2 = true;
    return this;
  }

  section(code: string, domain: Domain, fill: (s: SectionBuilder) => unknown, visibleIf?: Condition): this {
    const s = new SectionBuilder();
    fill(s);
    this.sections.push({ code, domain, source: 'practice', items: s.items, ...(visibleIf ? { visibleIf } : {}) });
    return this;
  }

  predicate(name: string, cond: Condition): this {
    this.predicates[name] = cond;
    return this;
  }

  /** A rule; its domain defaults to the domain of the section holding the first item it names. */
  rule(id: string, level: FlagLevel, when: Condition, opts: RuleOptions = {}): this {
    const { domain, ...rest } = opts;
    this.rules.push({ id, level, when, source: 'practice', ...rest, ...(domain ? { domain } : {}) });
    return this;
  }

  signOffRequires(id: string, when: Condition, require: Condition): this {
    this.requires.push({ id, when, require, source: 'practice' });
    return this;
  }

  private domainOf(cond: unknown): Domain {
    const first = JSON.stringify(cond).match(/"item":"([^"]+)"/)?.[1];
    return this.sections.find((s) => s.items.some((i) => i.code === first))?.domain ?? 'process';
  }

  /** The raw definition, for tests that break it on purpose. */
  input(): InstrumentInput {
    const common = {
      id: this.id,
      version: 1,
      predicates: { ...this.predicates },
      rules: this.rules.map((r) => ({ ...r, domain: r.domain ?? this.domainOf(r.when) })),
    };
    const decision = {
      recommendation: 'N4', assessorRating: 'N3', narrative: 'N3.narrative',
      seniorRoles: ['supervisor', 'legal_adviser'], supervisorReview: 'N7',
      signOffRequires: [...this.requires],
    };
    if (this.version2) {
      return {
        ...common,
        unknowns: 'derived',
        sections: [...this.sections, v2DecisionSection()],
        decision: {
          ...decision,
          override: { record: 'N6' },
          assessor: 'N1',
          mitigation: { item: 'N5', flags: 'flags' },
          multiAgencyReview: 'N8',
          signOff: { record: 'N12', departure: 'N2', validDays: SIGNOFF_VALID_DAYS },
        },
      };
    }
    return {
      ...common,
      sections: [...this.sections, decisionSection()],
      decision: { ...decision, override: { reason: 'N6.reason', by: 'N6.by', role: 'N6.role', date: 'N6.date' } },
    };
  }

  build(): Instrument {
    return parseInstrument(this.input());
  }
}

export function instrument(id = 'fixture'): InstrumentBuilder {
  return new InstrumentBuilder(id);
}
