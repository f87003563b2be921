/**
 * Golden cases: realistic, fictional assessments of the shipped instrument (v1), each with
 * expectations derived by hand from the rule table in docs/instrument-authoring.md and the
 * engine contract (src/engine/README.md). A case file is
 * `{ title, now, answers, expect }`; see the schema below for what `expect` may assert.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assess, ratingLevels, type AssessmentResult } from '../../src/engine';
import {
  CURRENT, answersSchema, domains, flagLevels, getInstrument, recommendations,
} from '../../src/instrument';

const level = z.enum(ratingLevels);
const recommendation = z.enum(recommendations);

const caseSchema = z.strictObject({
  title: z.string().min(1),
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  answers: z.unknown(),
  expect: z.strictObject({
    overall: level,
    /** only the domains asserted */
    domains: z.partialRecord(z.enum(domains), level),
    /** rule ids that must stand (any level, INFO included) */
    flags: z.array(z.string()),
    /** rule ids that must not stand */
    notFlags: z.array(z.string()),
    /** the level each listed rule's flag must have */
    flagLevels: z.record(z.string(), z.enum(flagLevels)).optional(),
    allowed: z.array(recommendation),
    blocked: z.array(recommendation),
    profile: z.strictObject({ isChild: z.boolean(), isYoungAdult: z.boolean() }),
    overrideActive: z.boolean().optional(),
    signOffReady: z.boolean().optional(),
    /** the exact set of sign-off blocker keys */
    signOffBlockers: z.array(z.string()).optional(),
    /** the exact list of missing item codes, in instrument order */
    missing: z.array(z.string()).optional(),
  }),
});
type GoldenCase = z.infer<typeof caseSchema>;

const dir = new URL('./cases/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const instrument = getInstrument(CURRENT.id, CURRENT.version);
const ruleIds = new Set(instrument.rules.map((r) => r.id));

function load(file: string): GoldenCase {
  const raw: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  return caseSchema.parse(raw);
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('golden cases (homeward-return v1)', () => {
  it('has at least 12 cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(files)('%s', (file) => {
    const c = load(file);
    const label = `${file} (${c.title})`;
    const answers = answersSchema.parse(c.answers);
    const result: AssessmentResult = assess(instrument, answers, { now: c.now });
    const standing = result.flags.map((f) => f.ruleId);
    const e = c.expect;

    it('names only real rules, and lists no recommendation as both allowed and blocked', () => {
      for (const id of [...e.flags, ...e.notFlags, ...Object.keys(e.flagLevels ?? {})]) {
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
      // The list of rule ids is meant to be complete: a flag nobody predicted is a finding too.
      expect(sorted(standing), `${label}: standing flags`).toEqual(sorted(e.flags));
    });

    it('rates the domains and the overall risk as expected', () => {
      for (const [domain, lvl] of Object.entries(e.domains)) {
        expect(result.ratings[domain as keyof typeof result.ratings].level, `${label}: ${domain} rating`).toBe(lvl);
      }
      expect(result.overall.level, `${label}: overall rating`).toBe(e.overall);
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
    });
  });
});
