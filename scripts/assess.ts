/**
 * `npm run assess -- answers.json`: runs the engine on a file of answers and prints the full
 * result as JSON. The file is either an answers object ({ "E1": "yes", … }) or
 * { "now": "YYYY-MM-DD", "instrument": { "id", "version" }, "answers": { … } }.
 * Exit 2 means the input could not be used; the message says what to fix.
 * This is the only place in the engine's reach that reads a clock (the default `now`).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { assess } from '../src/engine';
import { answersSchema, CURRENT, getInstrument, type Answers } from '../src/instrument';

const USAGE = 'usage: npm run assess -- <answers.json>';

const wrappedSchema = z.strictObject({
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'now must be an ISO date, e.g. 2026-11-27').optional(),
  instrument: z.strictObject({ id: z.string().min(1), version: z.number().int().positive() }).optional(),
  answers: answersSchema,
});

class InputError extends Error {}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read ${path}: check the path.`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
}

const NOT_AN_ANSWER = 'not a valid answer (expected text, a number, a list of options or rows, '
  + '{ "special": "unknown" | "declined" }, a verbatim or a signature object)';

/** One line per problem, naming the key, e.g. "answers.E2: not a valid answer …". */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => {
    const where = i.path.map(String).join('.') || '(root)';
    return `${where}: ${i.code === 'invalid_union' ? NOT_AN_ANSWER : i.message}`;
  }).join('\n  ');
}

interface Input { now: string; id: string; version: number; answers: Answers }

function parseInput(data: unknown): Input {
  const wrapped = typeof data === 'object' && data !== null && !Array.isArray(data) && 'answers' in data;
  if (wrapped) {
    const parsed = wrappedSchema.safeParse(data);
    if (!parsed.success) throw new InputError(`invalid input:\n  ${describeIssues(parsed.error)}`);
    const { now, instrument, answers } = parsed.data;
    return { now: now ?? today(), id: instrument?.id ?? CURRENT.id, version: instrument?.version ?? CURRENT.version, answers };
  }
  const parsed = answersSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`invalid answers:\n  ${describeIssues(parsed.error)}`);
  return { now: today(), id: CURRENT.id, version: CURRENT.version, answers: parsed.data };
}

function main(argv: readonly string[]): number {
  const path = argv[0];
  if (path === undefined) {
    console.error(USAGE);
    return 2;
  }
  try {
    const input = parseInput(readJson(path));
    const result = assess(getInstrument(input.id, input.version), input.answers, { now: input.now });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof RangeError) {
      console.error(`assess: ${e.message}`);
      return 2;
    }
    console.error(`assess: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
