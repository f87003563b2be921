/**
 * Writes the signed PDF summary of a fictional case, for looking at the layout:
 *   npx tsx scripts/summary-preview.ts [out.pdf] [working-lang] [person-lang] [golden-case.json from tests/golden/cases]
 * e.g. `npx tsx scripts/summary-preview.ts /tmp/summary-ar.pdf ar` or `... /tmp/bi.pdf en ar`.
 * Prints the build and sign times (goal: under 1 s together in Node).
 */
import { writeFileSync } from 'node:fs';
import { buildSummaryPdf } from '../src/export/summary';
import { createSelfSignedCertificate } from '../src/export/signing/certificates';
import { generateSigningKeyPair } from '../src/export/signing/keys';
import { signPdf } from '../src/export/signing/sign';
import { readFonts, summaryInput } from '../tests/unit/summary/fixture';

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.json')) ?? '15-adult-unverified-meeter-override-by-supervisor.json';
const [out = 'summary-preview.pdf', working = 'en', person] = args.filter((a) => !a.endsWith('.json'));

async function main(): Promise<void> {
  const input = summaryInput(file, working, person);
  const fonts = readFonts();
  const keys = await generateSigningKeyPair();
  const certificate = await createSelfSignedCertificate(keys, { cn: input.assessor.name, o: input.assessor.organisation });
  const started = performance.now();
  const unsigned = await buildSummaryPdf(input, fonts);
  const built = performance.now();
  const signed = await signPdf(unsigned, { privateKey: keys.privateKey, certificate, chain: [], name: input.assessor.name, reason: 'Prepared by caseworker', date: input.createdAt });
  const done = performance.now();
  writeFileSync(out, signed);
  console.log(`${out}: ${signed.length} bytes; build ${Math.round(built - started)} ms, sign ${Math.round(done - built)} ms, total ${Math.round(done - started)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
