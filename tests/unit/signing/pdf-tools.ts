// Helpers for the signing tests: a small summary PDF built with pdf-lib, and poppler/NSS tools run
// on real files. pdfsig exits 0 even for invalid signatures, so callers must read its text.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { AFRelationship, PDFDocument, StandardFonts } from 'pdf-lib';

export const ATTACHMENT_JSON = JSON.stringify({ format: 'homeward-assessment', version: 1, caseRef: 'CASE-0042', ratings: { overall: 'high' } });

export async function buildSummaryPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Risk assessment summary');
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Risk assessment summary', { x: 50, y: 780, size: 20, font });
  page.drawText('Case CASE-0042: overall rating high.', { x: 50, y: 750, size: 12, font });
  await doc.attach(new TextEncoder().encode(ATTACHMENT_JSON), 'assessment.json', {
    mimeType: 'application/json',
    description: 'Machine-readable assessment',
    afRelationship: AFRelationship.Data,
  });
  return doc.save({ useObjectStreams: false });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'homeward-signing-'));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function run(command: string, args: readonly string[]): { status: number | null; text: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}. Install poppler-utils (apt-get install -y poppler-utils).`);
  return { status: result.status, text: `${result.stdout}${result.stderr}` };
}

/** pdfsig's full output (stdout + stderr); optional NSS database dir ("sql:DIR"). */
export function pdfsig(path: string, nssDir?: string): string {
  return run('pdfsig', nssDir === undefined ? [path] : ['-nssdir', nssDir, path]).text;
}

export function pdfdetachList(path: string): string {
  return run('pdfdetach', ['-list', path]).text;
}

/** Every embedded file, as poppler's pdfdetach saves it (not the app's own reader): name → text. */
export function detachedTexts(path: string): Record<string, string> {
  const dir = tempDir();
  const saved = run('pdfdetach', ['-saveall', '-o', dir, path]);
  if (saved.status !== 0) throw new Error(`pdfdetach failed: ${saved.text}`);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/**
 * Splits pdfsig output into one block per signed "Signature #n:". The empty signature fields a
 * certified summary prepares for later countersignatures print "The signature form field is not
 * signed." and are left out.
 */
export function pdfsigBlocks(text: string): string[] {
  return text.split(/^Signature #\d+:$/m).slice(1).filter((block) => !block.includes('The signature form field is not signed.'));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const CERTUTIL_MISSING =
  'certutil (NSS tools) is not installed, so the "Certificate is Trusted." check cannot run. ' +
  'Install it with `apt-get install -y libnss3-tools` (Debian/Ubuntu), or point CERTUTIL at a certutil binary.';

/** certutil from $CERTUTIL or PATH, or undefined. */
export function findCertutil(): string | undefined {
  const fromEnv = process.env.CERTUTIL;
  if (fromEnv !== undefined && fromEnv !== '' && isExecutable(fromEnv)) return fromEnv;
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'certutil'))
    .find((candidate) => candidate !== 'certutil' && isExecutable(candidate));
}

/** A fresh NSS database trusting `rootPem` for signing; returns "sql:DIR". */
export function nssDbTrusting(certutil: string, rootPem: string): string {
  const dir = tempDir();
  const rootPath = writeTemp(dir, 'root.pem', rootPem);
  for (const args of [
    ['-N', '-d', `sql:${dir}`, '--empty-password'],
    ['-A', '-d', `sql:${dir}`, '-n', 'org-root', '-t', 'CT,C,C', '-i', rootPath],
  ]) {
    const result = run(certutil, args);
    if (result.status !== 0) throw new Error(`certutil ${args.join(' ')} failed: ${result.text}`);
  }
  return `sql:${dir}`;
}

/**
 * The text a PDF reader shows, signature appearances included: qpdf flattens every annotation's
 * appearance into its page, then pdftotext reads the page in content-stream order.
 */
export function flattenedText(path: string): string {
  const output = `${path}.flat.pdf`;
  const flatten = spawnSync('qpdf', ['--flatten-annotations=all', path, output], { encoding: 'utf8' });
  if (flatten.error) throw new Error(`qpdf could not run: ${flatten.error.message}. Install qpdf (apt-get install -y qpdf).`);
  // qpdf exits 3 for warnings (it notes that signatures cannot stay valid in the flattened copy).
  if (flatten.status !== 0 && flatten.status !== 3) throw new Error(`qpdf failed: ${flatten.stderr}`);
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', output, '-']).text.replace(/\s+/g, ' ');
}
