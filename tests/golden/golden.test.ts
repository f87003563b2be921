/**
 * Golden cases: realistic, fictional assessments, each with expectations derived by hand from
 * the rule table in docs/instrument-authoring.md and the engine contract (src/engine/README.md).
 * tests/golden/cases/ holds the cases of instrument v1 (still shipped: drafts started on it are
 * finished on it); tests/golden/cases-v2/ the cases of v2, re-derived for its rules. A case file
 * is `{ title, now, instrument, answers, decisions?, expect }` (scripts/lib/case-file.ts): the
 * decisions (an override, a sign-off, answers changed afterwards) are recorded in order, as the
 * app records them. `npm run assess -- --format text <file>` prints a case as a reviewer reads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assess, ratingLevels, type AssessmentResult } from '../../src/engine';
import { confidenceLevels, domains, flagLevels, recommendations } from '../../src/instrument';
import { caseFileSchema, resolveCase } from '../../scripts/lib/case-file';

const level = z.enum(ratingLevels);
const recommendation = z.enum(recommendations);

const expectSchema = z.strictObject({
  overall: level,
  /** only the domains asserted */
  domains: z.partialRecord(z.enum(domains), level),
  /** rule ids that must stand (any level, INFO included): the complete list */
  flags: z.array(z.string()),
  /** rule ids that must not stand */
  notFlags: z.array(z.string()),
  /** the level each listed rule's flag must have */
  flagLevels: z.record(z.string(), z.enum(flagLevels)).optional(),
  /** rule ids whose standing flag no override can lift */
  hard: z.array(z.string()).optional(),
  allowed: z.array(recommendation),
  blocked: z.array(recommendation),
  profile: z.strictObject({ isChild: z.boolean(), isYoungAdult: z.boolean() }),
  overrideActive: z.boolean().optional(),
  overrideState: z.enum(['none', 'active', 'lapsed', 'invalid']).optional(),
  confidence: z.enum(confidenceLevels).optional(),
  signOffReady: z.boolean().optional(),
  signOffState: z.enum(['not_ready', 'ready', 'signed', 'pending_recheck']).optional(),
  /** the exact set of sign-off blocker keys */
  signOffBlockers: z.array(z.string()).optional(),
  /** the exact list of missing item codes, in instrument order */
  missing: z.array(z.string()).optional(),
});

const goldenSchema = caseFileSchema.extend({
  title: z.string().min(1),
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  instrument: z.strictObject({ id: z.literal('homeward-return'), version: z.number().int().positive() }),
  expect: expectSchema,
});

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

function casesIn(folder: string): string[] {
  return readdirSync(new URL(`./${folder}/`, import.meta.url)).filter((f) => f.endsWith('.json')).sort();
}

describe.each([
  { folder: 'cases', version: 1, atLeast: 12 },
  { folder: 'cases-v2', version: 2, atLeast: 25 },
])('golden cases of homeward-return v$version ($folder)', ({ folder, version, atLeast }) => {
  const files = casesIn(folder);

  it(`has at least ${String(atLeast)} cases, all of version ${String(version)}`, () => {
    expect(files.length).toBeGreaterThanOrEqual(atLeast);
  });

  describe.each(files)('%s', (file) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(`./${folder}/${file}`, import.meta.url), 'utf8'));
    const c = goldenSchema.parse(raw);
    const label = `${file} (${c.title})`;
    const { instrument, answers, now } = resolveCase(c, c.now);
    const result: AssessmentResult = assess(instrument, answers, { now });
    const standing = result.flags.map((f) => f.ruleId);
    const ruleIds = new Set(instrument.rules.map((r) => r.id));
    const e = c.expect;

    it('is of the version of its folder, names only real rules, and never allows and blocks one recommendation', () => {
      expect(c.instrument.version).toBe(version);
      for (const id of [...e.flags, ...e.notFlags, ...Object.keys(e.flagLevels ?? {}), ...(e.hard ?? [])]) {
        expect(ruleIds.has(id), `${label}: unknown rule id ${id}`).toBe(true);
      }
      expect(e.allowed.filter((r) => e.blocked.includes(r)), `${label}: allowed and blocked overlap`).toEqual([]);
    });

    it('has well-formed answers (no validation errors)', () => {
      expect(result.errors, `${label}: validation errors`).toEqual([]);
    });

    it('computes the expected profile', () => {
      expect(result.profile, `${label}: profile`).toEqual(e.profile);
    });

    it('raises exactly the expected flags and no forbidden ones', () => {
      for (const id of e.flags) expect(standing, `${label}: flag ${id} should stand`).toContain(id);
      for (const id of e.notFlags) expect(standing, `${label}: flag ${id} must not stand`).not.toContain(id);
      for (const [id, lvl] of Object.entries(e.flagLevels ?? {})) {
        const flag = result.flags.find((f) => f.ruleId === id);
        expect(flag?.level, `${label}: level of ${id}`).toBe(lvl);
      }
      if (e.hard !== undefined) expect(sorted(result.flags.filter((f) => f.hard).map((f) => f.ruleId)), `${label}: hard flags`).toEqual(sorted(e.hard));
      // The list of rule ids is meant to be complete: a flag nobody predicted is a finding too.
      expect(sorted(standing), `${label}: standing flags`).toEqual(sorted(e.flags));
    });

    it('rates the domains, the overall risk and the confidence as expected', () => {
      for (const [domain, lvl] of Object.entries(e.domains)) {
        expect(result.ratings[domain as keyof typeof result.ratings].level, `${label}: ${domain} rating`).toBe(lvl);
      }
      expect(result.overall.level, `${label}: overall rating`).toBe(e.overall);
      if (e.confidence !== undefined) expect(result.confidence?.level, `${label}: confidence`).toBe(e.confidence);
    });

    it('allows and blocks the expected recommendations', () => {
      const blocked = result.recommendations.blocked.map((b) => b.recommendation);
      for (const r of e.allowed) expect(result.recommendations.allowed, `${label}: ${r} should be allowed`).toContain(r);
      for (const r of e.blocked) {
        expect(result.recommendations.allowed, `${label}: ${r} should not be allowed`).not.toContain(r);
        expect(blocked, `${label}: ${r} should be blocked with reasons`).toContain(r);
      }
      if (e.overrideActive !== undefined) {
        expect(result.recommendations.overrideActive, `${label}: override active`).toBe(e.overrideActive);
      }
      if (e.overrideState !== undefined) expect(result.override.state, `${label}: override state`).toBe(e.overrideState);
    });

    it('reports the expected missing items and sign-off state', () => {
      if (e.missing !== undefined) {
        expect(result.missing.map((m) => m.item), `${label}: missing items`).toEqual(e.missing);
      }
      if (e.signOffBlockers !== undefined) {
        expect(sorted(result.signOff.blockers.map((b) => b.key)), `${label}: sign-off blockers`).toEqual(sorted(e.signOffBlockers));
      }
      if (e.signOffReady !== undefined) {
        expect(result.signOff.ready, `${label}: sign-off ready`).toBe(e.signOffReady);
      }
      if (e.signOffState !== undefined) expect(result.signOff.state, `${label}: sign-off state`).toBe(e.signOffState);
    });
  });
});
