/**
 * Neutral download names: a file name travels (mail attachments, download lists, cloud backups),
 * so it never holds a name, a case reference or anything else from the case. Pure.
 */
export type SummaryFileKind = 'summary' | 'countersigned' | 'plan';

const STEMS: Readonly<Record<SummaryFileKind, string>> = {
  summary: 'assessment-summary',
  countersigned: 'assessment-summary-countersigned',
  // The person's own copy: "plan" says nothing of what it is about, should someone else see it.
  plan: 'plan',
};

/** e.g. assessment-summary-2026-11-27-k3f9q2.pdf: the UTC date and 6 random base-36 characters. */
export function summaryFileName(kind: SummaryFileKind, date: Date, random: () => number = Math.random): string {
  const day = Number.isNaN(date.getTime()) ? 'undated' : date.toISOString().slice(0, 10);
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += Math.floor(random() * 36).toString(36).slice(0, 1);
  return `${STEMS[kind]}-${day}-${suffix}.pdf`;
}
