/**
 * The step's react-hook-form resolver: the engine's `validateSection` over the draft's
 * answers with this step's form values merged in (visibility may depend on other sections),
 * plus the wizard's own "not a number" check.
 */
import type { Resolver } from 'react-hook-form';
import { validateSection, type FieldError } from '../../engine';
import type { Answers, Instrument, Item } from '../../instrument';
import { mapFieldErrors, unparsableNumbers } from './field-errors';
import { mergeAnswers, type FormValues } from './form-values';

export interface StepResolverOptions {
  instrument: Instrument;
  sectionCode: string;
  items: readonly Item[];
  /** the draft's answers when the step opened; other sections cannot change meanwhile */
  opened: Answers;
  now: string;
  describe: (error: FieldError) => string;
}

export function createStepResolver(options: StepResolverOptions): Resolver<FormValues> {
  const { instrument, sectionCode, items, opened, now, describe } = options;
  return (values) => {
    const answers = mergeAnswers(items, opened, values, opened);
    const errors = [...validateSection(instrument, answers, sectionCode, { now }), ...unparsableNumbers(items, values)];
    if (errors.length === 0) return { values, errors: {} };
    return { values: {}, errors: mapFieldErrors(errors, describe) };
  };
}
