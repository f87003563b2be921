import { memo, useId, useState, type MouseEvent } from 'react';
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
}

/**
 * Where the caseworker is and what is left: every visible section with its status. Folded
 * behind a button on small screens (CSS shows it open on wide ones).
 */
export const SectionNav = memo(function SectionNav({ draftId, sections, current, onSelect, onReview }: SectionNavProps) {
  const { t, i18n } = useTranslation('wizard');
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

  return (
    <nav aria-label={t('nav.label')} className="wizard-nav">
      <button
        type="button"
        className="wizard-nav__toggle btn btn--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {t('nav.toggle', localized({ step: position, total: sections.length }, lang))}
      </button>
      <div id={listId} className="wizard-nav__panel" data-open={open}>
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
