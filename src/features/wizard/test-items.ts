/** Builds schema-valid items for the wizard's and review's unit tests. Test-only. */
import { itemSchema, type Item } from '../../instrument';
import type { z } from 'zod';

export type { AnswerValue, Answers, Item } from '../../instrument';
export type ItemInput = z.input<typeof itemSchema>;

export function item(shape: Partial<ItemInput>): Item {
  return itemSchema.parse({ code: 'A1', source: 'practice', type: 'text', ...shape });
}
