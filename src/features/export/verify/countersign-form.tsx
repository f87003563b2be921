import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../../components/ui';
import { countersignSummary } from '../../../export';
import { MAX_COMMENTS } from '../../../case/decision';
import { exportErrorKind, SignerPanel, useSigner, type ExportErrorKind } from '..';

export interface CountersignFormProps {
  bytes: Uint8Array;
  /** The summary's working language, in which the decision is drawn on it. */
  language: string;
  /** Called with the countersigned file, which the screen then verifies and shows. */
  onSigned: (file: { bytes: Uint8Array; fileName: string }) => void;
}

/**
 * A reviewer's decision (approve, or return for changes with comments) signed as an incremental
 * update: the earlier signatures stay valid, and the decision travels in the signature's /Reason.
 */
export function CountersignForm({ bytes, language, onSigned }: CountersignFormProps) {
  const { t } = useTranslation('export');
  const id = useId();
  const signer = useSigner();
  const [decision, setDecision] = useState<'approve' | 'return'>('approve');
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<'comments' | 'identity' | null>(null);
  const [phase, setPhase] = useState<{ kind: 'idle' | 'working' } | { kind: 'error'; error: ExportErrorKind }>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const identity = signer.state.phase === 'ready' ? signer.state.identity : null;
    if (identity === null) return setProblem('identity');
    if (decision === 'return' && comments.trim() === '') return setProblem('comments');
    setProblem(null);
    setPhase({ kind: 'working' });
    try {
      const file = await countersignSummary(bytes, identity, decision === 'approve' ? { kind: 'approve', comments } : { kind: 'return', comments }, { language });
      setPhase({ kind: 'idle' });
      onSigned(file);
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'countersign failed');
      setPhase({ kind: 'error', error: exportErrorKind(error) });
    }
  };

  return (
    <>
      <SignerPanel signer={signer} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>{t('countersign.decision')}</legend>
          {(['approve', 'return'] as const).map((kind) => (
            <div className="export-check" key={kind}>
              <input type="radio" id={`${id}-${kind}`} name={`${id}-decision`} checked={decision === kind} onChange={() => setDecision(kind)} />
              <label htmlFor={`${id}-${kind}`}>{t(`countersign.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-comments`}>
            {decision === 'return' ? t('countersign.commentsRequired') : t('countersign.comments')}
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
        <div className="export-actions">
          <Button type="submit" variant="primary" disabled={phase.kind === 'working'}>
            {t('countersign.sign')}
          </Button>
        </div>
      </form>
      {phase.kind === 'working' ? <p role="status">{t('countersign.working')}</p> : null}
      {phase.kind === 'error' ? <StatusMessage tone="error">{t(`error.${phase.error}`)}</StatusMessage> : null}
    </>
  );
}
