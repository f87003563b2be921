import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../../components/ui';
import { useReasonText } from '../../../components/reasons';
import { caseState, formatDecisionReason, MAX_COMMENTS, MAX_HANDOVER_FIELD, roleOf, type CaseFile, type CaseState, type Decision, type DecisionKind, type Handover, type IgnoredBecause, type Role } from '../../../case';
import { countersignSummary } from '../../../export';
import { contentNamespace, getInstrument } from '../../../instrument';
import type { SigningIdentity } from '../../../storage';
import { exportErrorKind, SignerPanel, useSigner, type ExportErrorKind } from '..';
import { roleLabel } from '../identity/role-label';

export interface CountersignFormProps {
  bytes: Uint8Array;
  /** The verified file, as src/case reads it. */
  file: CaseFile;
  state: CaseState;
  /** The summary's working language, in which the decision is drawn on it. */
  language: string;
  /** Called with the countersigned file, which the screen then verifies and shows. */
  onSigned: (file: { bytes: Uint8Array; fileName: string }) => void;
}

/** What each role may decide here (src/case/state.ts decides what counts; this only offers it). */
const CHOICES: Record<Role, readonly DecisionKind[]> = {
  supervisor: ['approve', 'return', 'override'],
  service_manager: ['approve', 'return', 'override'],
  legal_adviser: ['return', 'override'],
  partner: ['accept', 'decline'],
  caseworker: [],
  other: [],
};

