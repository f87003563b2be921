import type { ReactNode } from 'react';
import { useBilingual } from './bilingual';

/** Help stays folded until asked for, so a step stays scannable during the interview. */
export function HelpDisclosure({ text }: { text: ReactNode }) {
  const bi = useBilingual();
  return (
    <details className="help">
      <summary>{bi.node('item.help', 'wizard')}</summary>
      <p>{text}</p>
    </details>
  );
}
