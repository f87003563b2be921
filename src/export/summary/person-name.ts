/**
 * The person's name leaves the device only in a file the caseworker ticked it for (issue 16.6). A
 * summary made without "Include the person's name" carries it nowhere: not on page 1, not in the
 * attachment, not in the acknowledgement's signature block (which records that the person
 * acknowledged, with their drawn mark if any, but not the name typed beside it). Applied where the
 * summary is built, so no screen or caller can forget it.
 */
import type { SummaryInput } from './types';

export function withNameOnlyIfChosen(input: SummaryInput): SummaryInput {
  const chosen = input.personName !== undefined && input.personName.trim() !== '';
  if (chosen) return input;
  const rest: SummaryInput = { ...input };
  delete rest.personName;
  return { ...rest, signatures: input.signatures.map((mark) => (mark.kind === 'person' ? { ...mark, name: '' } : mark)) };
}
