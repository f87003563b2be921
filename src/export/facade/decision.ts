/**
 * A reviewer's decision, carried in the countersignature's /Reason so any PDF reader shows it and
 * the verify screen can read it back. The text is fixed English with a stable prefix: it is part of
 * the signed bytes, read by people with other tools, and must parse the same in every app language.
 * Pure (no pdf-lib), so the verify screen can import it without the export chunk.
 */
export type Decision = { readonly kind: 'approve'; readonly comments?: string } | { readonly kind: 'return'; readonly comments: string };

const APPROVED = 'Homeward decision: approved';
const RETURNED = 'Homeward decision: returned for changes';
/** A /Reason string must stay well inside the 16 KiB signature placeholder's neighbourhood. */
export const MAX_COMMENTS = 2000;

export class DecisionError extends Error {
  override name = 'DecisionError';
}

/** Collapses control characters (a signed /Reason is a single PDF string) and trims. */
function clean(text: string | undefined): string {
  return [...(text ?? '')]
    .map((char) => {
      const code = char.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? ' ' : char;
    })
    .join('')
    .trim();
}

/** The /Reason text for a decision. Return for changes requires comments. */
export function formatDecisionReason(decision: Decision): string {
  const comments = clean(decision.comments);
  if (comments.length > MAX_COMMENTS) throw new DecisionError(`Comments are limited to ${String(MAX_COMMENTS)} characters.`);
  if (decision.kind === 'return') {
    if (comments === '') throw new DecisionError('Comments are required when returning for changes.');
    return `${RETURNED}. Comments: ${comments}`;
  }
  return comments === '' ? APPROVED : `${APPROVED}. Comments: ${comments}`;
}

/** Reads a /Reason back; null when it is not a Homeward decision (e.g. the caseworker's own signature). */
export function parseDecisionReason(reason: string): Decision | null {
  for (const [prefix, kind] of [[APPROVED, 'approve'], [RETURNED, 'return']] as const) {
    if (reason === prefix) return kind === 'approve' ? { kind } : null;
    if (reason.startsWith(`${prefix}. Comments: `)) {
      const comments = reason.slice(prefix.length + '. Comments: '.length);
      return kind === 'approve' ? { kind, comments } : { kind, comments };
    }
  }
  return null;
}

/** /Reason of the caseworker's first signature over the summary. */
export const PREPARED_REASON = 'Homeward assessment summary, prepared and signed by the assessor';
