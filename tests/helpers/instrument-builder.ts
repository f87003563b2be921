/**
 * A tiny fluent builder for fixture instruments, so each engine test can declare just the
 * sections, items and rules its edge case needs. Every built instrument gets a decision
 * section N (rating, narrative, recommendation, mitigations, override, supervisor review)
 * shaped like the real one; `build()` runs the real loader, so a fixture is always valid.
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
  'visibleIf' | 'required' | 'requiredWhenFlags' | 'allowUnknown' | 'min' | 'max' | 'personal'>>;

export interface RuleOptions {
  domain?: Domain;
  unknownItems?: string[];
  onUnknown?: 'STOP' | 'ESC';
}

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

  constructor(private readonly id: string) {}

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
    return {
      id: this.id,
      version: 1,
      predicates: { ...this.predicates },
      sections: [...this.sections, decisionSection()],
      rules: this.rules.map((r) => ({ ...r, domain: r.domain ?? this.domainOf(r.when) })),
      decision: {
        recommendation: 'N4', assessorRating: 'N3', narrative: 'N3.narrative',
        override: { reason: 'N6.reason', by: 'N6.by', role: 'N6.role', date: 'N6.date' },
        seniorRoles: ['supervisor', 'legal_adviser'], supervisorReview: 'N7',
        signOffRequires: [...this.requires],
      },
    };
  }

  build(): Instrument {
    return parseInstrument(this.input());
  }
}

export function instrument(id = 'fixture'): InstrumentBuilder {
  return new InstrumentBuilder(id);
}
