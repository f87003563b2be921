import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { verifySummary, type SummaryCheck } from '../../../export';
import { trustedRoots } from '../../../storage';
import { DownloadLink } from '..';
import { AssessmentView } from './assessment-view';
import { CountersignForm } from './countersign-form';
import { fileVerdict, type FileVerdict } from './problem-kinds';
import { SignatureReportView } from './signature-report-view';
import '../export.css';

/** Larger than any summary; a bigger file is refused before it is read into memory. */
const MAX_FILE_BYTES = 30 * 1024 * 1024;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'unreadable'; readonly reason: 'tooLarge' | 'readFailed' | 'failed' }
  | { readonly kind: 'checked'; readonly bytes: Uint8Array; readonly check: SummaryCheck; readonly verdict: FileVerdict };

/**
 * "Verify a signed summary": open a PDF (file picker, or drop it here), then for every signature
 * who signed, when, whether it is valid, whether the file changed after it and whether the signer
 * chains to an organisation root this device trusts; the embedded assessment; and, once the file
 * checks out, a countersignature with the reviewer's decision.
 */
export function VerifyScreen() {
  const { t } = useTranslation('export');
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [countersigned, setCountersigned] = useState<{ bytes: Uint8Array; fileName: string } | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const check = async (bytes: Uint8Array) => {
    setPhase({ kind: 'checking' });
    try {
      const roots = await trustedRoots.list();
      const result = await verifySummary(
        bytes,
        roots.map((root) => root.certificatePem),
      );
      setPhase({ kind: 'checked', bytes, check: result, verdict: fileVerdict(result.report) });
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'verify failed');
      setPhase({ kind: 'unreadable', reason: 'failed' });
    }
  };

  const open = async (file: File | undefined) => {
    if (file === undefined) return;
    setCountersigned(null);
    if (file.size > MAX_FILE_BYTES) return setPhase({ kind: 'unreadable', reason: 'tooLarge' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return setPhase({ kind: 'unreadable', reason: 'readFailed' });
    }
    await check(bytes);
  };

  // Move focus to the result so a screen reader reads it out after a file is opened or signed.
  const resultKey = phase.kind === 'checked' ? phase.check : phase.kind;
  useEffect(() => {
    if (phase.kind === 'checked' || phase.kind === 'unreadable') resultRef.current?.focus();
  }, [resultKey, phase.kind]);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void open(event.dataTransfer.files[0]);
  };

  return (
    <div className="export-screen">
      <h1>{t('verify.title')}</h1>
      <p className="hint">{t('verify.intro')}</p>
      <div
        className={`verify-drop${over ? ' verify-drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('verify.choose')}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/pdf,.pdf"
          onChange={(event) => {
            void open(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <p className="hint">{t('verify.drop')}</p>
      </div>

      {phase.kind === 'checking' ? <p role="status">{t('verify.checking')}</p> : null}
      {phase.kind === 'unreadable' ? (
        <section aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
            {t('verify.result.heading')}
          </h2>
          <StatusMessage tone="error">{t(`verify.unreadable.${phase.reason}`)}</StatusMessage>
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
            <Verdict verdict={phase.verdict} />
            {phase.check.report.signatures.length > 0 ? (
              <ol className="verify-signatures">
                {phase.check.report.signatures.map((report, index) => (
                  <SignatureReportView key={report.fieldName || String(index)} report={report} index={index} />
                ))}
              </ol>
            ) : null}
          </section>
          {/* Only a file that verifies shows its contents: a modified file's data could say anything. */}
          {phase.verdict.kind === 'valid' ? (
            <section aria-labelledby={`${id}-assessment`}>
              <h2 id={`${id}-assessment`}>{t('verify.assessment.heading')}</h2>
              <AssessmentView assessment={phase.check.assessment} />
            </section>
          ) : null}
          {phase.verdict.kind === 'valid' ? (
            <section aria-labelledby={`${id}-countersign`}>
              <h2 id={`${id}-countersign`}>{t('countersign.heading')}</h2>
              <p className="hint">{t('countersign.intro')}</p>
              <CountersignForm
                key={phase.bytes.length}
                bytes={phase.bytes} onSigned={(file) => {
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

function Verdict({ verdict }: { verdict: FileVerdict }) {
  const { t } = useTranslation('export');
  switch (verdict.kind) {
    case 'refused':
      return (
        <StatusMessage tone="error">
          <p>{t('verify.verdict.refused')}</p>
          <ul>
            {verdict.reasons.map((reason) => (
              <li key={reason}>{t(`verify.problem.${reason}`)}</li>
            ))}
          </ul>
        </StatusMessage>
      );
    case 'modified':
      return <StatusMessage tone="error">{t('verify.verdict.modified')}</StatusMessage>;
    case 'invalid':
      return <StatusMessage tone="error">{t('verify.verdict.invalid')}</StatusMessage>;
    case 'valid':
      return <StatusMessage tone={verdict.allTrusted ? 'success' : 'warning'}>{t(verdict.allTrusted ? 'verify.verdict.validTrusted' : 'verify.verdict.validUntrusted')}</StatusMessage>;
  }
}
