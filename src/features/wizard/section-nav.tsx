import { memo, useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProgress } from '../../engine';
import { localized } from '../../lib/format';
import { routeToHash } from '../../lib/routes';
import { sectionStatusTexts } from './section-status';

export interface NavSection {
  code: string;
  title: string;
  progress: SectionProgress | undefined;
}

interface SectionNavProps {
  draftId: string;
  sections: readonly NavSection[];
  current: string;
  onSelect: (code: string) => void;
  onReview: () => void;
  /** shown above the list when it is open: the interview's languages */
  children?: ReactNode;
}

/**
 * Where the caseworker is and what is left: every visible section with its status, and the
 * interview's languages. Folded behind a button in the bar at the bottom of the screen; it opens
 * above the bar, and Escape folds it again.
 */
export const SectionNav = memo(function SectionNav({ draftId, sections, current, onSelect, onReview, children }: SectionNavProps) {
  const { t, i18n } = useTranslation(['wizard', 'phone']);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const [open, setOpen] = useState(false);
  const listId = useId();
  const position = sections.findIndex((s) => s.code === current) + 1;
  const follow = (e: MouseEvent<HTMLAnchorElement>, go: () => void) => {
    // A plain click goes through the wizard so pending input is flushed first;
    // modified clicks (new tab) keep the browser's behaviour.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    setOpen(false);
    go();
  };

  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
  };

  return (
    <nav aria-label={t('nav.label')} className="wizard-nav" onKeyDown={closeOnEscape}>
      <button
        type="button"
        className="wizard-nav__toggle btn btn--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {/* On a phone only the icon and "4/11" show; the word is still in the button's name. */}
        <span className="wizard-nav__icon" aria-hidden="true" />
        <span className="wizard-nav__word">{t('wizard.sectionsWord', { ns: 'phone' })}</span>{' '}
        {t('wizard.sectionsCount', { ns: 'phone', ...localized({ step: position, total: sections.length }, lang) })}
      </button>
      <div id={listId} className="wizard-nav__panel" data-open={open}>
        {children}
        <ol className="wizard-nav__list">
          {sections.map((s) => (
            <li key={s.code}>
              <a
                href={routeToHash({ name: 'wizard', draftId, section: s.code })}
                aria-current={s.code === current ? 'step' : undefined}
                onClick={(e) => follow(e, () => onSelect(s.code))}
              >
                <span className="wizard-nav__title">{s.title}</span>
                <span className="wizard-nav__status">
                  {sectionStatusTexts(s.progress)
                    .map((text) => (text.params ? t(text.key, localized(text.params, lang)) : t(text.key)))
                    .join(' · ')}
                </span>
              </a>
            </li>
          ))}
        </ol>
        <a
          className="wizard-nav__review"
          href={routeToHash({ name: 'review', draftId })}
          onClick={(e) => follow(e, onReview)}
        >
          {t('nav.review')}
        </a>
      </div>
    </nav>
  );
});
