import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { routeToHash } from '../../../lib/routes';
import { Verdict } from '../verify/verdict';
import type { LoopOutcome } from './case-loop';
import type { ImportResult } from './import-file';

function LoopNote({ loop }: { loop: LoopOutcome }) {
  const { t } = useTranslation(['workspace', 'export']);
  const draft = (
    <a href={routeToHash({ name: 'wizard', draftId: loop.draftId, section: null })}>{t('import.loop.openDraft')}</a>
  );
  if (loop.kind === 'recorded') {
    return (
      <p>
        {t(`import.loop.recorded.${loop.signedOff ? 'signedOff' : 'open'}`, { state: t(`export:case.state.${loop.state}`) })} {draft}
      </p>
    );
  }
  return (
    <p>
      {t(`import.loop.${loop.kind}`)} {draft}
    </p>
  );
}

/** What became of each file brought in: kept (and where its decisions went), or refused and why. */
export function ImportResults({ results }: { results: readonly ImportResult[] }) {
  const { t } = useTranslation(['workspace', 'export']);
  return (
    <ul className="import-results" aria-label={t('import.results')}>
      {results.map((result, index) => (
        <li key={index}>
          {result.kind === 'kept' ? (
            <StatusMessage tone={result.check.report.allTrusted ? 'success' : 'warning'}>
              <p>{t(result.duplicate ? 'import.duplicate' : 'import.kept', { number: index + 1 })}</p>
              {result.check.report.allTrusted ? null : <p>{t('import.notAllTrusted')}</p>}
              {result.loop !== null ? <LoopNote loop={result.loop} /> : null}
              <a href={routeToHash({ name: 'received-case', fileId: result.id })}>{t('import.open')}</a>
            </StatusMessage>
          ) : result.kind === 'refused' ? (
            <div className="import-refused">
              <p>
                <strong>{t('import.refused', { number: index + 1 })}</strong>
              </p>
              <Verdict report={result.check.report} />
            </div>
          ) : (
            <StatusMessage tone={result.kind === 'cancelled' ? 'info' : 'error'}>
              {t(result.kind === 'cancelled' ? 'import.cancelled' : `import.unreadable.${result.reason}`, { number: index + 1 })}
            </StatusMessage>
          )}
        </li>
      ))}
    </ul>
  );
}
