/** What every answer-type input receives, and the guards that read a form value safely. */
import type { Item, SignatureAnswer, VerbatimAnswer } from '../../../instrument';
import type { FieldValue, RowForm } from '../form-values';

export interface InputProps {
  /** id of the main control (its <label> points here); group inputs prefix their ids with it */
  id: string;
  item: Item;
  /** the instrument version's content namespace */
  ns: string;
  /** the item's question, for accessible names of controls inside rows */
  label: string;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  describedBy: string | undefined;
  invalid: boolean;
}

export const asText = (v: FieldValue): string => (typeof v === 'string' ? v : '');
export const asList = (v: FieldValue): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const asRows = (v: FieldValue): RowForm[] =>
  Array.isArray(v) ? v.filter((x): x is RowForm => typeof x === 'object' && x !== null) : [];

export function asVerbatim(v: FieldValue): VerbatimAnswer {
  const o = typeof v === 'object' && !Array.isArray(v) && 'original' in v ? v : null;
  return o ?? { original: '', language: '', translation: '', translatedBy: '' };
}

export function asSignature(v: FieldValue): SignatureAnswer {
  const o = typeof v === 'object' && !Array.isArray(v) && 'name' in v ? v : null;
  return o ?? { name: '', role: '', date: '' };
}

/** Personal data must not be remembered, suggested or sent to a spelling service. */
export function personalProps(personal: boolean) {
  return personal
    ? ({ autoComplete: 'off', spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } as const)
    : ({} as const);
}

export const ariaInvalid = (invalid: boolean) => (invalid ? { 'aria-invalid': true as const } : {});
