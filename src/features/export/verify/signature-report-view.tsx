import { useTranslation } from 'react-i18next';
import { parseDecisionReason, PREPARED_REASON } from '../../../export/facade/decision';
import type { SignatureReport } from '../../../export/verify';
import { problemKinds } from './problem-kinds';

/** One signature: who, when, valid or not, changed after it or not, trusted or not, their decision. */
export function SignatureReportView({ report, index }: { report: SignatureReport; index: number }) {
  const { t, i18n } = useTranslation('export');
  const decision = parseDecisionReason(report.reason);
  const kinds = problemKinds(report.problems).filter((k) => k !== 'selfDeclared' && k !== 'untrusted' && k !== 'laterSignature');
  const when = report.signedAt
    ? new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(report.signedAt)
    : t('verify.signature.noDate');
  const fact = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <li className={`verify-signature verify-signature--${report.valid ? 'valid' : 'invalid'}`} aria-labelledby={`sig-${String(index)}`}>
      <h3 id={`sig-${String(index)}`}>
        {t('verify.signature.heading', { number: index + 1, name: report.signer.cn || t('verify.signature.unknownSigner') })}
      </h3>
      <dl className="verify-facts">
        {fact(t('verify.signature.name'), report.signer.cn || t('verify.signature.unknownSigner'))}
        {fact(t('verify.signature.organisation'), report.signer.o || t('verify.signature.unknownSigner'))}
        {fact(t('verify.signature.when'), when)}
        {fact(t('verify.signature.validity'), report.valid ? t('verify.signature.valid') : t('verify.signature.invalid'))}
        {fact(t('verify.signature.changedAfter'), report.coversWholeFile ? t('verify.signature.notChanged') : t('verify.signature.changed'))}
        {fact(
          t('verify.signature.identity'),
          report.chain === 'trusted' ? t('verify.chain.trusted') : report.chain === 'self-signed' ? t('verify.chain.selfSigned') : t('verify.chain.untrusted'),
        )}
        {decision ? fact(t('verify.signature.decision'), decision.kind === 'approve' ? t('decision.approved') : t('decision.returned')) : null}
        {decision?.comments ? fact(t('verify.signature.comments'), decision.comments) : null}
        {!decision && report.reason ? fact(t('verify.signature.reason'), report.reason === PREPARED_REASON ? t('verify.signature.prepared') : report.reason) : null}
      </dl>
      {kinds.length > 0 ? (
        <ul>
          {kinds.map((kind) => (
            <li key={kind}>{t(`verify.problem.${kind}`)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
