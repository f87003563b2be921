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
import type { DraftSession } from '../../session';

interface WizardStepProps {
  draftId: string;
  /** the section in the URL, or null to resume where the caseworker left off */
  requested: string | null;
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

export function WizardStep({ draftId, requested, instrument, now, data, session }: WizardStepProps) {
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
  // The next step (dozens of fields) is rendered in the background: a tap on "Next section" or
  // on the progress list is answered at once and the page stays responsive; the old step stays,
  // marked busy, until the new one is ready.
  const shownRequest = useDeferredValue(requested);
  const changingStep = shownRequest !== requested;
  const current = pickSection(visible, shownRequest, data.position.section);
  const section = instrument.sections.find((s) => s.code === current);
  const index = current ? visible.indexOf(current) : -1;
  const title = current ? t(`section.${current}.title`, { ns }) : '';
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!current || changingStep) return;
    // Keep the URL and the saved position on the step shown, so a reload resumes right here.
    if (requested !== current) navigate({ name: 'wizard', draftId, section: current }, { replace: true });
    if (data.position.section !== current) update((d) => ({ ...d, position: { section: current } }));
  }, [current, changingStep, requested, draftId, data.position.section, update]);

  useEffect(() => {
    // Section titles are instrument wording, never personal, so they may name the tab.
    document.title = t('document.title', { section: title });
    // Move focus to the new step's heading (not on first load), so a screen reader starts there.
    if (shown.current !== undefined && shown.current !== current) heading.current?.focus();
    shown.current = current;
  }, [current, title, t]);

  // The step's fields hold their own values (react-hook-form), so the draft may follow in the
  // background; its autosave is scheduled at once.
  const setAnswers = useCallback(
    (change: (answers: Answers) => Answers) => update((d) => ({ ...d, answers: change(d.answers) }), { background: true }),
    [update],
  );
  // Stable callbacks and section list: the progress list re-renders on a new assessment, not
  // on every keystroke.
  const goTo = useCallback(
    (code: string) => {
      // The tap is painted first; the new step (heavy on a slow phone) is asked for after it.
      afterNextPaint(() => {
        // Errors are reported by the save status and retried; moving on never waits for storage.
        flush().catch(() => undefined);
        navigate({ name: 'wizard', draftId, section: code });
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
  const previous = visible[index - 1];
  const next = visible[index + 1];

  return (
    <InterviewContext.Provider value={interview}>
      <div className={person ? 'wizard wizard--side-by-side' : 'wizard'} aria-busy={changingStep}>
        <header className="wizard__header">
          <SectionHeading ref={heading} code={current} ns={ns} />
          <p className="wizard__step">{t('step.counter', localized({ step: index + 1, total: visible.length }, lang))}</p>
          <SaveStatus state={session.save} />
          <InterviewLanguagesPanel
            personLanguage={data.personLanguage}
            onPersonLanguage={setPersonLanguage}
            sideBySide={sideBySide}
            onSideBySide={toggleSideBySide}
            failed={wording.status === 'failed'}
          />
        </header>
        <SectionNav
          draftId={draftId}
          current={current}
          sections={navSections}
          onSelect={goTo}
          onReview={goToReview}
        />
        <StepForm
          key={current}
          instrument={instrument}
          section={section}
          ns={ns}
          now={now}
          answers={data.answers}
          result={result}
          onChange={setAnswers}
        />
        <div className="wizard__actions">
          {previous ? (
            <button type="button" className="btn btn--secondary wizard__previous" onClick={() => goTo(previous)}>
              <span className="arrow arrow--back" aria-hidden="true" />
              {t('step.previous')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--primary wizard__next"
            onClick={() => (next ? goTo(next) : goToReview())}
            {...(next ? {} : { 'aria-describedby': 'wizard-last-step' })}
          >
            {t('step.next')}
            <span className="arrow arrow--forward" aria-hidden="true" />
          </button>
          {next ? null : (
            <p id="wizard-last-step" className="hint">
              {t('step.lastHint')}
            </p>
          )}
        </div>
      </div>
    </InterviewContext.Provider>
  );
}
