import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { overrideRecord, type AssessmentResult } from '../../engine';
import { asOverride, type Answers, type Instrument } from '../../instrument';
import { formatIsoDate } from '../../lib/format';
import type { DraftData } from '../../storage';
import { ChoiceField } from './choice-field';
import { useReasonText } from '../../components/reasons';
import { TextField } from './text-field';
import { setRecord } from './set-record';

interface OverrideRecordFormProps {
  instrument: Instrument;
  /** the override record item (decision.override.record) */
  code: string;
  result: AssessmentResult;
  answers: Answers;
  now: string;
  ns: string;
  update: (change: (data: DraftData) => DraftData) => void;
}

/**
 * The override of named STOP rules (instrument v2). A supervisor, legal adviser or service
 * manager, other than the assessor, ticks the standing STOPs they lift and records their
 * reasons; the engine keeps the answers those rules read, and the override lapses as soon as
 * one of them changes or a new STOP appears. Hard STOPs are listed but cannot be ticked.
 */
export function OverrideRecordForm({ instrument, code, result, answers, now, ns, update }: OverrideRecordFormProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const reasonText = useReasonText(ns);
  const id = useId();
  const item = instrument.sections.flatMap((s) => s.items).find((i) => i.code === code);
  const roles = (item?.options ?? []).map((o) => ({ value: o.code, label: t(`item.${code}.option.${o.code}`, { ns }) }));
  const stops = [...new Map(result.flags.filter((f) => f.level === 'STOP').map((f) => [f.ruleId, f])).values()];
  const [rules, setRules] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [role, setRole] = useState('');
  const [date, setDate] = useState(now.slice(0, 10));
  const [problems, setProblems] = useState<string[]>([]);
  const recorded = asOverride(answers[code]);
  const status = result.override;

  const write = (value: ReturnType<typeof overrideRecord> | undefined) => setRecord(update, code, value);
  const record = () => {
    const missing = [
      rules.length === 0 ? t('review.override.needRules') : '',
      reason.trim() === '' ? t('review.override.needReason') : '',
      by.trim() === '' ? t('review.override.needBy') : '',
      role === '' ? t('review.override.needRole') : '',
      date === '' ? t('review.override.needDate') : '',
    ].filter((m) => m !== '');
    setProblems(missing);
    if (missing.length > 0) return;
    write(overrideRecord(instrument, answers, { rules, reason: reason.trim(), by: by.trim(), role, date }, { now }));
    setRules([]);
  };
  const toggle = (ruleId: string) => setRules((current) => (current.includes(ruleId) ? current.filter((r) => r !== ruleId) : [...current, ruleId]));

  return (
    <div className="override">
      {recorded ? (
        <div className={`status ${status.state === 'active' ? 'status--success' : 'status--warning'}`}>
          <p>
            <strong>{t(`review.override.state.${status.state}`)}</strong>{' '}
            {t('review.override.recorded', {
              by: recorded.by,
              role: roles.find((r) => r.value === recorded.role)?.label ?? recorded.role,
              date: formatIsoDate(recorded.date, lang),
            })}
          </p>
          <ul>
            {recorded.rules.map((ruleId) => <li key={ruleId}>{t(`rule.${ruleId}.reason`, { ns })} ({ruleId})</li>)}
          </ul>
          <p>{recorded.reason}</p>
          {status.problems.length > 0 ? (
            <ul>
              {status.problems.map((p) => <li key={`${p.key}-${JSON.stringify(p.params ?? {})}`}>{reasonText(p)}</li>)}
            </ul>
          ) : null}
          <button type="button" className="btn btn--secondary" onClick={() => write(undefined)}>
            {t('review.override.withdraw')}
          </button>
        </div>
      ) : null}
      <details className="override__form" open={stops.length > 0 && !recorded}>
        <summary>{t('review.override.summaryNamed')}</summary>
        <p className="hint">{t(`item.${code}.help`, { ns })}</p>
        {stops.length === 0 ? <p>{t('review.override.noStops')}</p> : (
          <fieldset className="item">
            <legend className="item__label">{t('review.override.rules')}</legend>
            {stops.map((flag, index) => (
              <div key={flag.ruleId} className="choice">
                <input
                  type="checkbox"
                  id={`${id}-rule-${String(index)}`}
                  checked={rules.includes(flag.ruleId)}
                  disabled={flag.hard}
                  onChange={() => toggle(flag.ruleId)}
                  {...(flag.hard ? { 'aria-describedby': `${id}-hard-${String(index)}` } : {})}
                />
                <label htmlFor={`${id}-rule-${String(index)}`}>
                  {t(`rule.${flag.ruleId}.reason`, { ns })} ({flag.ruleId})
                </label>
                {flag.hard ? <p id={`${id}-hard-${String(index)}`} className="hint">{t('review.flags.hard')}</p> : null}
              </div>
            ))}
          </fieldset>
        )}
        <TextField kind="textarea" label={t('review.override.reason')} value={reason} onChange={setReason} errors={[]} personal={true} />
        <TextField kind="line" label={t('review.override.by')} value={by} onChange={setBy} errors={[]} personal={true} />
        <ChoiceField legend={t('review.override.role')} options={roles} value={role} onChange={setRole} errors={[]} />
        <TextField kind="date" label={t('review.override.date')} value={date} onChange={setDate} errors={[]} personal={false} />
        {problems.length > 0 ? (
          <ul className="field__error" role="alert">
            {problems.map((m) => <li key={m}>{m}</li>)}
          </ul>
        ) : null}
        <button type="button" className="btn btn--primary" onClick={record}>
          {t('review.override.record')}
        </button>
      </details>
    </div>
  );
}
