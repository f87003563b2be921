import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui';
import { roles, type Role } from '../../../case/roles';
import { envelopeRoleLabel } from '../envelope/texts';
import { downloadText } from '../identity/download';
import { Outcome, useOutcome } from '../identity/messages';
import { orgKitService } from './org-kit-service';

/** Neutral name of the kit file. */
export const KIT_FILE_NAME = 'organisation-kit.json';

/** "1, 7, 30" → [1, 7, 30], ascending and distinct; null when it is not such a list. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;،、]+/).filter((part) => part !== '');
  const days = parts.map((part) => Number(part));
  if (days.length === 0 || days.length > 12 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 730)) return null;
  return days.every((day, i) => i === 0 || day > (days[i - 1] ?? 0)) ? days : null;
}

/**
 * On the supervisor's device: the roles and policy of the kit; the roots this device trusts and the
 * recipients it can encrypt to go in as they are. Downloads organisation-kit.json.
 */
export function KitCreateForm() {
  const { t } = useTranslation('envelope');
  const id = useId();
  const [chosen, setChosen] = useState<Role[]>(['caseworker', 'supervisor']);
  const [days, setDays] = useState('7, 30, 90');
  const [minMinutes, setMin] = useState('2');
  const [maxMinutes, setMax] = useState('15');
  const [message, setMessage] = useOutcome();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const followUpDays = parseDays(days);
    const range = { minMinutes: Number(minMinutes), maxMinutes: Number(maxMinutes) };
    const rangeOk = [range.minMinutes, range.maxMinutes].every((n) => Number.isInteger(n) && n >= 2 && n <= 30) && range.minMinutes <= range.maxMinutes;
    if (chosen.length === 0 || followUpDays === null || !rangeOk) {
      setMessage({ tone: 'error', text: t(chosen.length === 0 ? 'kit.create.noRoles' : followUpDays === null ? 'kit.create.badDays' : 'kit.create.badRange') });
      return;
    }
    setBusy(true);
    try {
      downloadText(KIT_FILE_NAME, new TextDecoder().decode(await orgKitService.createKit({ roles: roles.filter((role) => chosen.includes(role)), policy: { followUpDays, idleLock: range } })), 'application/json');
      setMessage({ tone: 'success', text: t('kit.create.done') });
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'kit failed');
      setMessage({ tone: 'error', text: t('problem.unexpected') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('kit.create.title')}</h3>
      <p className="hint">{t('kit.create.intro')}</p>
      <fieldset>
        <legend>{t('kit.create.roles')}</legend>
        {roles.map((role) => (
          <div className="export-check" key={role}>
            <input
              type="checkbox"
              id={`${id}-${role}`}
              checked={chosen.includes(role)}
              onChange={(event) => setChosen((list) => (event.target.checked ? [...list, role] : list.filter((item) => item !== role)))}
            />
            <label htmlFor={`${id}-${role}`}>{envelopeRoleLabel(t, role)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-days`}>
          {t('kit.create.days')}
        </label>
        <p className="field__help" id={`${id}-days-help`}>
          {t('kit.create.daysHelp')}
        </p>
        <input id={`${id}-days`} type="text" inputMode="numeric" dir="ltr" aria-describedby={`${id}-days-help`} value={days} onChange={(event) => setDays(event.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-min`}>
          {t('kit.create.minLock')}
        </label>
        <input id={`${id}-min`} type="number" min={2} max={30} value={minMinutes} onChange={(event) => setMin(event.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-max`}>
          {t('kit.create.maxLock')}
        </label>
        <input id={`${id}-max`} type="number" min={2} max={30} value={maxMinutes} onChange={(event) => setMax(event.target.value)} />
      </div>
      <Button type="submit" disabled={busy}>
        {t('kit.create.submit')}
      </Button>
      <Outcome message={message} />
    </form>
  );
}
