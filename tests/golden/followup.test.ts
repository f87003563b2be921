/**
 * Golden cases of the follow-up instrument (homeward-followup v1), in tests/golden/cases-followup/:
 * realistic, fictional checks after return, each with expectations derived by hand from the rule
 * table, the outcome definitions and the scoring in docs/followup-instrument.md. A case file is
 * `{ title, now, instrument, plan?, answers, expect }` (scripts/lib/case-file.ts); `plan` is what
 * the assessment's follow-up plan recorded (P5, P7). `npm run assess -- --format text <file>`
 * prints one as a reviewer reads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assessFollowUp, type FollowUpResult } from '../../src/engine';
import { flagLevels, getFollowUpInstrument } from '../../src/instrument';
import { caseFileSchema, isFollowUpCase, resolveFollowUpCase } from '../../scripts/lib/case-file';

const action = z.strictObject({ plan: z.enum(['escalation', 'lostContact']), rules: z.array(z.string()), steps: z.string().nullable() });
const score = z.strictObject({ score: z.number().nullable(), band: z.string().nullable(), answered: z.number(), of: z.number() });

const expectSchema = z.strictObject({
  /** every standing rule id (any level): the complete list */
  flags: z.array(z.string()),
  flagLevels: z.record(z.string(), z.enum(flagLevels)).optional(),
  alert: z.strictObject({ rules: z.array(z.string()), actions: z.array(action) }).nullable(),
  actions: z.array(action),
  /** every declared outcome, with its value */
  outcomes: z.record(z.string(), z.string()),
  scores: z.strictObject({
    dimensions: z.strictObject({ economic: score, social: score, psychosocial: score }),
    composite: z.strictObject({ score: z.number().nullable(), band: z.string().nullable() }),
  }).nullable(),
  complete: z.boolean(),
  /** the exact list of missing item codes, in instrument order */
  missing: z.array(z.string()).optional(),
});

const goldenSchema = caseFileSchema.extend({
  title: z.string().min(1),
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  instrument: z.strictObject({ id: z.literal('homeward-followup'), version: z.literal(1) }),
  expect: expectSchema,
});

const folder = new URL('./cases-followup/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();

describe('golden cases of homeward-followup v1', () => {
  it('has at least 15 cases, covering every coded outcome\'s "yes" and every STOP rule', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const all = files.map((f) => goldenSchema.parse(JSON.parse(readFileSync(new URL(f, folder), 'utf8'))));
    const instrument = getFollowUpInstrument('homeward-followup', 1);
    const stops = instrument.rules.filter((r) => r.level === 'STOP').map((r) => r.id);
    const raised = new Set(all.flatMap((c) => c.expect.flags));
    expect(stops.filter((id) => !raised.has(id)), 'STOP rules no case raises').toEqual([]);
    const yes = new Set(all.flatMap((c) => Object.entries(c.expect.outcomes).filter(([, v]) => v !== 'no' && v !== 'not_asked' && v !== 'unknown').map(([k]) => k)));
    expect(instrument.followUp.outcomes.map((o) => o.code).filter((code) => !yes.has(code)), 'outcomes never positive in any case').toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
    const c = goldenSchema.parse(raw);
    const label = `${file} (${c.title})`;
    const check = resolveFollowUpCase(c, c.now);
    const result: FollowUpResult = assessFollowUp(check.instrument, check.answers, { now: check.now, plan: check.plan });
    const e = c.expect;

    it('is read as a follow-up check, with well-formed answers', () => {
      expect(isFollowUpCase(c)).toBe(true);
      expect(result.errors, `${label}: validation errors`).toEqual([]);
      const ids = new Set(check.instrument.rules.map((r) => r.id));
      for (const id of [...e.flags, ...Object.keys(e.flagLevels ?? {})]) expect(ids.has(id), `${label}: unknown rule ${id}`).toBe(true);
    });

    it('raises exactly the expected flags, at the expected levels', () => {
      expect(result.flags.map((f) => f.ruleId), `${label}: flags in order (STOP first)`).toEqual(e.flags);
      for (const [id, level] of Object.entries(e.flagLevels ?? {})) {
        expect(result.flags.find((f) => f.ruleId === id)?.level, `${label}: level of ${id}`).toBe(level);
      }
    });

    it('raises the STOP alert, naming the actions the follow-up plan recorded, exactly when a STOP stands', () => {
      expect(result.alert === null ? null : { rules: result.alert.rules, actions: result.alert.actions }, `${label}: alert`).toEqual(e.alert);
      expect(result.alert?.level ?? 'STOP').toBe('STOP');
      expect(result.actions, `${label}: actions`).toEqual(e.actions);
      expect(result.alert !== null, `${label}: an alert iff a STOP stands`).toBe(result.flags.some((f) => f.level === 'STOP'));
    });

    it('codes every outcome as expected', () => {
      expect(result.outcomes, `${label}: outcomes`).toEqual(e.outcomes);
    });

    it('computes the expected scores (or none at a check without them)', () => {
      expect(result.scores, `${label}: scores`).toEqual(e.scores);
    });

    it('is complete, or lists what is missing', () => {
      expect(result.complete, `${label}: complete`).toBe(e.complete);
      if (e.missing !== undefined) expect(result.missing.map((m) => m.item), `${label}: missing`).toEqual(e.missing);
    });
  });
});