async function keyOf(identity: SigningIdentity): Promise<string> {
  const spki = await crypto.subtle.exportKey('spki', identity.publicKey);
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', spki))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** STOP rules standing in this case that an override may lift (not hard ones). */
function overridable(state: CaseState): string[] {
  if (state.instrument === null || state.result === null) return [];
  const { rules } = getInstrument(state.instrument.id, state.instrument.version);
  const stops = state.result.flags.filter((f) => f.level === 'STOP' && !rules.some((r) => r.id === f.ruleId && r.hard === true)).map((f) => f.ruleId);
  return [...new Set(stops)];
}

/** Why this decision would not count, judged by the same function the state comes from. */
function wouldBeIgnored(file: CaseFile, identity: SigningIdentity, key: string, decision: Decision): { ignored: IgnoredBecause | null; state: CaseState } {
  const signature = {
    valid: true,
    signerKey: key,
    signer: { cn: identity.name, o: identity.organisation, role: roleOf(identity.role) },
    claimedSigningTime: new Date(),
    reason: formatDecisionReason(decision),
    // Judged as if vouched for: whether it is, the trust of the identity decides (warned below).
    trust: { status: 'trusted' as const },
  };
  const next = caseState({ ...file, report: { ...file.report, signatures: [...file.report.signatures, signature] } });
  return { ignored: next.decisions.at(-1)?.ignored ?? null, state: next };
}

const NO_HANDOVER: Handover = { metBy: '', firstNight: '', firstContact: '' };

function decisionOf(kind: DecisionKind, comments: string, rules: readonly string[], handover: Handover): Decision | null {
  const text = comments.trim();
  switch (kind) {
    case 'approve':
      return { kind, comments: text };
    case 'accept': {
      const h = { metBy: handover.metBy.trim(), firstNight: handover.firstNight.trim(), firstContact: handover.firstContact };
      return h.metBy === '' || h.firstNight === '' || h.firstContact === '' ? null : { kind, handover: h, comments: text };
    }
    case 'return':
    case 'decline':
      return text === '' ? null : { kind, comments: text };
    case 'override':
      return text === '' || rules.length === 0 ? null : { kind, rules, comments: text };
  }
}

/**
 * A reviewer's decision, signed as an incremental update that fills the summary's next decision
 * box. Nothing is pre-selected; the choices are those the reviewer's certified role allows; a
 * decision that would not count (an approval while sign-off is blocked, a decision by the
 * assessor's own key) is refused with the reason before anything is signed.
 */
export function CountersignForm({ bytes, file, state, language, onSigned }: CountersignFormProps) {
  const { t } = useTranslation('export');
  const { t: tIdentity } = useTranslation('identity');
  const id = useId();
  const signer = useSigner();
  const identity = signer.state.phase === 'ready' ? signer.state.identity : null;
  const [key, setKey] = useState<string | null>(null);
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const [comments, setComments] = useState('');
  const [rules, setRules] = useState<string[]>([]);
  const [handover, setHandover] = useState<Handover>(NO_HANDOVER);
  const [problem, setProblem] = useState<'choose' | 'comments' | 'rules' | 'handover' | null>(null);
  const [refusal, setRefusal] = useState<{ ignored: IgnoredBecause; state: CaseState } | null>(null);
  const [phase, setPhase] = useState<{ kind: 'idle' | 'working' } | { kind: 'error'; error: ExportErrorKind }>({ kind: 'idle' });
  const ns = state.instrument ? contentNamespace(state.instrument.id, state.instrument.version) : 'engine';
  const reason = useReasonText(ns);
  const stops = useMemo(() => overridable(state), [state]);

  useEffect(() => {
    if (identity === null) return;
    let active = true;
    void keyOf(identity).then((value) => active && setKey(value));
    return () => {
      active = false;
    };
  }, [identity]);

  if (identity === null) return <SignerPanel signer={signer} />;
  const role = roleOf(identity.role);
  const choices = CHOICES[role];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (kind === null) return setProblem('choose');
    if (kind === 'override' && rules.length === 0) return setProblem('rules');
    const decision = decisionOf(kind, comments, rules, handover);
    if (decision === null) return setProblem(kind === 'accept' ? 'handover' : 'comments');
    setProblem(null);
    if (key === null) return;
    const judged = wouldBeIgnored(file, identity, key, decision);
    if (judged.ignored !== null) return setRefusal({ ignored: judged.ignored, state: judged.state });
    setPhase({ kind: 'working' });
    try {
      const signed = await countersignSummary(bytes, identity, decision, { language });
      setPhase({ kind: 'idle' });
      onSigned(signed);
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'countersign failed');
      setPhase({ kind: 'error', error: exportErrorKind(error) });
    }
  };

  if (choices.length === 0) {
    return (
      <>
        <SignerPanel signer={signer} />
        <StatusMessage tone="info">{t('countersign.noDecision', { role: roleLabel(tIdentity, identity.role) })}</StatusMessage>
      </>
    );
  }
  const needsText = kind === 'return' || kind === 'decline' || kind === 'override';
  return (
    <>
      <SignerPanel signer={signer} />
      {!identity.verifiedByOrganisation ? <StatusMessage tone="warning">{t('countersign.notVouched')}</StatusMessage> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset aria-invalid={problem === 'choose' ? true : undefined}>
          <legend>{t('countersign.decision')}</legend>
          {choices.map((choice) => (
            <div className="export-check" key={choice}>
              <input type="radio" id={`${id}-${choice}`} name={`${id}-decision`} checked={kind === choice} onChange={() => setKind(choice)} />
              <label htmlFor={`${id}-${choice}`}>{t(`countersign.${choice}`)}</label>
            </div>
          ))}
        </fieldset>
        {kind === 'override' ? (
          <fieldset aria-invalid={problem === 'rules' ? true : undefined}>
            <legend>{t('countersign.rules')}</legend>
            {stops.length === 0 ? <p>{t('countersign.noRules')}</p> : null}
            {stops.map((rule) => (
              <div className="export-check" key={rule}>
                <input
                  type="checkbox"
                  id={`${id}-rule-${rule}`}
                  checked={rules.includes(rule)}
                  onChange={(event) => setRules((current) => (event.target.checked ? [...current, rule] : current.filter((r) => r !== rule)))}
                />
                <label htmlFor={`${id}-rule-${rule}`}>{t(`rule.${rule}.reason`, { ns, defaultValue: rule })}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {kind === 'accept' ? (
          <fieldset aria-invalid={problem === 'handover' ? true : undefined}>
            <legend>{t('countersign.handover.legend')}</legend>
            {(['metBy', 'firstNight', 'firstContact'] as const).map((field) => (
              <div className="field" key={field}>
                <label className="field__label" htmlFor={`${id}-${field}`}>
                  {t(`countersign.handover.${field}`)}
                </label>
                <input
                  id={`${id}-${field}`}
                  type={field === 'firstContact' ? 'date' : 'text'}
                  autoComplete="off"
                  required
                  maxLength={MAX_HANDOVER_FIELD}
                  value={handover[field]}
                  aria-invalid={problem === 'handover' && handover[field].trim() === '' ? true : undefined}
                  onChange={(event) => setHandover((current) => ({ ...current, [field]: event.target.value }))}
                />
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-comments`}>
            {t(needsText ? `countersign.text.${kind ?? 'return'}` : 'countersign.comments')}
          </label>
          <textarea
            id={`${id}-comments`}
            rows={4}
            maxLength={MAX_COMMENTS}
            value={comments}
            aria-invalid={problem === 'comments' ? true : undefined}
            onChange={(event) => setComments(event.target.value)}
          />
        </div>
        {problem ? <StatusMessage tone="error">{t(`countersign.problem.${problem}`)}</StatusMessage> : null}
        {refusal ? (
          <StatusMessage tone="error">
            <p>{t(`countersign.refused.${refusal.ignored}`)}</p>
            {refusal.ignored === 'blocked' ? (
              <ul>
                {(refusal.state.decisions.at(-1)?.blockers ?? []).map((blocker) => (
                  <li key={blocker.key}>{reason(blocker)}</li>
                ))}
              </ul>
            ) : null}
          </StatusMessage>
        ) : null}
        <div className="export-actions">
          <Button type="submit" variant="primary" disabled={phase.kind === 'working' || key === null}>
            {t('countersign.sign')}
          </Button>
        </div>
      </form>
      {phase.kind === 'working' ? <p role="status">{t('countersign.working')}</p> : null}
      {phase.kind === 'error' ? <StatusMessage tone="error">{t(`error.${phase.error}`)}</StatusMessage> : null}
    </>
  );
}
