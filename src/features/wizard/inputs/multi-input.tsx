import { useBilingual } from '../bilingual';
import { ariaInvalid, asList, type InputProps } from './input-props';
import { choicesClass, shortLabels } from './radio-group';

/** Checkboxes in the instrument's option order; the answer keeps that order too. */
export function MultiInput({ id, item, ns, value, onChange, invalid }: InputProps) {
  const bi = useBilingual();
  const selected = new Set(asList(value));
  const codes = (item.options ?? []).map((o) => o.code);
  const toggle = (code: string) => {
    const next = new Set(selected);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onChange(codes.filter((c) => next.has(c)));
  };
  const paired = shortLabels(codes.flatMap((code) => bi.texts(`item.${item.code}.option.${code}`, ns)));
  return (
    <div className={choicesClass(false, paired)}>
      {codes.map((code) => {
        const optionId = `${id}-${code}`;
        return (
          <div key={code} className="choice">
            <input type="checkbox" id={optionId} checked={selected.has(code)} onChange={() => toggle(code)} {...ariaInvalid(invalid)} />
            <label htmlFor={optionId}>{bi.node(`item.${item.code}.option.${code}`, ns)}</label>
          </div>
        );
      })}
    </div>
  );
}
