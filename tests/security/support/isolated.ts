// verdictOf in a child process with a hard time limit, for files built to freeze a verifier. A
// hang or a crash is returned as a sentence (the test fails with it) instead of stalling the suite.
// The limit guards the suite; it is not a performance assertion (the 2-s budget is the browser test's).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SecurityVerdict } from './verdict';

const CHILD = fileURLToPath(new URL('./verdict-child.mjs', import.meta.url));

export function verdictInChild(pdfPath: string, rootPem: string, timeoutMs: number): Promise<SecurityVerdict | string> {
  const rootPath = join(mkdtempSync(join(tmpdir(), 'homeward-security-')), 'root.pem');
  writeFileSync(rootPath, rootPem);
  return new Promise((resolve) => {
    // The child's module loading (~1 s) is not the verifier's time: the clock starts when it is spawned
    // and the limit is generous for that reason.
    const child = spawn(process.execPath, ['--max-old-space-size=2048', CHILD, pdfPath, rootPath]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killed) return resolve(`the verifier did not finish within ${timeoutMs / 1000} s (hang): killed`);
      if (code !== 0) return resolve(`the verifier crashed (exit ${String(code ?? signal)}): ${err.trim().split('\n').slice(-3).join(' | ')}`);
      try {
        resolve(JSON.parse(out) as SecurityVerdict);
      } catch {
        resolve(`the verifier printed no verdict: ${out.slice(0, 200)}`);
      }
    });
  });
}
