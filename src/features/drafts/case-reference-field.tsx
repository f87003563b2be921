import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui';
import { caseReferenceMaxLength, type CaseReferenceProblem } from './case-reference';

interface Props {
  value: string;
  onChange: (value: string) => void;
  problem: CaseReferenceProblem | null;
  label: string;
  autoFocus?: boolean;
}

/** The case reference input with its privacy help text; shared by "start" and "duplicate". */
export function CaseReferenceField({ value, onChange, problem, label, autoFocus = false }: Props) {
  const { t } = useTranslation('ui');
  return (
    <Field
      label={label}
      help={t('drafts.caseRef.help')}
      error={problem ? t(`drafts.caseRef.error.${problem}`, { max: caseReferenceMaxLength }) : undefined}
      required
    >
      {(control) => (
        <input
          {...control}
          type="text"
          name="caseRef"
          value={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus={autoFocus}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}
