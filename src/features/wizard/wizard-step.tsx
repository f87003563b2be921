import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assess } from '../../engine';
import { contentNamespace, type Answers, type Instrument } from '../../instrument';
import { localized } from '../../lib/format';
import { navigate } from '../../lib/routes';
import type { DraftData } from '../../storage';
import { SaveStatus } from '../../session';
import { InterviewContext, type InterviewLanguages } from './bilingual';
import { InterviewLanguagesPanel } from './interview-languages-panel';
import { SectionNav } from './section-nav';
import { SectionHeading } from './section-heading';
import { readSideBySide, usePersonWording, writeSideBySide } from './use-person-wording';
import { StepForm } from './step-form';
import { nextPlace, pickPage, previousPlace, sectionPages, shownPages, type Place } from './pages';
import { StepActions } from './step-actions';
import { useOtherAnswers, useRemembered } from './use-remembered';
import type { DraftSession } from '../../session';

interface WizardStepProps {
  draftId: string;
  /** the section in the URL, or null to resume where the caseworker left off */
  requested: string | null;
  /** 1-based page of the requested section, or null for its first */
  requestedPage: number | null;
  instrument: Instrument;
  now: string;
  data: DraftData;
  session: DraftSession;
}

/**
 * Runs `task` once the browser has painted the current frame (the task after the next animation
 * frame), or after 100 ms if no frame comes (a hidden page).
 */
function afterNextPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/** Picks the step to show: the requested one if it applies now, else the saved position, else the first. */
function pickSection(visible: readonly string[], requested: string | null, saved: string | null): string | undefined {
  if (requested && visible.includes(requested)) return requested;
  if (saved && visible.includes(saved)) return saved;
  return visible[0];
}

