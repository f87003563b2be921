import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../../components/ui';
import { VerifyCancelledError, verifySummary, type SummaryCheck } from '../../../export';
import { LIMITS } from '../../../export/verify/limits';
import { trustedRoots } from '../../../storage';
import { DownloadLink } from '..';
import { caseState, type CaseFile, type CaseState } from '../../../case';
import { assessmentFacts } from './assessment-facts';
import { FileDropZone } from '../file-drop-zone';
import { CaseStateView } from './case-state-view';
import { AssessmentView } from './assessment-view';
import { CountersignForm } from './countersign-form';
import { Verdict } from './verdict';
import { SignatureReportView } from './signature-report-view';
import { EncryptForRecipient, useEncryptedFile, VERIFY_ACCEPT } from '../envelope';
import '../export.css';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly controller: AbortController }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'unreadable'; readonly reason: 'tooLarge' | 'readFailed' | 'failed' }
  | { readonly kind: 'checked'; readonly bytes: Uint8Array; readonly check: SummaryCheck; readonly case: { readonly file: CaseFile; readonly state: CaseState } | null };

/** The case as src/case decides it, for a file that verified (a file that did not is only refused). */
function caseOf(check: SummaryCheck): { file: CaseFile; state: CaseState } | null {
  const { fingerprint } = check.report;
  if (check.report.verdict !== 'valid' || fingerprint === null) return null;
  const file: CaseFile = { fingerprint, report: check.report, assessment: check.assessment };
  return { file, state: caseState(file) };
}

/**
 * "Verify a signed summary": open a PDF (file picker, or drop it here), then for every signature
 * who signed, when (as claimed), whether it is valid, what changed after it and which trusted root
 * vouches for the signer; the embedded assessment of the first signed revision; and, once the file
 * checks out, a countersignature with the reviewer's decision. Checking runs in a Web Worker
 * (src/export/verify-client.ts), so the page and Quick exit stay responsive, and can be stopped.
 */
export function VerifyScreen() {
  const { t, i18n } = useTranslation('export');
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [countersigned, setCountersigned] = useState<{ bytes: Uint8Array; fileName: string } | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const encrypted = useEncryptedFile();

  const check = async (bytes: Uint8Array) => {
    const controller = new AbortController();
    setPhase({ kind: 'checking', controller });
    try {
      const roots = await trustedRoots.list();
      const result = await verifySummary(
        bytes,
        roots.map((root) => root.certificatePem),
        controller.signal,
      );
      setPhase({ kind: 'checked', bytes, check: result, case: caseOf(result) });
    } catch (error) {
      if (error instanceof VerifyCancelledError) return setPhase({ kind: 'cancelled' });
      console.error(error instanceof Error ? error.name : 'verify failed');
      setPhase({ kind: 'unreadable', reason: 'failed' });
    }
  };

  // Leaving the screen stops a check still running (its worker is terminated).
  const checking = phase.kind === 'checking' ? phase.controller : null;
  useEffect(() => () => checking?.abort(), [checking]);

  const open = async (file: File | undefined) => {
    if (file === undefined) return;
    setCountersigned(null);
    if (file.size > LIMITS.fileBytes) return setPhase({ kind: 'unreadable', reason: 'tooLarge' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return setPhase({ kind: 'unreadable', reason: 'readFailed' });
    }
    // An encrypted file is opened with this device's keys first; a refusal is shown by `encrypted.notice`.
    const content = await encrypted.unwrap(bytes);
    if (content === null) return setPhase({ kind: 'idle' });
    await check(content);
  };

  // Move focus to the result so a screen reader reads it out after a file is opened or signed.
  const resultKey = phase.kind === 'checked' ? phase.check : phase.kind;
  useEffect(() => {
    if (phase.kind === 'checked' || phase.kind === 'unreadable' || phase.kind === 'cancelled') resultRef.current?.focus();
  }, [resultKey, phase.kind]);


  return (
    <div className="export-screen">
      <h1>{t('verify.title')}</h1>
      <p className="hint">{t('verify.intro')}</p>
      <FileDropZone label={t('verify.choose')} hint={t('verify.drop')} accept={VERIFY_ACCEPT} onFiles={([file]) => void open(file)} />
      {encrypted.notice}

      {phase.kind === 'checking' ? (
        <div className="verify-checking">
          <p role="status">{t('verify.checking')}</p>
          <Button onClick={() => phase.controller.abort()}>{t('verify.cancel')}</Button>
        </div>
      ) : null}
      {phase.kind === 'unreadable' || phase.kind === 'cancelled' ? (
        <section aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
            {t('verify.result.heading')}
          </h2>
          <StatusMessage tone={phase.kind === 'cancelled' ? 'info' : 'error'}>{t(phase.kind === 'cancelled' ? 'verify.cancelled' : `verify.unreadable.${phase.reason}`)}</StatusMessage>
        </section>
      ) : null}
      {phase.kind === 'checked' ? (
        <>
          <section aria-labelledby={`${id}-result`}>
            <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
              {t('verify.result.heading')}
            </h2>
            {countersigned !== null && countersigned.bytes === phase.bytes ? (
              <StatusMessage tone="success">
                <p>{t('countersign.done')}</p>
                <DownloadLink bytes={countersigned.bytes} fileName={countersigned.fileName}>
                  {t('countersign.download')}
                </DownloadLink>
              </StatusMessage>
            ) : null}
            {countersigned !== null && countersigned.bytes === phase.bytes ? <EncryptForRecipient bytes={countersigned.bytes} fileName={countersigned.fileName} /> : null}
            <Verdict report={phase.check.report} />
            {phase.check.report.signatures.length > 0 ? (
              <ol className="verify-signatures">
                {phase.check.report.signatures.map((report, index) => (
                  <SignatureReportView key={report.fieldName || String(index)} report={report} index={index} />
                ))}
              </ol>
            ) : null}
          </section>
          {/* Only a file that verifies shows its contents: a modified file's data could say anything. */}
          {phase.kind === 'checked' && phase.case !== null ? (
            <section aria-labelledby={`${id}-case`}>
              <h2 id={`${id}-case`}>{t('case.heading')}</h2>
              <CaseStateView state={phase.case.state} />
            </section>
          ) : null}
          {phase.check.report.verdict === 'valid' ? (
            <section aria-labelledby={`${id}-assessment`}>
              <h2 id={`${id}-assessment`}>{t('verify.assessment.heading')}</h2>
              <AssessmentView assessment={phase.check.assessment} />
            </section>
          ) : null}
          {phase.case !== null && phase.case.state.kind !== 'unusable' ? (
            <section aria-labelledby={`${id}-countersign`}>
              <h2 id={`${id}-countersign`}>{t('countersign.heading')}</h2>
              <p className="hint">{t('countersign.intro')}</p>
              <CountersignForm
                key={phase.bytes.length}
                bytes={phase.bytes}
                file={phase.case.file}
                state={phase.case.state}
                language={assessmentFacts(phase.check.assessment)?.workingLanguage ?? i18n.language}
                onSigned={(file) => {
                  setCountersigned(file);
                  void check(file.bytes);
                }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
