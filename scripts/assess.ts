/**
 * `npm run assess -- [options] <file>…`: runs the engine on case files and prints the result.
 * A file is an answers object ({ "E1": "yes", … }) or a case file (scripts/lib/case-file.ts):
 * { "now", "instrument", "answers", "decisions" } — golden case files are read as they are.
 * Exit 2 means an input could not be used; the message says which and what to fix.
 * This is the only place in the engine's reach that reads a clock (the default `now`).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { assess, assessFollowUp, type AssessmentResult, type FollowUpResult } from '../src/engine';
import { answersSchema } from '../src/instrument';
import { caseFileSchema, isFollowUpCase, resolveCase, resolveFollowUpCase, type CaseFile } from './lib/case-file';
import { createExplainer } from './lib/explain';
import { explainFollowUp } from './lib/explain-followup';

const HELP = `usage: npm run assess -- [options] <file.json>…

Runs the assessment engine on each file and prints the result.

A file is either an answers object ({ "E1": "yes", … }) or a case file:
  { "title"?, "now"?: "YYYY-MM-DD", "instrument"?: { "id", "version" },
    "answers": { … }, "decisions"?: [ … ], "expect"?: … }
Golden case files (tests/golden/cases*/) are case files. A case file naming a follow-up
instrument ({ "id": "homeward-followup", "version": 1 }) is one check after return: it may add
"plan": { "escalation", "lostContact" }, the actions the assessment's follow-up plan recorded.

Options:
  --now DATE        assess as of DATE (YYYY-MM-DD); overrides the file's "now" (default: the file's, else today)
  --lang CODE       language of the text format: en, ar, vi, ro, sq, ti (default en)
  --format FORMAT   json (the full result; default) or text (the explanation a person reads)
  -h, --help        this help

Exit status: 0 all assessed; 2 a file or option could not be used (nothing is printed for it).`;

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

function parseCase(data: unknown, path: string): CaseFile {
  const wrapped = typeof data === 'object' && data !== null && !Array.isArray(data) && 'answers' in data;
  if (wrapped) {
    const parsed = caseFileSchema.safeParse(data);
    if (!parsed.success) throw new InputError(`${path}: invalid input:\n  ${describeIssues(parsed.error)}`);
    return parsed.data;
  }
  const parsed = answersSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${path}: invalid answers:\n  ${describeIssues(parsed.error)}`);
  return { answers: parsed.data };
}

interface Options { now: string | undefined; lang: string; format: 'json' | 'text'; files: string[] }

function options(argv: readonly string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { now: { type: 'string' }, lang: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return 'help';
  if (values.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.now)) throw new InputError('--now must be a date like 2026-11-27.');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text') throw new InputError('--format must be json or text.');
  if (positionals.length === 0) throw new InputError('give at least one file (see --help).');
  return { now: values.now, lang: values.lang ?? 'en', format, files: positionals };
}

function run(opts: Options): number {
  const results: { file: string; result: AssessmentResult | FollowUpResult }[] = [];
  const texts: string[] = [];
  for (const file of opts.files) {
    const parsed = parseCase(readJson(file), file);
    const c = opts.now ? { ...parsed, now: opts.now } : parsed;
    if (isFollowUpCase(c)) {
      const check = resolveFollowUpCase(c, today());
      const result = assessFollowUp(check.instrument, check.answers, { now: check.now, plan: check.plan });
      results.push({ file, result });
      if (opts.format === 'text') texts.push(explainFollowUp(result, opts.lang, `== ${check.title ?? basename(file)} ==`));
      continue;
    }
    const resolved = resolveCase(c, today());
    const result = assess(resolved.instrument, resolved.answers, { now: resolved.now });
    results.push({ file, result });
    if (opts.format === 'text') {
      texts.push(createExplainer(opts.lang, resolved.instrument).explain(result, resolved.instrument, `== ${resolved.title ?? basename(file)} ==`));
    }
  }
  if (opts.format === 'text') process.stdout.write(texts.join('\n'));
  else if (results.length === 1) process.stdout.write(`${JSON.stringify(results[0]?.result, null, 2)}\n`);
  else process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

function main(argv: readonly string[]): number {
  try {
    const opts = options(argv);
    if (opts === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    return run(opts);
  } catch (e) {
    if (e instanceof InputError || e instanceof RangeError || (e instanceof TypeError && 'code' in e)) {
      console.error(`assess: ${e.message}`);
      return 2;
    }
    console.error(`assess: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
