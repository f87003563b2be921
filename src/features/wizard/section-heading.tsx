import type { Ref } from 'react';
import { useBilingual } from './bilingual';

/** The step's title; in the side-by-side interview in both languages. Focused on a step change. */
export function SectionHeading({ ref, code, ns }: { ref: Ref<HTMLHeadingElement>; code: string; ns: string }) {
  const bi = useBilingual();
  return (
    <h1 ref={ref} tabIndex={-1}>
      {bi.node(`section.${code}.title`, ns)}
    </h1>
  );
}
