import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOffRecord, type AssessmentResult } from '../../engine';
import { asSignOff, type Answers, type Instrument } from '../../instrument';
import { formatIsoDate, localized } from '../../lib/format';
import type { DraftData } from '../../storage';
import { TextField } from './text-field';
import { setRecord } from './set-record';

interface SignOffRecordProps {
  instrument: Instrument;
  /** the sign-off record item (decision.signOff.record) */
  code: string;
  result: AssessmentResult;
  answers: Answers;
  now: string;
  update: (change: (data: DraftData) => DraftData) => void;
}

const LAPSES = new Set(['signoff.lapsed_changed', 'signoff.lapsed_departure']);

function signerOf(answers: Answers, code: string): { name: string; role: string } {
  const answer = answers[code];
  return typeof answer === 'object' && !Array.isArray(answer) && 'name' in answer && 'role' in answer
    ? { name: String(answer.name), role: String(answer.role) }
    : { name: '', role: '' };
}

/**
 * Sign-off with a date (instrument v2): recorded when nothing blocks it, with the answers every
 * STOP depends on as they are that day. It lapses to "pending re-check" when one of them changes
 * or departure is too long after it; signing off again re-confirms them with today's date.
 */
export function SignOffRecord({ instrument, code, result, answers, now, update }: SignOffRecordProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine']);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const supervisor = signerOf(answers, instrument.decision.supervisorReview);
  const [by, setBy] = useState(supervisor.name);
  const [role, setRole] = useState(supervisor.role);
  const [date, setDate] = useState(now.slice(0, 10));
  const [problem, setProblem] = useState(false);
  const record = asSignOff(answers[code]);
  const { state } = result.signOff;
  // Signing off (again) is open when nothing but a lapse stands in the way.
  const canSign = state === 'ready' || (state === 'pending_recheck' && result.signOff.blockers.every((b) => LAPSES.has(b.key)));

  const set = (value: ReturnType<typeof signOffRecord> | undefined) => setRecord(update, code, value);
  const sign = () => {
    const ok = by.trim() !== '' && role.trim() !== '' && date !== '';
    setProblem(!ok);
    if (ok) set(signOffRecord(instrument, answers, { by: by.trim(), role: role.trim(), date }, { now }));
  };

  return (
    <div className="signoff-record">
      <p>
        <strong>{t(`signoff.state.${state}`, { ns: 'engine' })}</strong>
        {record ? ` ${t('review.signoff.recorded', localized({ by: record.by, date: formatIsoDate(record.date, lang), count: result.signOff.confirmations.length }, lang))}` : ''}
      </p>
      {record ? (
        <button type="button" className="btn btn--secondary" onClick={() => set(undefined)}>
          {t('review.signoff.withdraw')}
        </button>
      ) : null}
      {canSign ? (
        <fieldset className="item">
          <legend className="item__label">{t(state === 'pending_recheck' ? 'review.signoff.again' : 'review.signoff.record')}</legend>
          <p className="hint">{t('review.signoff.recordHint')}</p>
          <TextField kind="line" label={t('review.signoff.by')} value={by} onChange={setBy} errors={[]} personal={true} />
          <TextField kind="line" label={t('review.signoff.role')} value={role} onChange={setRole} errors={[]} personal={false} />
          <TextField kind="date" label={t('review.signoff.date')} value={date} onChange={setDate} errors={[]} personal={false} />
          {problem ? <p className="field__error" role="alert">{t('review.signoff.needAll')}</p> : null}
          <button type="button" className="btn btn--primary" onClick={sign}>
            {t(state === 'pending_recheck' ? 'review.signoff.again' : 'review.signoff.record')}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
