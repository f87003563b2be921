// poppler's pdfsig as a second opinion, with the trusted organisation root in an NSS database.
// pdfsig exits 0 even for a bad signature, so only its text is read.
import { spawn } from 'node:child_process';
import { CERTUTIL_MISSING, findCertutil, nssDbTrusting } from '../../unit/signing/pdf-tools';

export interface PdfsigSignature {
  /** The text after "Signature Validation: ", e.g. "Signature is Valid." or "Digest Mismatch.". */
  readonly validation: string;
  /** The text after "Certificate Validation: ", e.g. "Certificate is Trusted.". */
  readonly certificate: string;
  /** "Total document signed" (true), "Not total document signed" (false), or not said. */
  readonly wholeDocument: boolean | null;
  readonly text: string;
}

export interface PdfsigReport {
  readonly text: string;
  readonly signatures: readonly PdfsigSignature[];
}

const databases = new Map<string, string>();

/** An NSS database trusting `rootPem` for signing (one per root per process). */
export function nssDatabase(rootPem: string): string {
  const known = databases.get(rootPem);
  if (known !== undefined) return known;
  const certutil = findCertutil();
  if (certutil === undefined) throw new Error(CERTUTIL_MISSING);
  const made = nssDbTrusting(certutil, rootPem);
  databases.set(rootPem, made);
  return made;
}

function line(block: string, label: string): string {
  return new RegExp(`- ${label}: (.*)`).exec(block)?.[1]?.trim() ?? '';
}

/** One block per signed field; the empty fields a certified summary prepares ("not signed") are left out. */
export function parsePdfsig(text: string): PdfsigReport {
  const blocks = text.split(/^Signature #\d+:$/m).slice(1).filter((block) => !block.includes('The signature form field is not signed.'));
  return {
    text,
    signatures: blocks.map((block) => ({
      validation: line(block, 'Signature Validation'),
      certificate: line(block, 'Certificate Validation'),
      wholeDocument: /^\s*- Total document signed/m.test(block) ? true : /^\s*- Not total document signed/m.test(block) ? false : null,
      text: block,
    })),
  };
}

/** pdfsig on a file, killed after `timeoutMs` (a hostile file must not hang the suite either). */
export function pdfsig(path: string, nssDir: string, timeoutMs = 20_000): Promise<PdfsigReport> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdfsig', ['-nssdir', nssDir, path]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`pdfsig could not run: ${error.message}. Install poppler-utils.`));
    });
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(parsePdfsig(signal === null ? out : `${out}\n[pdfsig killed after ${timeoutMs} ms]`));
    });
  });
}
