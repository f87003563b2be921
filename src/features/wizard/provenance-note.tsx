import { useTranslation } from 'react-i18next';
import { asProvenance, contentNamespace, type AnswerValue, type Instrument } from '../../instrument';
import { UpgradeNote } from '../../session';

interface ProvenanceNoteProps {
  instrument: Instrument;
  code: string;
  answer: AnswerValue | undefined;
}

/** On a draft moved from an earlier version: what the move did, read-only, at the top of its first step. */
export function ProvenanceNote({ instrument, code, answer }: ProvenanceNoteProps) {
  const { t } = useTranslation('wizard');
  const note = asProvenance(answer);
  if (!note) return null;
  const ns = contentNamespace(instrument.id, instrument.version);
  return (
    <section className="card provenance" aria-labelledby={`provenance-${code}`}>
      <h2 id={`provenance-${code}`}>{t(`item.${code}.label`, { ns })}</h2>
      <UpgradeNote note={note} instrumentId={instrument.id} toVersion={instrument.version} when="after" />
    </section>
  );
}
