import { ChoiceInput, usesSelect } from './choice-input';
import { DateInput } from './date-input';
import type { InputProps } from './input-props';
import { MultiInput } from './multi-input';
import { NumberInput } from './number-input';
import { RowsInput } from './rows-input';
import { ScaleInput } from './scale-input';
import { SignatureInput } from './signature-input';
import { TextInput } from './text-input';
import { VerbatimInput } from './verbatim-input';
import { YnuInput } from './ynu-input';
import type { Item } from '../../../instrument';

/**
 * True when the item is a group of controls, named by a fieldset's legend; false when it
 * is one control, named by a <label>.
 */
export function isGroupItem(item: Item): boolean {
  switch (item.type) {
    case 'number':
    case 'date':
    case 'text':
      return false;
    case 'choice':
      return !usesSelect(item.options?.length ?? 0);
    default:
      return true;
  }
}

/** The renderer for an item's answer type. Renders by type only, never by item code. */
export function ItemInput(props: InputProps) {
  switch (props.item.type) {
    case 'ynu': return <YnuInput {...props} />;
    case 'choice': return <ChoiceInput {...props} />;
    case 'multi': return <MultiInput {...props} />;
    case 'number': return <NumberInput {...props} />;
    case 'date': return <DateInput {...props} />;
    case 'scale': return <ScaleInput {...props} />;
    case 'text': return <TextInput {...props} />;
    case 'verbatim': return <VerbatimInput {...props} />;
    case 'rows': return <RowsInput {...props} />;
    case 'signature': return <SignatureInput {...props} />;
  }
}
