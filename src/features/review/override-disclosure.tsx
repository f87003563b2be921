import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../instrument';
import { ChoiceField } from './choice-field';
import { TextField } from './text-field';
import type { useDecisionAnswers } from './use-decision-answers';

interface OverrideDisclosureProps {
  instrument: Instrument;
  ns: string;
  active: boolean;
  fields: ReturnType<typeof useDecisionAnswers>;
}

/**
 * The written override of a STOP. Folded away: only a named senior reviewer may use it, and
 * it is recorded in the export. Open by default once any part of it is filled in.
 */
export function OverrideDisclosure({ instrument, ns, active, fields }: OverrideDisclosureProps) {
  const { t } = useTranslation(['wizard', ns]);
  const override = instrument.decision.override;
  // An override record naming rules has its own form (override-record-form.tsx).
  if ('record' in override) return null;
  const { reason, by, role, date } = override;
  const roleItem = instrument.sections.flatMap((s) => s.items).find((i) => i.code === role);
  const roles = (roleItem?.options ?? []).map((o) => ({ value: o.code, label: t(`item.${role}.option.${o.code}`, { ns }) }));
  const started = [reason, by, role, date].some((code) => fields.value(code) !== '');
  return (
    <details className="override" open={started}>
      <summary>{t('review.override.summary')}</summary>
      <p className="hint">{t(active ? 'review.override.active' : 'review.override.inactive')}</p>
      <TextField kind="textarea" label={t(`item.${reason}.label`, { ns })} value={fields.value(reason)} onChange={(v) => fields.set(reason, v)} errors={fields.errors(reason)} personal={true} />
      <TextField kind="line" label={t(`item.${by}.label`, { ns })} value={fields.value(by)} onChange={(v) => fields.set(by, v)} errors={fields.errors(by)} personal={true} />
      <ChoiceField legend={t(`item.${role}.label`, { ns })} options={roles} value={fields.value(role)} onChange={(v) => fields.set(role, v)} errors={fields.errors(role)} />
      <TextField kind="date" label={t(`item.${date}.label`, { ns })} value={fields.value(date)} onChange={(v) => fields.set(date, v)} errors={fields.errors(date)} personal={false} />
    </details>
  );
}
