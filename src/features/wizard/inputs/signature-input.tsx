import { useTranslation } from 'react-i18next';
import type { SignatureAnswer } from '../../../instrument';
import { asSignature, personalProps, type InputProps } from './input-props';

/** The keyboard alternative to a drawn signature: typed name, role and date. */
export function SignatureInput({ id, value, onChange }: InputProps) {
  const { t } = useTranslation('wizard');
  const v = asSignature(value);
  const set = (patch: Partial<SignatureAnswer>) => onChange({ ...v, ...patch });
  return (
    <div className="signature">
      <p className="hint">{t('signature.hint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('signature.name')}</label>
        <input id={id} type="text" className="input" value={v.name} onChange={(e) => set({ name: e.target.value })} {...personalProps(true)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('signature.role')}</label>
        <input id={`${id}-role`} type="text" className="input" value={v.role} onChange={(e) => set({ role: e.target.value })} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('signature.date')}</label>
        <input id={`${id}-date`} type="date" className="input input--short" value={v.date} onChange={(e) => set({ date: e.target.value })} />
      </div>
    </div>
  );
}
