import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDecisionReason, PREPARED_REASON } from '../../../case/decision';
import type { SignatureReport } from '../../../export/verify';
import { cleanName } from '../../../export/verify/names';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { afterSentences, decisionLabel, signatureProblemKeys, trustSentences, type Sentence } from './report-text';

/**
 * One signature: who (from the certificate that signed, direction controls removed), for which
 * organisation (as the trusted root names it, or "claimed by the signer"), when (claimed by the
 * signer), whether the signature is valid, what changed after it, and the reviewer's decision.
 */
export function SignatureReportView({ report, index }: { report: SignatureReport; index: number }) {
  const { t, i18n } = useTranslation('export');
  const say = (s: Sentence) => t(s.key, s.params ?? {});
  const reason = cleanName(report.reason).text;
  const decision = parseDecisionReason(reason);
  const problems = signatureProblemKeys(report);
  const after = afterSentences(report.after);
  const trust = trustSentences(report.trust);
  const unknown = t('verify.signature.unknownSigner');
  const when = report.claimedSigningTime
    ? new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(report.claimedSigningTime)
    : t('verify.signature.noDate');
  const organisation =
    report.trust.status === 'trusted'
      ? report.trust.root.organisation
      : report.signer.o
        ? t('verify.signature.claimedOrganisation', { organisation: report.signer.o })
        : unknown;
  const fact = (label: string, value: ReactNode) => (
    <div className="verify-facts__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <li className={`verify-signature verify-signature--${report.valid ? 'valid' : 'invalid'}`} aria-labelledby={`sig-${String(index)}`}>
      <h3 id={`sig-${String(index)}`}>{t('verify.signature.heading', { number: index + 1, name: report.signer.cn || unknown })}</h3>
      {report.signer.hadControlCharacters ? <p className="status status--warning">{t('verify.signature.namesCleaned')}</p> : null}
      <dl className="verify-facts">
        {fact(t('verify.signature.name'), report.signer.cn || unknown)}
        {fact(t('verify.signature.organisation'), organisation)}
        {fact(t('verify.signature.when'), when)}
        {fact(t('verify.signature.validity'), report.valid ? t('verify.signature.valid') : t('verify.signature.invalid'))}
        {report.valid ? fact(
          t('verify.signature.identity'),
          <>
            {say(trust.head)}
            {trust.problems.length > 0 ? (
              <ul>
                {trust.problems.map((s) => (
                  <li key={s.key}>{say(s)}</li>
                ))}
              </ul>
            ) : null}
          </>,
        ) : null}
        {report.trust.status === 'trusted'
          ? fact(t('verify.signature.root'), t('verify.signature.rootValue', { name: report.trust.root.name, fingerprint: groupedFingerprint(report.trust.root.fingerprint.slice(0, 32)) }))
          : null}
        {report.valid
          ? fact(
              t('verify.after.label'),
              <>
                {say(after.head)}
                {after.changes.length > 0 ? (
                  <ul className="verify-changes">
                    {after.changes.map((s) => (
                      <li key={`${s.key}-${String(s.params?.page ?? '')}`}>{say(s)}</li>
                    ))}
                  </ul>
                ) : null}
              </>,
            )
          : null}
        {report.certification ? fact(t('verify.signature.certification'), t('verify.signature.certifies')) : null}
        {report.valid && decision ? fact(t('verify.signature.decision'), decisionLabel(t, decision)) : null}
        {report.valid && decision?.kind === 'accept' ? fact(t('countersign.handover.metBy'), decision.handover.metBy) : null}
        {report.valid && decision?.kind === 'accept' ? fact(t('countersign.handover.firstNight'), decision.handover.firstNight) : null}
        {report.valid && decision?.kind === 'accept' ? fact(t('countersign.handover.firstContact'), decision.handover.firstContact) : null}
        {report.valid && decision?.comments ? fact(t('verify.signature.comments'), decision.comments) : null}
        {report.valid && !decision && reason ? fact(t('verify.signature.reason'), reason === PREPARED_REASON ? t('verify.signature.prepared') : reason) : null}
      </dl>
      {problems.length > 0 ? (
        <ul>
          {problems.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
