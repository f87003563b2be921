import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface StepActionsProps {
  /** null on the interview's first page */
  previous: (() => void) | null;
  next: () => void;
  /** the last page of the last section: "Next" leads to the review */
  last: boolean;
  /** the section list (its toggle sits between the two buttons) */
  children: ReactNode;
}

/**
 * Back, the section list and Next, in one bar after the page's questions (in reading and tab
 * order too); pages are short, so the bar is at the bottom of the screen, where a thumb is.
 */
export function StepActions({ previous, next, last, children }: StepActionsProps) {
  const { t } = useTranslation('phone');
  return (
    <div className="wizard__actions">
      {previous ? (
        <button type="button" className="btn btn--secondary wizard__previous" onClick={previous}>
          <span className="arrow arrow--back" aria-hidden="true" />
          {t('wizard.back')}
        </button>
      ) : null}
      {children}
      <button
        type="button"
        className="btn btn--primary wizard__next"
        onClick={next}
        {...(last ? { 'aria-describedby': 'wizard-last-step' } : {})}
      >
        {t('wizard.next')}
        <span className="arrow arrow--forward" aria-hidden="true" />
      </button>
      {last ? (
        <p id="wizard-last-step" className="hint wizard__last">
          {t('step.lastHint', { ns: 'wizard' })}
        </p>
      ) : null}
    </div>
  );
}
