import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';
import type { Domain } from '../instrument/schema';
import { domains } from '../instrument/schema';

// Four debt RISK items, one ESC and one STOP per domain used, and an INFO.
const yes = (item: string) => ({ item, op: 'eq' as const, value: 'yes' });
const inst = instrument()
  .predicate('isChild', { item: 'A1', op: 'ageUnder', value: 18 })
  .predicate('isYoungAdult', { all: [{ item: 'A1', op: 'ageAtLeast', value: 18 }, { item: 'A1', op: 'ageUnder', value: 22 }] })
  .section('A', 'process', (s) => s.date('A1'))
  .section('E', 'debt', (s) => s.ynu('E1').ynu('E2').ynu('E3').ynu('E4').ynu('E5').ynu('E6'))
  .section('F', 'control', (s) => s.ynu('F1').ynu('F2'))
  .section('G', 'family', (s) => s.ynu('G1'))
  .section('H', 'economic', (s) => s.ynu('H1'))
  .section('L', 'child', (s) => s.ynu('L1'), { ref: 'isChild' })
  .rule('E1-debt', 'RISK', yes('E1'))
  .rule('E2-interest', 'RISK', yes('E2'))
  .rule('E3-creditor', 'RISK', yes('E3'))
  .rule('E4-note', 'INFO', yes('E4'))
  .rule('E5-threat', 'ESC', yes('E5'))
  .rule('E6-bondage', 'STOP', yes('E6'))
  .rule('F1-contact', 'ESC', yes('F1'))
  .rule('G1-family', 'ESC', yes('G1'))
  .rule('H1-job', 'RISK', yes('H1'))
  .build();

const allNo = Object.fromEntries(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'F1', 'F2', 'G1', 'H1', 'L1'].map((c) => [c, 'no']));
const rate = (answers: Record<string, string>) =>
  scenario(inst).answers({ A1: '1990-01-01', ...allNo, ...answers }).assess();

describe('domain ratings', () => {
  it.each<[string, Record<string, string>, string, string]>([
    ['no flags is low', {}, 'low', 'rating.none'],
    ['one RISK is medium', { E1: 'yes' }, 'medium', 'rating.risk'],
    ['two RISKs are medium', { E1: 'yes', E2: 'yes' }, 'medium', 'rating.risk'],
    ['three RISKs are high', { E1: 'yes', E2: 'yes', E3: 'yes' }, 'high', 'rating.risk_many'],
    ['an ESC is high', { E5: 'yes' }, 'high', 'rating.esc'],
    ['a STOP is very high', { E1: 'yes', E5: 'yes', E6: 'yes' }, 'very_high', 'rating.stop'],
    ['an INFO never raises the rating', { E4: 'yes' }, 'low', 'rating.none'],
  ])('%s', (_name, answers, level, key) => {
    const { debt } = rate(answers).ratings;
    expect(debt.level).toBe(level);
    expect(debt.explanation.key).toBe(key);
  });

  it('lists the rules behind the rating worst first, with counts', () => {
    const { debt } = rate({ E1: 'yes', E4: 'yes', E5: 'yes', E6: 'yes' }).ratings;
    expect(debt.flags).toEqual(['E6-bondage', 'E5-threat', 'E1-debt']);
    expect(debt.counts).toEqual({ STOP: 1, ESC: 1, RISK: 1, INFO: 1 });
    expect(debt.explanation).toEqual({ key: 'rating.stop', params: { count: 1 } });
  });

  it('rates every domain of the schema', () => {
    expect(Object.keys(rate({}).ratings).sort()).toEqual([...domains].sort());
  });

  it('explains child and young-adult domains as not applicable to an adult of 36', () => {
    const { ratings } = rate({});
    expect(ratings.child.explanation.key).toBe('rating.not_applicable');
    expect(ratings.young_adult.explanation.key).toBe('rating.not_applicable');
    expect(ratings.debt.explanation.key).toBe('rating.none');
  });

  it('treats the child domain as applicable for a child case', () => {
    const { ratings } = scenario(inst).answers({ ...allNo, A1: '2012-01-01' }).assess();
    expect(ratings.child.explanation.key).toBe('rating.none');
    expect(ratings.young_adult.explanation.key).toBe('rating.not_applicable');
  });
});

describe('ratings of an incomplete assessment', () => {
  it('never presents missing answers as a finding of low risk', () => {
    const { ratings, overall, missing } = scenario(inst).answers({ A1: '1990-01-01', E1: 'no', E2: 'no' }).assess();
    expect(ratings.debt).toMatchObject({ level: 'low', missing: 4, explanation: { key: 'rating.none_incomplete', params: { count: 4 } } });
    expect(ratings.control.missing).toBe(2);
    // Overall counts every missing answer, the decision section's included.
    expect(missing.length).toBeGreaterThan(6);
    expect(overall).toMatchObject({
      level: 'low', missing: missing.length, explanation: { key: 'rating.none_incomplete', params: { count: missing.length } },
    });
  });

  it('still rates the flags that stand while other answers are missing', () => {
    expect(scenario(inst).answers({ A1: '1990-01-01', E6: 'yes' }).assess().ratings.debt.level).toBe('very_high');
  });
});

describe('overall rating', () => {
  it('is the highest domain rating, explained by the whole case\'s counts and the areas at that level', () => {
    const { overall } = rate({ E1: 'yes', F1: 'yes' });
    expect(overall.level).toBe('high');
    expect(overall.explanation).toEqual({
      key: 'rating.overall', params: { stop: 0, esc: 1, risk: 1 }, lists: { domains: ['domain.control'] },
    });
    expect(overall.drivers).toEqual(['control']);
    expect(overall.flags).toEqual(['F1-contact', 'E1-debt']);
  });

  it('names every area at the overall level as a driver', () => {
    const { overall } = rate({ E1: 'yes', H1: 'yes' });
    expect(overall.level).toBe('medium');
    expect(overall.drivers).toEqual(['debt', 'economic']);
    expect(overall.explanation.lists).toEqual({ domains: ['domain.debt', 'domain.economic'] });
  });

  it('does not add RISKs across domains: two medium domains stay medium', () => {
    expect(rate({ E1: 'yes', E2: 'yes', H1: 'yes' }).overall.level).toBe('medium');
  });

  it('becomes very high when three domains are high (cumulative risk)', () => {
    const two = rate({ E5: 'yes', F1: 'yes' });
    expect(two.overall.level).toBe('high');
    const three = rate({ E5: 'yes', F1: 'yes', G1: 'yes' });
    expect(three.overall.level).toBe('very_high');
    expect(three.overall.explanation).toEqual({
      key: 'rating.cumulative', params: { count: 3, stop: 0, esc: 3, risk: 0 },
      lists: { domains: ['domain.debt', 'domain.control', 'domain.family'] },
    });
    const highDomains: Domain[] = ['debt', 'control', 'family'];
    for (const d of highDomains) expect(three.ratings[d].level).toBe('high');
  });
});
