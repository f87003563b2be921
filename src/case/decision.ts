/**
 * A reviewer's decision, carried in the countersignature's /Reason so any PDF reader shows it and
 * Homeward reads it back (src/case/state.ts). The text is fixed English with a stable prefix: it is
 * part of the signed bytes, read by people with other tools, and must parse the same in every app
 * language. Pure (no pdf-lib, no DOM).
 *
 *   Homeward decision: approved[. Comments: …]
 *   Homeward decision: returned for changes. Comments: …
 *   Homeward decision: override of STOP rules <id>, <id>. Reason: …
 *   Homeward decision: hand-over accepted. Met by: …. First night: …. First contact: YYYY-MM-DD[. Comments: …]
 *   Homeward decision: hand-over declined. Reasons: …
 */
/** What the receiving organisation commits to when it accepts the hand-over (issue 16.4). */
export interface Handover {
  /** Who meets the person on arrival (name, role, organisation). */
  readonly metBy: string;
  /** Where the person spends the first night. */
  readonly firstNight: string;
  /** The date of the first contact after arrival (YYYY-MM-DD). */
  readonly firstContact: string;
}

export type Decision =
  | { readonly kind: 'approve'; readonly comments?: string }
  | { readonly kind: 'return'; readonly comments: string }
  | { readonly kind: 'override'; readonly rules: readonly string[]; readonly comments: string }
  | { readonly kind: 'accept'; readonly handover: Handover; readonly comments?: string }
  | { readonly kind: 'decline'; readonly comments: string };

export type DecisionKind = Decision['kind'];

const PREFIX = 'Homeward decision: ';
const HEADS: Record<DecisionKind, string> = {
  approve: 'approved',
  return: 'returned for changes',
  override: 'override of STOP rules',
  accept: 'hand-over accepted',
  decline: 'hand-over declined',
};
/** The label before the free text, and whether the free text is required. */
const TAILS: Record<DecisionKind, { label: string; required: boolean }> = {
  approve: { label: 'Comments', required: false },
  return: { label: 'Comments', required: true },
  override: { label: 'Reason', required: true },
  accept: { label: 'Comments', required: false },
  decline: { label: 'Reasons', required: true },
};
/** A rule id as instruments write them (src/instrument/schema: "E2-trafficker-creditor"). */
const RULE_ID = /^[A-Z]{1,2}\d{1,2}(\.[a-z0-9_]+)?-[a-z0-9-]+$/;

const HANDOVER_LABELS = { metBy: 'Met by', firstNight: 'First night', firstContact: 'First contact' } as const;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Each hand-over field's limit: short facts, not an essay (comments take the rest). */
export const MAX_HANDOVER_FIELD = 200;
/** The accepted hand-over's fields, read back; values never contain the next label (the formatter refuses them). */
const HANDOVER = /^\. Met by: (.+?)\. First night: (.+?)\. First contact: (\d{4}-\d{2}-\d{2})(?=\.|$)/;

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

/** The /Reason text for a decision; refuses a decision missing what it needs. */
export function formatDecisionReason(decision: Decision): string {
  const comments = clean(decision.comments);
  if (comments.length > MAX_COMMENTS) throw new DecisionError(`Comments are limited to ${String(MAX_COMMENTS)} characters.`);
  const tail = TAILS[decision.kind];
  if (tail.required && comments === '') throw new DecisionError(`${tail.label} are required for this decision.`);
  let head = `${PREFIX}${HEADS[decision.kind]}`;
  if (decision.kind === 'accept') head += handoverText(decision.handover);
  if (decision.kind === 'override') {
    if (decision.rules.length === 0 || decision.rules.some((id) => !RULE_ID.test(id))) throw new DecisionError('An override names the STOP rules it lifts.');
    head += ` ${decision.rules.join(', ')}`;
  }
  return comments === '' ? head : `${head}. ${tail.label}: ${comments}`;
}

/** ". Met by: …. First night: …. First contact: …": every field required, none able to fake the next label. */
function handoverText(handover: Handover): string {
  const fields = (Object.keys(HANDOVER_LABELS) as (keyof Handover)[]).map((key) => [key, clean(handover[key])] as const);
  for (const [key, value] of fields) {
    if (value === '') throw new DecisionError(`${HANDOVER_LABELS[key]} is required to accept a hand-over.`);
    if (value.length > MAX_HANDOVER_FIELD) throw new DecisionError(`${HANDOVER_LABELS[key]} is limited to ${String(MAX_HANDOVER_FIELD)} characters.`);
    if (Object.values(HANDOVER_LABELS).some((label) => value.includes(`. ${label}:`)) || value.includes('. Comments:')) {
      throw new DecisionError(`${HANDOVER_LABELS[key]} cannot contain another field's label.`);
    }
  }
  const value = Object.fromEntries(fields) as Record<keyof Handover, string>;
  if (!ISO_DATE.test(value.firstContact)) throw new DecisionError('First contact is a date (YYYY-MM-DD).');
  return `. ${HANDOVER_LABELS.metBy}: ${value.metBy}. ${HANDOVER_LABELS.firstNight}: ${value.firstNight}. ${HANDOVER_LABELS.firstContact}: ${value.firstContact}`;
}

function withText(kind: DecisionKind, comments: string, rules: readonly string[], handover: Handover | null): Decision | null {
  switch (kind) {
    case 'approve':
      return comments === '' ? { kind } : { kind, comments };
    case 'accept':
      if (handover === null) return null;
      return comments === '' ? { kind, handover } : { kind, handover, comments };
    case 'return':
    case 'decline':
      return comments === '' ? null : { kind, comments };
    case 'override':
      return comments === '' || rules.length === 0 ? null : { kind, rules, comments };
  }
}

/** Reads a /Reason back; null when it is not a Homeward decision (e.g. the assessor's own signature). */
export function parseDecisionReason(reason: string): Decision | null {
  if (!reason.startsWith(PREFIX)) return null;
  const rest = reason.slice(PREFIX.length);
  for (const kind of Object.keys(HEADS) as DecisionKind[]) {
    const head = HEADS[kind];
    if (!rest.startsWith(head)) continue;
    let after = rest.slice(head.length);
    let rules: string[] = [];
    let handover: Handover | null = null;
    if (kind === 'accept') {
      const match = HANDOVER.exec(after);
      if (match === null || !ISO_DATE.test(match[3] ?? '')) return null;
      handover = { metBy: match[1] ?? '', firstNight: match[2] ?? '', firstContact: match[3] ?? '' };
      after = after.slice(match[0].length);
    }
    if (kind === 'override') {
      const match = /^ ([^.]+?)(?=\.|$)/.exec(after);
      rules = match?.[1]?.split(', ') ?? [];
      if (rules.length === 0 || rules.some((id) => !RULE_ID.test(id))) return null;
      after = after.slice(match?.[0].length ?? 0);
    }
    const label = `. ${TAILS[kind].label}: `;
    if (after === '') return withText(kind, '', rules, handover);
    if (after.startsWith(label)) return withText(kind, after.slice(label.length), rules, handover);
    return null;
  }
  return null;
}

/** /Reason of the assessor's first signature over the summary. */
export const PREPARED_REASON = 'Homeward assessment summary, prepared and signed by the assessor';
