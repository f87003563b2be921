import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../engine';
import { getInstrument, kindOf, registry } from '../instrument';
import { caseFacts } from './facts';
import { returnRegion } from './regions';
import { mappedVersions, stableRuleCode, stableRules } from './stable-rules';

describe('stable rule codes', () => {
  it('cover every rule of every registered instrument version, and nothing else', () => {
    expect(registry.filter((e) => kindOf(e) === 'assessment').map((e) => `${e.id}@${String(e.version)}`)).toEqual(mappedVersions.map((v) => `${v.id}@${String(v.version)}`));
    for (const { id, version } of mappedVersions) {
      const rules = getInstrument(id, version).rules.map((r) => r.id);
      for (const rule of rules) expect(stableRuleCode(id, version, rule), `${id}@${String(version)} ${rule}`).not.toBeNull();
      const listed = stableRules.flatMap((s) => (version === 1 ? s.v1 : s.v2) ?? []);
      expect([...listed].sort()).toEqual([...rules].sort());
    }
  });

  it('are well formed and unique', () => {
    const codes = stableRules.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z_]+\.[a-z0-9_]+$/);
  });

  it('count the same danger under one code in both versions (F2 threats) and a changed one apart (v1 E9, v2 E11)', () => {
    const answers = { F2: 'yes', E1: 'yes', E9: 'yes', E11: 'by_necessity' };
    const codesOf = (version: number) => caseFacts({ answers, result: assess(getInstrument('homeward-return', version), answers, { now: '2026-05-01' }) })['flag'] ?? [];
    const [v1, v2] = [codesOf(1), codesOf(2)];
    expect(v1).toContain('control.threats');
    expect(v2).toContain('control.threats');
    expect(v1).toContain('debt.debt_driven_remigration_or_risky_work');
    expect(v2).toContain('debt.debt_driven_remigration');
    expect(v1).not.toContain('debt.debt_driven_remigration');
  });

  it('are each defined in docs/data-dictionary.md', () => {
    const doc = readFileSync(new URL('../../docs/data-dictionary.md', import.meta.url), 'utf8');
    for (const s of stableRules) expect(doc, s.code).toContain(`\`${s.code}\``);
  });

  it('leave no country of return without a region', () => {
    for (const { id, version } of mappedVersions) {
      const a2 = getInstrument(id, version).sections.flatMap((s) => s.items).find((i) => i.code === 'A2');
      for (const o of a2?.options ?? []) expect(returnRegion(o.code), o.code).not.toBeNull();
    }
  });
});
