/**
 * `npm run pool -- a.json b.json … --out pooled.json [--threshold N]`: combines the outcome
 * exports of several organisations into one and suppresses small cells again (src/outcomes).
 * Each input is read as a possibly hostile file and refused with a reason. The output is never
 * written over an existing file. Exit 0: written; 2: an input or option could not be used.
 */
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportFileError, limits, MIN_THRESHOLD, pool, readExport, type PoolInput } from '../src/outcomes';

const HELP = `usage: npm run pool -- <export.json>… --out <pooled.json> [--threshold N]

Combines Homeward outcome exports (aggregate counts, small cells withheld) from several
organisations into one file, and withholds small cells again, with their complements.

Options:
  --out FILE       where to write the pooled export (must not exist yet)
  --threshold N    smallest count shown (default: the highest of the inputs' thresholds, at least ${String(MIN_THRESHOLD)}; it can only be raised)
  -h, --help       this help

Exit status: 0 written; 2 an input or option could not be used (the reason is printed).`;

class UsageError extends Error {}

function readInput(path: string): PoolInput {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${path} is not a file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${path}: check the path.`);
  }
  if (size > limits.bytes) throw new UsageError(`${path} refused: larger than ${String(limits.bytes)} bytes; an outcome export is far smaller.`);
  try {
    return readExport(readFileSync(path, 'utf8'));
  } catch (e) {
    if (e instanceof ExportFileError) throw new UsageError(`${path} refused: ${e.message}`);
    throw e;
  }
}

export function run(argv: readonly string[]): { code: number; message: string } {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: 'string' }, threshold: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return { code: 2, message: `${e instanceof Error ? e.message : String(e)}\n\n${HELP}` };
  }
  if (args.values.help) return { code: 0, message: HELP };
  try {
    const out = args.values.out;
    if (!out) throw new UsageError('--out FILE is required.');
    if (args.positionals.length === 0) throw new UsageError('name at least one export to pool.');
    if (args.positionals.some((p) => resolve(p) === resolve(out))) throw new UsageError('--out must not be one of the inputs.');
    const raw = args.values.threshold;
    const threshold = raw === undefined ? undefined : Number(raw);
    if (threshold !== undefined && (!/^\d{1,4}$/.test(raw ?? '') || (threshold ?? 0) < MIN_THRESHOLD || (threshold ?? 0) > limits.threshold)) {
      throw new UsageError(`--threshold must be a whole number from ${String(MIN_THRESHOLD)} to ${String(limits.threshold)}; it can only be raised.`);
    }
    const inputs = args.positionals.map(readInput);
    const pooled = pool(inputs, threshold === undefined ? {} : { threshold });
    let fd: number;
    try {
      fd = openSync(out, 'wx');
    } catch {
      throw new UsageError(`cannot write ${out}: it exists already or the folder is not writable. Nothing was overwritten.`);
    }
    try {
      writeSync(fd, `${JSON.stringify(pooled.export, null, 1)}\n`);
    } finally {
      closeSync(fd);
    }
    const { primary, secondary, withheld } = pooled.suppression;
    return {
      code: 0,
      message: `pooled ${String(inputs.length)} exports into ${out}: threshold ${String(pooled.export.threshold)}; `
        + `${String(withheld.size)} cells withheld (${String(withheld.size - primary - secondary)} already withheld by an input, `
        + `${String(primary)} small, ${String(secondary)} complements).`,
    };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, message: e.message };
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { code, message } = run(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(message);
  process.exitCode = code;
}