export function WizardStep({ draftId, requested, requestedPage, instrument, now, data, session }: WizardStepProps) {
  const ns = contentNamespace(instrument.id, instrument.version);
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const { update, flush } = session;
  const [sideBySide, setSideBySide] = useState(readSideBySide);
  const wording = usePersonWording(data.personLanguage, sideBySide);
  const person = wording.status === 'ready' ? wording.person : null;
  const interview = useMemo<InterviewLanguages>(() => ({ personLanguage: data.personLanguage, person }), [data.personLanguage, person]);
  // Typing stays responsive: answers typed into the step's form reach this screen in a React
  // transition (setAnswers below), so this re-render and the whole-instrument assessment run
  // after the keystroke has been painted, and the next keystroke interrupts them.
  const answers = data.answers;
  const result = useMemo(() => assess(instrument, answers, { now }), [instrument, answers, now]);
  const visible = result.visibleSections;
  const otherAnswers = useOtherAnswers(draftId, instrument);
  const remembered = useRemembered(instrument, answers, otherAnswers);
  // The next page (a handful of fields) is rendered in the background: a tap on "Next" or on
  // the section list is answered at once and the page stays responsive; the old page stays,
  // marked busy, until the new one is ready.
  const request = useMemo(() => ({ section: requested, page: requestedPage }), [requested, requestedPage]);
  const shownRequest = useDeferredValue(request);
  const changingStep = shownRequest !== request;
  const current = pickSection(visible, shownRequest.section, data.position.section);
  const section = instrument.sections.find((s) => s.code === current);
  const visibleItems = useMemo(() => new Set(result.visibleItems), [result.visibleItems]);
  const shownPageList = section ? shownPages(section, visibleItems) : [];
  const page = pickPage(shownPageList, shownRequest.section === current && shownRequest.page ? shownRequest.page - 1 : null) ?? 0;
  const pageCodes = section ? (sectionPages(section)[page] ?? noCodes) : noCodes;
  const index = current ? visible.indexOf(current) : -1;
  const title = current ? t(`section.${current}.title`, { ns }) : '';
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | undefined>(undefined);
  const place = current ? `${current}/${String(page)}` : undefined;

  useEffect(() => {
    if (!current || changingStep) return;
    // Keep the URL and the saved position on the page shown, so a reload resumes right here.
    if (requested !== current || requestedPage !== page + 1) navigate({ name: 'wizard', draftId, section: current, page: page + 1 }, { replace: true });
    if (data.position.section !== current) update((d) => ({ ...d, position: { section: current } }));
  }, [current, page, changingStep, requested, requestedPage, draftId, data.position.section, update]);

  useEffect(() => {
    // Section titles are instrument wording, never personal, so they may name the tab.
    document.title = t('document.title', { section: title });
    // A new page starts at its top with focus on its heading (not on first load), so a screen
    // reader starts there and the thumb finds the first question where the eye does.
    if (shown.current !== undefined && shown.current !== place) {
      window.scrollTo({ top: 0 });
      heading.current?.focus({ preventScroll: true });
    }
    shown.current = place;
  }, [place, title, t]);

  // The step's fields hold their own values (react-hook-form), so the draft may follow in the
  // background; its autosave is scheduled at once.
  const setAnswers = useCallback(
    (change: (answers: Answers) => Answers) => update((d) => ({ ...d, answers: change(d.answers) }), { background: true }),
    [update],
  );
  // Stable callbacks and section list: the progress list re-renders on a new assessment, not
  // on every keystroke.
  const goTo = useCallback(
    (code: string, toPage?: number) => {
      // The tap is painted first; the new page (heavy on a slow phone) is asked for after it.
      afterNextPaint(() => {
        // Errors are reported by the save status and retried; moving on never waits for storage.
        flush().catch(() => undefined);
        navigate({ name: 'wizard', draftId, section: code, ...(toPage === undefined ? {} : { page: toPage + 1 }) });
      });
    },
    [flush, draftId],
  );
  const goToReview = useCallback(() => {
    // The review reads the draft from storage, so it must hold the latest input first.
    flush().then(
      () => navigate({ name: 'review', draftId }),
      () => undefined,
    );
  }, [flush, draftId]);
  const navSections = useMemo(
    () =>
      visible.map((code) => ({
        code,
        title: t(`section.${code}.title`, { ns }),
        progress: result.sections.find((p) => p.code === code),
      })),
    [visible, result.sections, t, ns],
  );

  const setPersonLanguage = useCallback((code: string | null) => update((d) => ({ ...d, personLanguage: code })), [update]);
  const toggleSideBySide = useCallback((on: boolean) => {
    setSideBySide(on);
    writeSideBySide(on);
  }, []);

  if (!section || !current) return <p role="alert">{t('load.noSections')}</p>;
  const visibleSections = visible.flatMap((code) => instrument.sections.filter((s) => s.code === code));
  const here: Place = { section: current, page };
  const previous = previousPlace(visibleSections, visibleItems, here);
  const next = nextPlace(visibleSections, visibleItems, here);
  const pagePosition = Math.max(0, shownPageList.indexOf(page));

  return (
    <InterviewContext.Provider value={interview}>
      <div className={person ? 'wizard wizard--side-by-side' : 'wizard'} aria-busy={changingStep}>
        <header className="wizard__header">
          <SectionHeading ref={heading} code={current} ns={ns} />
          <p className="wizard__step">
            {t('wizard.position', {
              ns: 'phone',
              ...localized({ step: index + 1, total: visible.length, page: pagePosition + 1, pages: Math.max(1, shownPageList.length) }, lang),
            })}
          </p>
          <SaveStatus state={session.save} />
        </header>
        <StepForm
          key={current}
          instrument={instrument}
          section={section}
          page={pageCodes}
          firstPage={pagePosition === 0}
          lastPage={pagePosition >= shownPageList.length - 1}
          ns={ns}
          now={now}
          answers={data.answers}
          result={result}
          remembered={remembered}
          onChange={setAnswers}
        />
        <StepActions
          previous={previous ? () => goTo(previous.section, previous.page) : null}
          next={next ? () => goTo(next.section, next.page) : goToReview}
          last={!next}
        >
          <SectionNav draftId={draftId} current={current} sections={navSections} onSelect={goTo} onReview={goToReview}>
            <InterviewLanguagesPanel
              personLanguage={data.personLanguage}
              onPersonLanguage={setPersonLanguage}
              sideBySide={sideBySide}
              onSideBySide={toggleSideBySide}
              failed={wording.status === 'failed'}
            />
          </SectionNav>
        </StepActions>
      </div>
    </InterviewContext.Provider>
  );
}

const noCodes: readonly string[] = [];
