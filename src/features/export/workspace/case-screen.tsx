import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { versionChanges, type CaseVersion, type ReceivedCase } from '../../../case';
import { summaryFileName } from '../../../export/facade/file-name';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { routeToHash } from '../../../lib/routes';
import { receivedFiles } from '../../../storage';
import { DownloadLink, ShareButton } from '..';
import { assessmentFacts } from '../verify/assessment-facts';
import { CaseStateView } from '../verify/case-state-view';
import { CountersignForm } from '../verify/countersign-form';
import { SignatureReportView } from '../verify/signature-report-view';
import { CaseAssessment } from './case-assessment';
import { caseFileOf, type CheckedFile } from './received-checks';
import { useReceivedCases } from './use-received-cases';
import { VersionChangesView } from './version-changes-view';
import '../export.css';
import './workspace.css';

/** A neutral file name whose random part comes from the file's own hash, so it stays the same across renders. */
function fileName(file: CheckedFile): string {
  let i = 0;
  const digits = file.file.sha256;
  const random = () => parseInt(digits.charAt(i++ % digits.length), 16) / 16;
  return summaryFileName(file.check.report.signatures.length > 1 ? 'countersigned' : 'summary', file.file.receivedAt, random);
}

function findCase(cases: readonly ReceivedCase[], fileId: string): ReceivedCase | undefined {
  return cases.find((c) => c.versions.some((v) => v.copies.some((copy) => copy.input.id === fileId)));
}

/** The version this device's reviewer last opened, as it stood when this screen opened (before it is marked seen now). */
interface Seen {
  readonly caseId: string;
  readonly version: CaseVersion | null;
}

/**
 * One received case (`#/received/<file id>`): its state from the signatures of its latest version,
 * what changed since the version this reviewer last saw, the whole assessment, every signature,
 * the versions received, the decision form, and the file to download or share. The document title
 * names no case.
 */
export function CaseScreen({ fileId }: { fileId: string }) {
  const { t } = useTranslation(['workspace', 'export']);
  const id = useId();
  const [refresh, setRefresh] = useState(0);
  const listing = useReceivedCases(refresh);
  const [seen, setSeen] = useState<Seen | null>(null);
  const [signed, setSigned] = useState<{ bytes: Uint8Array; fileName: string } | null>(null);
  const [keepFailed, setKeepFailed] = useState(false);
  const item = listing.phase === 'ready' ? findCase(listing.cases, fileId) : undefined;


  // Once per case: remember what was seen before, then mark the latest version's copies as seen.
  useEffect(() => {
    if (item === undefined || seen?.caseId === item.id) return;
    setSeen({ caseId: item.id, version: item.lastSeen });
    for (const copy of item.latest.copies) if (copy.input.seenAt === null) void receivedFiles.markSeen(copy.input.id).catch(() => undefined);
  }, [item, seen]);

  if (listing.phase === 'loading') return <p role="status" className="export-screen">{t('list.checking', { done: listing.done, total: listing.total })}</p>;
  if (listing.phase === 'error') return <StatusMessage tone="error">{t('list.error')}</StatusMessage>;
  if (item === undefined) {
    return (
      <div className="export-screen">
        <h1>{t('caseTitle')}</h1>
        <p role="alert">{t('case.notFound')}</p>
        <a href={routeToHash({ name: 'received' })}>{t('case.back')}</a>
      </div>
    );
  }

  const { latest } = item;
  const { state } = latest;
  const representative = listing.checked.find((c) => c.file.id === latest.copies[0]?.input.id) as CheckedFile;
  const facts = assessmentFacts(representative.check.assessment);
  const earlier = seen?.caseId === item.id ? seen.version : null;
  const section = (key: string, heading: string, body: ReactNode) => (
    <section aria-labelledby={`${id}-${key}`}>
      <h2 id={`${id}-${key}`}>{heading}</h2>
      {body}
    </section>
  );

  return (
    <div className="export-screen workspace">
      <header>
        <h1>
          {t('case.heading')} <bdi>{state.caseReference ?? t('list.noReference')}</bdi>
        </h1>
        <a href={routeToHash({ name: 'received' })}>{t('case.back')}</a>
      </header>
      {section('state', t('case.stateHeading'), <CaseStateView state={state} />)}
      {earlier !== null && earlier !== latest && state.instrument !== null
        ? section('changes', t('changes.heading'), <VersionChangesView changes={versionChanges(earlier, latest)} instrumentRef={state.instrument} seenOn={earlier.signedAt?.toISOString().slice(0, 10) ?? null} />)
        : null}
      {state.result !== null && state.instrument !== null && latest.answers !== null
        ? section('assessment', t('case.assessmentHeading'), <CaseAssessment instrumentRef={state.instrument} answers={latest.answers} result={state.result} />)
        : null}
      {section(
        'signatures',
        t('case.signaturesHeading'),
        <ol className="verify-signatures">
          {representative.check.report.signatures.map((report, index) => (
            <SignatureReportView key={report.fieldName || String(index)} report={report} index={index} />
          ))}
        </ol>,
      )}
      {section(
        'versions',
        t('case.versionsHeading'),
        <ol className="case-versions">
          {item.versions.map((version, index) => (
            <li key={version.fingerprint}>
              <p>
                {t('case.version', { number: index + 1, date: version.signedAt?.toISOString().slice(0, 10) ?? '', state: t(`export:case.state.${version.state.kind}`) })}
              </p>
              <p className="hint">
                {t('case.versionFingerprint', { fingerprint: groupedFingerprint(version.fingerprint.slice(0, 16)) })} · {t('case.copies', { count: version.copies.length })}
              </p>
            </li>
          ))}
        </ol>,
      )}
      {state.kind !== 'unusable' && state.kind !== 'superseded'
        ? section(
            'decide',
            t('export:countersign.heading'),
            <>
              <p className="hint">{t('export:countersign.intro')}</p>
              {signed !== null ? (
                <StatusMessage tone={keepFailed ? 'warning' : 'success'}>
                  <p>{t(keepFailed ? 'case.signedNotKept' : 'case.signed')}</p>
                  <DownloadLink bytes={signed.bytes} fileName={signed.fileName}>
                    {t('export:countersign.download')}
                  </DownloadLink>
                  <ShareButton bytes={signed.bytes} fileName={signed.fileName} />
                </StatusMessage>
              ) : null}
              <CountersignForm
                key={representative.file.id}
                bytes={representative.file.bytes}
                file={caseFileOf(representative)}
                state={state}
                language={facts?.workingLanguage ?? 'en'}
                onSigned={(file) => {
                  setSigned(file);
                  receivedFiles.add(file.bytes).then(
                    () => setRefresh((n) => n + 1),
                    () => setKeepFailed(true),
                  );
                }}
              />
            </>,
          )
        : null}
      {section(
        'file',
        t('case.fileHeading'),
        <div className="export-actions">
          <DownloadLink bytes={representative.file.bytes} fileName={fileName(representative)}>
            {t('case.download')}
          </DownloadLink>
          <ShareButton bytes={representative.file.bytes} fileName={fileName(representative)} />
        </div>,
      )}
    </div>
  );
}
