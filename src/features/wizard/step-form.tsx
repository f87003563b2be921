import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult, FieldError, Flag } from '../../engine';
import { isRecordType, type Answers, type Instrument, type Section } from '../../instrument';
import { useDraftReadOnly } from '../../session';
import { formatNumber } from '../../lib/format';
import { mergeAnswers, sectionFormValues, type FormValues } from './form-values';
import { useBilingual } from './bilingual';
import { ItemField } from './item-field';
import { ProvenanceNote } from './provenance-note';
import { StepFlagsContext } from './step-flags';
import { createStepResolver } from './step-resolver';

const noFlags: readonly Flag[] = [];

interface StepFormProps {
  instrument: Instrument;
  section: Section;
  /** the codes of the page shown (features/wizard/pages.ts) */
  page: readonly string[];
  /** the section's introduction is read on its first page */
  firstPage: boolean;
  ns: string;
  now: string;
  /** the draft's answers; read once, when the step opens */
  answers: Answers;
  result: AssessmentResult;
  /** receives a function of the latest answers, so rapid changes never overwrite each other */
  onChange: (change: (answers: Answers) => Answers) => void;
}

/**
 * One section as one react-hook-form, of which one page of questions is shown (a field of
 * another page keeps its value: react-hook-form does not unregister unmounted fields). Every change goes straight to the draft (autosave);
 * nothing waits for a submit, because the interview may stop at any moment.
 *
 * Memoised without `answers` (read only when the step opens): the draft's answers change on
 * every keystroke, and re-rendering the whole step then made typing lag on slow phones. The
 * form itself re-renders the field typed in; the step re-renders when a new assessment arrives.
 */
export const StepForm = memo(
  StepFormView,
  (a, b) =>
    a.instrument === b.instrument && a.section === b.section && a.page === b.page && a.firstPage === b.firstPage && a.ns === b.ns && a.now === b.now
    && a.result === b.result && a.onChange === b.onChange,
);

function StepFormView({ instrument, section, page, firstPage, ns, now, answers, result, onChange }: StepFormProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const bi = useBilingual();
  const [opened] = useState(answers);
  // Records (an override, a sign-off, where a draft came from) are written by the app at a
  // moment of decision, never typed: they are not fields of the form.
  const items = useMemo(() => section.items.filter((item) => !isRecordType(item.type)), [section.items]);
  const provenance = section.items.find((item) => item.type === 'provenance');
  const defaultValues = useMemo(() => sectionFormValues(items, opened), [items, opened]);

  const describe = useCallback(
    (error: FieldError) => {
      const column = error.column ? t(`item.${error.item}.column.${error.column}.label`, { ns }) : undefined;
      const message = t(error.key, { ns: 'engine', ...error.params, ...(column ? { column } : {}) });
      return error.row === undefined ? message : t('error.rowCell', { ns: 'wizard', row: formatNumber(error.row + 1, lang), message });
    },
    [t, ns, lang],
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

  // Another tab writes this draft: show it, but no input can change it (src/session).
  const readOnly = useDraftReadOnly();
  const visible = useMemo(() => new Set(result.visibleItems), [result.visibleItems]);
  const onPage = useMemo(() => new Set(page), [page]);
  const flagsOf = useMemo(() => {
    const byItem = new Map<string, Flag[]>();
    for (const flag of result.flags) {
      for (const code of new Set(flag.items.map((ref) => ref.code))) byItem.set(code, [...(byItem.get(code) ?? []), flag]);
    }
    return (code: string): readonly Flag[] => byItem.get(code) ?? noFlags;
  }, [result.flags]);
  const introKey = `section.${section.code}.intro`;
  return (
    <form className="step" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset className="draft-fieldset" disabled={readOnly}>
      {firstPage && t(introKey, { ns, defaultValue: '' }) ? <p className="step__intro">{bi.node(introKey, ns)}</p> : null}
      {firstPage && provenance ? <ProvenanceNote instrument={instrument} code={provenance.code} answer={opened[provenance.code]} /> : null}
      <StepFlagsContext.Provider value={result.flags}>
      {items
        .filter((item) => onPage.has(item.code) && visible.has(item.code))
        .map((item) => (
          <ItemField
            key={item.code}
            item={item}
            ns={ns}
            control={control}
            flags={flagsOf(item.code)}
          />
        ))}
      </StepFlagsContext.Provider>
      </fieldset>
    </form>
  );
}
