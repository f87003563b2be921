import { memo, useId, type FocusEvent } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../engine';
import type { Item } from '../../instrument';
import { errorMessages } from './field-errors';
import { fieldName, toFormField, type FieldValue, type FormValues, type SpecialKind } from './form-values';
import { useBilingual } from './bilingual';
import { HelpDisclosure } from './help-disclosure';
import { AssessorOffer } from './offers';
import { ItemFlags } from './item-flags';
import { sameFlags } from './same-flags';
import { isGroupItem, ItemInput } from './inputs/item-input';
import { SpecialToggle } from './inputs/special-toggle';

interface ItemFieldProps {
  item: Item;
  ns: string;
  control: Control<FormValues>;
  flags: readonly Flag[];
}

/**
 * One question: its label (legend for groups), folded help, the typed input, the one-tap
 * unknown/declined toggle, its errors (a live region, so they are announced) and its flags.
 * Memoised: a keystroke re-renders its own field only (react-hook-form does that through
 * useController), not every question of the step; a new assessment re-renders a field only if
 * its flags changed.
 */
export const ItemField = memo(ItemFieldView, (a, b) =>
  a.item === b.item && a.ns === b.ns && a.control === b.control && sameFlags(a.flags, b.flags),
);

function ItemFieldView({ item, ns, control, flags }: ItemFieldProps) {
  const { t, i18n } = useTranslation('wizard');
  const bi = useBilingual();
  const id = useId();
  const { field, fieldState } = useController({ name: fieldName(item.code), control });
  const current = isFormField(field.value) ? field.value : toFormField(item, undefined);
  const messages = errorMessages(fieldState.error);
  const errorId = `${id}-errors`;
  const labelId = `${id}-label`;
  const describedBy = messages.length > 0 ? errorId : undefined;
  const group = isGroupItem(item);
  const label = t(`item.${item.code}.label`, { ns });
  const helpKey = `item.${item.code}.help`;
  const help = i18n.exists(helpKey, { ns }) ? bi.node(helpKey, ns) : null;
  // Shown in both languages side by side; `label` (working language) names controls inside rows.
  const shownLabel = bi.node(`item.${item.code}.label`, ns);
  const allowSpecial = item.allowUnknown && item.type !== 'ynu';

  // Typing an answer replaces a "don't know": the newest input is what the person said.
  const setValue = (value: FieldValue) => field.onChange({ value, special: '' });
  const setSpecial = (special: SpecialKind | '') => field.onChange({ value: current.value, special });
  // Touched when focus leaves the whole question, not each radio or row cell inside it.
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) field.onBlur();
  };

  const body = (
    <>
      {/* Help and the one-tap "don't know"/"declined" share one row above the answer: a phone
          screen holds more questions, and both are read before answering. */}
      {help || allowSpecial ? (
        <div className="item__tools">
          {help ? <HelpDisclosure text={help} /> : null}
          {allowSpecial ? <SpecialToggle value={current.special} onChange={setSpecial} /> : null}
        </div>
      ) : null}
      <AssessorOffer code={item.code} empty={current.value === '' && current.special === ''} />
      <div className={current.special ? 'item__input item__input--special' : 'item__input'}>
        <ItemInput
          id={id}
          item={item}
          ns={ns}
          label={label}
          value={current.value}
          onChange={setValue}
          describedBy={describedBy}
          invalid={messages.length > 0}
        />
      </div>
      <div id={errorId} className="item__errors" aria-live="polite">
        {messages.map((m) => (
          <p key={m} className="field__error">
            {m}
          </p>
        ))}
      </div>
      <ItemFlags flags={flags} ns={ns} />
    </>
  );

  if (group) {
    return (
      <fieldset className="item" onBlur={onBlur} aria-describedby={describedBy}>
        <legend className="item__label">{shownLabel}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className="item" role="group" aria-labelledby={labelId} onBlur={onBlur}>
      <label id={labelId} className="item__label" htmlFor={id}>
        {shownLabel}
      </label>
      {body}
    </div>
  );
}

function isFormField(v: unknown): v is { value: FieldValue; special: SpecialKind | '' } {
  return typeof v === 'object' && v !== null && 'value' in v && 'special' in v;
}
