// WARNING: verification entry point for summaries (used by the worker and by Node scripts). It
// decides which embedded assessment a reviewer sees: only the first signed revision's, only for a
// file that verified (verify.ts), parsed as JSON of the expected format.
import type * as pkijs from 'pkijs';
import { parseCertificate } from '../signing/pem';
import type { VerifyReport } from './report';
import { verifyPdf } from './verify';

export const SUMMARY_ATTACHMENT = 'assessment.json';

export interface SummaryCheck {
  readonly report: VerifyReport;
  /** The embedded machine-readable assessment of the first signed revision, or null (not verified, absent, unreadable). */
  readonly assessment: unknown;
}

function parseRoots(rootsPem: readonly string[]): pkijs.Certificate[] {
  const roots: pkijs.Certificate[] = [];
  for (const pem of rootsPem) {
    try {
      roots.push(parseCertificate(pem));
    } catch {
      // A damaged stored root must not stop verification; it simply trusts nothing.
    }
  }
  return roots;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** Verifies every signature of a summary and reads its embedded assessment. Never throws. */
export async function checkSummary(bytes: Uint8Array, rootsPem: readonly string[], now?: Date): Promise<SummaryCheck> {
  const { attachment, ...report } = await verifyPdf(bytes, { trustedRoots: parseRoots(rootsPem), attachmentName: SUMMARY_ATTACHMENT, ...(now ? { now } : {}) });
  return { report, assessment: attachment === null ? null : parseJson(attachment) };
}
