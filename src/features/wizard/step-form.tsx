import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult, FieldError, Flag } from '../../engine';
import { isRecordType, type Answers, type Instrument, type Section } from '../../instrument';
import { useDraftReadOnly } from '../../session';
import { formatNumber } from '../../lib/format';
import { fieldName, mergeAnswers, sectionFormValues, toFormField, type FormValues } from './form-values';
import type { Remembered } from './remembered';
import { OffersContext } from './use-remembered';
import { useBilingual } from './bilingual';
import { ItemField } from './item-field';
import { PersonHalf } from './person-half';
import { homeItem } from './item-flags';
import { SectionFlagSummary } from './section-flag-summary';
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
  /** the summary of the section's flags closes its last page */
  lastPage: boolean;
  ns: string;
  now: string;
  /** the draft's answers; read once, when the step opens */
  answers: Answers;
  result: AssessmentResult;
  /** details this device remembers, offered in one tap (use-remembered.ts) */
  remembered: Remembered;
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
    a.instrument === b.instrument && a.section === b.section && a.page === b.page && a.firstPage === b.firstPage && a.lastPage === b.lastPage && a.ns === b.ns && a.now === b.now
    && a.result === b.result && a.remembered === b.remembered && a.onChange === b.onChange,
);

function StepFormView({ instrument, section, page, firstPage, lastPage, ns, now, answers, result, remembered, onChange }: StepFormProps) {
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
  const { control, watch, setValue } = useForm<FormValues>({ defaultValues, mode: 'onTouched', resolver });
  // An offer taken fills its questions as typing would (autosaved through the watch below).
  const offers = useMemo(
    () => ({
      ...remembered,
      fill: (values: Readonly<Record<string, string>>) => {
        for (const [code, answer] of Object.entries(values)) {
          const item = items.find((i) => i.code === code);
          if (item) setValue(fieldName(code), toFormField(item, answer), { shouldDirty: true, shouldTouch: true });
        }
      },
    }),
    [remembered, items, setValue],
  );

  useEffect(() => {
    const subscription = watch((values) => onChange((latest) => mergeAnswers(items, latest, values, opened)));
    return () => subscription.unsubscribe();
  }, [watch, onChange, items, opened]);

  // Another tab writes this draft: show it, but no input can change it (src/session).
  const readOnly = useDraftReadOnly();
  const visible = useMemo(() => new Set(result.visibleItems), [result.visibleItems]);
  const onPage = useMemo(() => new Set(page), [page]);
  // Each flag once: under the last of its answers in the section it is counted in.
  const sectionFlags = useMemo(() => result.flags.filter((flag) => flag.section === section.code), [result.flags, section.code]);
  const flagsOf = useMemo(() => {
    const codes = section.items.map((item) => item.code);
    const byItem = new Map<string, Flag[]>();
    for (const flag of sectionFlags) {
      const home = homeItem(flag, codes);
      if (home) byItem.set(home, [...(byItem.get(home) ?? []), flag]);
    }
    return (code: string): readonly Flag[] => byItem.get(code) ?? noFlags;
  }, [sectionFlags, section.items]);
  const shownItems = items.filter((item) => onPage.has(item.code) && visible.has(item.code));
  // Only an instrument that says whom each question is for (version 2 on) has a person's half.
  const hasAudiences = items.some((item) => item.audience !== undefined);
  const introKey = `section.${section.code}.intro`;
  return (
    <form className="step" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset className="draft-fieldset" disabled={readOnly}>
      {firstPage && t(introKey, { ns, defaultValue: '' }) ? <p className="step__intro">{bi.node(introKey, ns)}</p> : null}
      {firstPage && provenance ? <ProvenanceNote instrument={instrument} code={provenance.code} answer={opened[provenance.code]} /> : null}
      {hasAudiences ? <PersonHalf items={shownItems} ns={ns} /> : null}
      <OffersContext.Provider value={offers}>
      <StepFlagsContext.Provider value={result.flags}>
      {shownItems
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
      </OffersContext.Provider>
      {lastPage ? <SectionFlagSummary flags={sectionFlags} ns={ns} /> : null}
      </fieldset>
    </form>
  );
}
