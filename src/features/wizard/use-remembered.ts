import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Answers, Instrument } from '../../instrument';
import { rememberedDetails, type Remembered } from './remembered';

/** Other drafts read for remembered details: the most recently changed few are enough. */
const RECENT_DRAFTS = 5;

export interface Offers extends Remembered {
  /** fills questions of the page shown (code → answer), as if typed */
  fill: (values: Readonly<Record<string, string>>) => void;
}

const none: Offers = { assessor: null, interpreters: [], fill: () => undefined };
export const OffersContext = createContext<Offers>(none);
export const useOffers = (): Offers => useContext(OffersContext);

/** The answers of this device's other recent drafts of the same instrument (read once per draft opened). */
export function useOtherAnswers(draftId: string, instrument: Instrument): readonly Answers[] {
  const [others, setOthers] = useState<readonly Answers[]>([]);
  useEffect(() => {
    let active = true;
    (async () => {
      const { drafts } = await import('../../storage');
      const { drafts: listed } = await drafts.list();
      const recent = listed
        .filter((d) => d.id !== draftId && d.instrumentId === instrument.id && d.instrumentVersion === instrument.version)
        .slice(0, RECENT_DRAFTS);
      const read: Answers[] = [];
      for (const summary of recent) {
        // An unreadable draft offers nothing; the list screen already reports it.
        const draft = await drafts.get(summary.id).catch(() => undefined);
        if (draft) read.push(draft.data.answers);
      }
      if (active) setOthers(read);
    })().catch(() => undefined);
    return () => {
      active = false;
    };
  }, [draftId, instrument]);
  return others;
}

/**
 * What to offer now, from the draft open (its answers so far) and the others. The same object
 * while its content is the same, so the page is not re-rendered on every keystroke.
 */
export function useRemembered(instrument: Instrument, current: Answers, others: readonly Answers[]): Remembered {
  const next = useMemo(() => rememberedDetails(instrument, current, others), [instrument, current, others]);
  const kept = useRef<{ key: string; value: Remembered } | null>(null);
  const key = JSON.stringify(next);
  if (kept.current?.key !== key) kept.current = { key, value: next };
  return kept.current.value;
}
