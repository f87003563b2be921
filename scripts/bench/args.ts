/** Command-line options of `npm run bench` (pure; tests/unit/bench/args.test.ts). */

export const PARTS = ['size', 'lighthouse', 'coldstart', 'typing', 'autosave', 'unlock', 'journey', 'pdf', 'offline'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  readonly parts: readonly Part[];
  readonly json: string | null;
  /** Skip `vite build` and measure the build already in the dist folder. */
  readonly build: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--only ${PARTS.join(',')}] [--json out.json] [--no-build]

Builds the production app (vite build into dist/; with HOMEWARD_DIST=folder the build already in
that folder is measured instead), serves it on 127.0.0.1 and prints one table of figures with their
budgets. --only runs some parts; --json also writes the figures to a file.`;

function isPart(name: string): name is Part {
  return (PARTS as readonly string[]).includes(name);
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  let parts: Part[] = [...PARTS];
  let json: string | null = null;
  let build = true;
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value.`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--only': {
        const names = value().split(',').map((s) => s.trim()).filter((s) => s !== '');
        const unknown = names.filter((n) => !isPart(n));
        if (unknown.length > 0) throw new Error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${PARTS.join(', ')}.`);
        if (names.length === 0) throw new Error('--only needs at least one part.');
        // Keep the table's order whatever order was asked.
        parts = PARTS.filter((p) => names.includes(p));
        break;
      }
      case '--json':
        json = value();
        break;
      case '--no-build':
        build = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
    }
  }
  return { parts, json, build, help };
}
