import { useTranslation } from 'react-i18next';
import { useOffers } from './use-remembered';

/**
 * One tap instead of retyping: the assessor's details from this device's last assessment,
 * offered on the assessor's question while it is empty. `data-offer` names what it fills.
 */
export function AssessorOffer({ code, empty }: { code: string; empty: boolean }) {
  const { t } = useTranslation('phone');
  const { assessor, fill } = useOffers();
  const name = assessor?.[code];
  // On the assessor's own question only (not each of its sub-questions), while it is empty.
  if (!assessor || !name || !empty || code.includes('.')) return null;
  return (
    <button type="button" className="offer" data-offer={JSON.stringify(assessor)} onClick={() => fill(assessor)}>
      {t('offer.assessor', { name })}
    </button>
  );
}

/** Interpreters already named on this device (this case first), offered for "Translated by". */
export function InterpreterOffers({ code, onPick }: { code: string; onPick: (name: string) => void }) {
  const { t } = useTranslation('phone');
  const { interpreters } = useOffers();
  if (interpreters.length === 0) return null;
  return (
    <div className="offers" role="group" aria-label={t('offer.interpreters')}>
      {interpreters.map((name) => (
        <button key={name} type="button" className="offer" data-offer={JSON.stringify({ [code]: name })} onClick={() => onPick(name)}>
          {t('offer.interpreter', { name })}
        </button>
      ))}
    </div>
  );
}
