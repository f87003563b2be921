import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import type { VerifyReport } from '../../../export/verify';
import { fileProblemKeys, verdictSentences } from './report-text';

/** The file's verdict in words, and the reasons a file was refused or changed. */
export function Verdict({ report }: { report: VerifyReport }) {
  const { t } = useTranslation('export');
  const sentences = verdictSentences(report);
  const problems = fileProblemKeys(report);
  const tone = report.verdict === 'valid' ? (report.allTrusted ? 'success' : 'warning') : 'error';
  return (
    <StatusMessage tone={tone}>
      {sentences.map((s) => (
        <p key={s.key}>{t(s.key, s.params ?? {})}</p>
      ))}
      {problems.length > 0 ? (
        <ul>
          {problems.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </StatusMessage>
  );
}
