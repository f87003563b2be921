import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../case';
import { roleLabel } from '../identity/role-label';
import { useReasonText } from '../../../components/reasons';
import { contentNamespace } from '../../../instrument';
import { StatusMessage } from '../../../components/ui';
import { decisionLabel } from './report-text';

const TONE: Record<CaseState['kind'], 'success' | 'warning' | 'error' | 'info'> = {
  unusable: 'error',
  'awaiting-review': 'warning',
  returned: 'warning',
  'override-granted': 'warning',
  approved: 'success',
  accepted: 'success',
  declined: 'error',
  superseded: 'info',
};

/**
 * The case's state as src/case decides it from the file's signatures: what it is, whether it is a
 * child's or a young adult's case, what still blocks sign-off, and every later signature with
 * whether it counts and why not. The screen computes nothing of its own.
 */
export function CaseStateView({ state }: { state: CaseState }) {
  const { t } = useTranslation('export');
  const { t: tIdentity } = useTranslation('identity');
  const ns = state.instrument ? contentNamespace(state.instrument.id, state.instrument.version) : 'engine';
  const reason = useReasonText(ns);
  const time = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : t('verify.signature.noDate'));
  return (
    <>
      <StatusMessage tone={TONE[state.kind]}>
        <p>
          <strong>{t(`case.state.${state.kind}`)}</strong>
        </p>
        {state.unusable !== null ? <p>{t(`case.unusable.${state.unusable.startsWith('verdict-') ? 'verdict' : state.unusable}`)}</p> : null}
        {state.isChild ? <p>{t('case.child')}</p> : null}
        {state.isYoungAdult ? <p>{t('case.youngAdult')}</p> : null}
      </StatusMessage>
      {state.unusable === null && state.blockers.length > 0 ? (
        <>
          <h3>{t('case.blockers')}</h3>
          <ul className="blockers">
            {state.blockers.map((blocker) => (
              <li key={blocker.key}>{reason(blocker)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {state.unusable === null && state.blockers.length === 0 && state.kind !== 'superseded' ? <p>{t('case.ready')}</p> : null}
      {state.overridden.length > 0 ? <p>{t('case.overridden', { rules: state.overridden.join(', ') })}</p> : null}
      {state.decisions.length > 0 ? (
        <>
          <h3>{t('case.decisions')}</h3>
          <ul className="case-decisions">
            {state.decisions.map((entry) => (
              <li key={entry.signature}>
                <p>
                  {t('case.decision', {
                    number: entry.signature,
                    decision: entry.decision ? decisionLabel(t, entry.decision) : t('case.noDecision'),
                    name: entry.signer.name,
                    role: entry.signer.role ? roleLabel(tIdentity, entry.signer.role) : t('case.noRole'),
                    time: time(entry.at),
                  })}
                </p>
                <p>{entry.ignored === null ? t('case.counts') : t(`case.ignored.${entry.ignored}`)}</p>
                {entry.blockers.length > 0 ? (
                  <ul>
                    {entry.blockers.map((blocker) => (
                      <li key={blocker.key}>{reason(blocker)}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
