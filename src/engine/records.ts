/**
 * The records the review screen writes at a moment of decision, built from the answers as they
 * are now: an override of named STOP rules, and a sign-off. Each keeps the answers it rests on,
 * so the engine can tell when it lapses (override.ts, signoff.ts).
 */
import type { Answers, Instrument, OverrideAnswer, SignOffAnswer } from '../instrument/schema';
import { buildOverrideRecord, type OverrideInput } from './override';
import { computeFlags } from './rules';
import { buildSignOffRecord, type SignOffRecordInput } from './signoff-record';
import type { AssessOptions } from './types';
import { createContext } from './visibility';

export function overrideRecord(instrument: Instrument, answers: Answers, input: OverrideInput, options: AssessOptions): OverrideAnswer {
  const ctx = createContext(instrument, answers, options);
  return buildOverrideRecord(ctx, computeFlags(ctx), input);
}

export function signOffRecord(instrument: Instrument, answers: Answers, input: SignOffRecordInput, options: AssessOptions): SignOffAnswer {
  const ctx = createContext(instrument, answers, options);
  return buildSignOffRecord(ctx, computeFlags(ctx), input);
}

export type { OverrideInput, SignOffRecordInput };
