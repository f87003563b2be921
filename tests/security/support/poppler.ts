// What poppler's command-line readers show of a file: page 1's text (pdftotext), the embedded
// files (pdfdetach). Premise tests use them to prove that an attack file really shows the attacker's
// content somewhere, so that the app's verdict on it means something.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ascii, latin1 } from '../../../src/export/signing/bytes';

export interface PopplerView {
  /** pdftotext of page 1. */
  readonly page1: string;
  /** `pdfdetach -list` output. */
  readonly list: string;
  /** Embedded file `n` (1-based, as pdfdetach numbers them) parsed as JSON, or null if it could not be saved or parsed. */
  readonly file: (n: number) => unknown;
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}. Install poppler-utils.`);
  return result.stdout;
}

/** The same bytes with the final startxref's digits zeroed: poppler then rebuilds the table by scanning the file. */
export function withRebuildForced(bytes: Uint8Array): Uint8Array {
  const text = latin1(bytes);
  const match = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(text);
  if (match?.[1] === undefined) throw new Error('no final startxref');
  const at = match.index + match[0].indexOf(match[1]);
  const out = bytes.slice();
  out.set(ascii('0'.repeat(match[1].length)), at);
  return out;
}

/** What pdftotext and pdfdetach show of `bytes`. */
export function popplerView(bytes: Uint8Array, name = 'file.pdf'): PopplerView {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-poppler-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return {
    page1: run('pdftotext', ['-f', '1', '-l', '1', path, '-']),
    list: run('pdfdetach', ['-list', path]),
    file: (n) => {
      const out = join(dir, `file-${n}.json`);
      run('pdfdetach', ['-save', String(n), '-o', out, path]);
      try {
        return JSON.parse(readFileSync(out, 'utf8')) as unknown;
      } catch {
        return null;
      }
    },
  };
}
