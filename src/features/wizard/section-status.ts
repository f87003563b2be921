/** The words beside a section in the progress list: its status, then its flag counts. */
import type { SectionProgress } from '../../engine';

export interface StatusText {
  key: string;
  params?: Record<string, number>;
}

/** Flag levels worth showing in the progress list; INFO is informational only. */
const shownLevels = ['STOP', 'ESC', 'RISK'] as const;

export function sectionStatusTexts(progress: SectionProgress | undefined): StatusText[] {
  if (!progress) return [];
  const status: StatusText =
    progress.status === 'done'
      ? { key: 'status.done' }
      : progress.status === 'not_started'
        ? { key: 'status.notStarted', params: { count: progress.missing.length } }
        : { key: 'status.missing', params: { count: progress.missing.length } };
  const flags = shownLevels
    .filter((level) => progress.flags[level] > 0)
    .map((level): StatusText => ({ key: `status.flag.${level}`, params: { count: progress.flags[level] } }));
  return [status, ...flags];
}
