import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult, FieldError } from '../../engine';
import type { Answers, Instrument, Section } from '../../instrument';
import { mergeAnswers, sectionFormValues, type FormValues } from './form-values';
import { ItemField } from './item-field';
import { createStepResolver } from './step-resolver';

interface StepFormProps {
  instrument: Instrument;
  section: Section;
  ns: string;
  now: string;
  /** the draft's answers; read once, when the step opens */
  answers: Answers;
  result: AssessmentResult;
  /** receives a function of the latest answers, so rapid changes never overwrite each other */
  onChange: (change: (answers: Answers) => Answers) => void;
}

/**
 * One section as one react-hook-form. Every change goes straight to the draft (autosave);
 * nothing waits for a submit, because the interview may stop at any moment.
 */
export function StepForm({ instrument, section, ns, now, answers, result, onChange }: StepFormProps) {
  const { t } = useTranslation(['wizard', 'engine', ns]);
  const [opened] = useState(answers);
  const items = section.items;
  const defaultValues = useMemo(() => sectionFormValues(items, opened), [items, opened]);

  const describe = useCallback(
    (error: FieldError) => {
      const column = error.column ? t(`item.${error.item}.column.${error.column}.label`, { ns }) : undefined;
      const message = t(error.key, { ns: 'engine', ...error.params, ...(column ? { column } : {}) });
      return error.row === undefined ? message : t('error.rowCell', { ns: 'wizard', row: error.row + 1, message });
    },
    [t, ns],
  );
  const resolver = useMemo(
    () => createStepResolver({ instrument, sectionCode: section.code, items, opened, now, describe }),
    [instrument, section.code, items, opened, now, describe],
  );
  const { control, watch } = useForm<FormValues>({ defaultValues, mode: 'onTouched', resolver });

  useEffect(() => {
    const subscription = watch((values) => onChange((latest) => mergeAnswers(items, latest, values, opened)));
    return () => subscription.unsubscribe();
  }, [watch, onChange, items, opened]);

  const visible = new Set(result.visibleItems);
  const introKey = `section.${section.code}.intro`;
  return (
    <form className="step" noValidate onSubmit={(e) => e.preventDefault()}>
      {t(introKey, { ns, defaultValue: '' }) ? <p className="step__intro">{t(introKey, { ns })}</p> : null}
      {items
        .filter((item) => visible.has(item.code))
        .map((item) => (
          <ItemField
            key={item.code}
            item={item}
            ns={ns}
            control={control}
            flags={result.flags.filter((f) => f.items.some((ref) => ref.code === item.code))}
          />
        ))}
    </form>
  );
}
