/**
 * Engine field errors → react-hook-form errors. The engine is the one validator (see
 * architecture.md); the wizard adds only what the engine cannot see: text typed into a
 * number box that is not a number never reaches the answers, so it is reported here.
 */
import type { FieldError } from '../../engine';
import type { Item } from '../../instrument';
import { fieldName, isUnparsableNumber } from './form-values';

/** What RHF stores per field: the first message, and every message under `types`. */
export interface StepFieldError {
  type: string;
  message: string;
  types: Record<string, string>;
}

/** Key of the wizard's own "not a number" error; the `wizard:` prefix picks its namespace. */
export const notANumberKey = 'wizard:error.notNumber';

/** Groups errors by item, in order, so each field shows all of its problems. */
export function mapFieldErrors(
  errors: readonly FieldError[],
  describe: (error: FieldError) => string,
): Record<string, StepFieldError> {
  const out: Record<string, StepFieldError> = {};
  for (const error of errors) {
    const name = fieldName(error.item);
    const message = describe(error);
    const existing = out[name];
    if (existing) {
      const next = String(Object.keys(existing.types).length);
      existing.types[next] = message;
    } else {
      out[name] = { type: error.key, message, types: { '0': message } };
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Numbers (and number cells of rows) whose typed text is not a number. */
export function unparsableNumbers(items: readonly Item[], values: unknown): FieldError[] {
  const all = isRecord(values) ? values : {};
  const errors: FieldError[] = [];
  for (const item of items) {
    const field = all[fieldName(item.code)];
    if (!isRecord(field) || field.special) continue;
    const value = field.value;
    if ((item.type === 'number' || item.type === 'scale') && typeof value === 'string' && isUnparsableNumber(value)) {
      errors.push({ item: item.code, key: notANumberKey });
    }
    if (item.type === 'rows' && Array.isArray(value)) {
      const numberColumns = (item.columns ?? []).filter((c) => c.type === 'number');
      value.forEach((row, index) => {
        if (!isRecord(row)) return;
        for (const column of numberColumns) {
          const cell = row[column.key];
          if (typeof cell === 'string' && isUnparsableNumber(cell)) {
            errors.push({ item: item.code, key: notANumberKey, row: index, column: column.key });
          }
        }
      });
    }
  }
  return errors;
}

/** Every message of one field error, in the order the engine gave them. */
export function errorMessages(error: unknown): string[] {
  if (!isRecord(error)) return [];
  const types = error.types;
  if (isRecord(types)) return Object.values(types).filter((m): m is string => typeof m === 'string');
  return typeof error.message === 'string' ? [error.message] : [];
}
