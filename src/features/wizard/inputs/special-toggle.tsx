import { useBilingual } from '../bilingual';
import type { SpecialKind } from '../form-values';

interface SpecialToggleProps {
  value: SpecialKind | '';
  onChange: (value: SpecialKind | '') => void;
}

const kinds: readonly SpecialKind[] = ['unknown', 'declined'];

/** One tap records "don't know" or "declined"; tapping again (or typing an answer) clears it. */
export function SpecialToggle({ value, onChange }: SpecialToggleProps) {
  const bi = useBilingual();
  return (
    <div className="special">
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="special__button"
          aria-pressed={value === kind}
          onClick={() => onChange(value === kind ? '' : kind)}
        >
          {bi.node(`special.${kind}`, 'wizard')}
        </button>
      ))}
    </div>
  );
}
