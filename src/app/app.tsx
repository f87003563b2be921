import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { DialogLead, StatusMessage } from '../components/ui';
import {
  IdleWarning, LockButton, LockGate, NeutralPage, QuickExitButton, useBackForwardLock, useIdleLock, useLockState,
  useIdleMinutes, useQuickExitShortcut, type LockPhase,
} from '../features/lock';
import { findLanguage, useAllStrings } from '../i18n';
import { routeToHash, useRoute, type Route } from '../lib/routes';
import { LanguageSwitcher } from './language-switcher';
import { LoadingScreen } from './loading-screen';
import { afterFirstPaint, firstScreenCommitted } from './first-paint';
import { lockController } from './lock';
import { UpdatePrompt } from './pwa/update-prompt';
import { ScreenError } from './screen-error';
import { ScreenOutlet } from './screen-outlet';
import { ScreenErrorBoundary } from './screen-error-boundary';

// Its own chunk: the status is not part of the first screen, and shows once the strings are there.
const OfflineStatus = lazy(() => import('../features/offline').then((m) => ({ default: m.OfflineStatus })));

const titleKeys = {
  drafts: 'app.documentTitle.drafts',
  wizard: 'app.documentTitle.wizard',
  review: 'app.documentTitle.review',
  settings: 'app.documentTitle.settings',
  export: 'export:documentTitle.export',
  verify: 'export:documentTitle.verify',
  received: 'workspace:documentTitle',
  'received-case': 'workspace:caseTitle',
} as const satisfies Record<Route['name'], string>;

const lockedTitleKeys = {
  starting: 'app.documentTitle.locked',
  setup: 'app.documentTitle.setup',
  locked: 'app.documentTitle.locked',
  failed: 'app.documentTitle.locked',
} as const satisfies Record<Exclude<LockPhase, 'unlocked'>, string>;

/**
 * Quick exit: the neutral page replaces everything in this very event (flushSync), the URL
 * loses any draft id (a reload then shows the unlock screen), then the key is dropped.
 */
function quickExit(): void {
  flushSync(() => {
    lockController.quickExit();
  });
  window.history.replaceState(null, '', routeToHash({ name: 'drafts' }));
}

/**
 * The shell: skip link, header (name, language, quick exit, lock, quick nav), update banner,
 * and the current screen, which renders only while unlocked (features/lock gates it).
 */
export function App() {
  const { t, i18n } = useTranslation('ui');
  const route = useRoute();
  const lock = useLockState(lockController);
  // The lock screen needs only the `ui` strings; everything behind it waits for the others,
  // fetched once the first screen is painted (long before a passphrase has been typed).
  const [firstPaintDone, setFirstPaintDone] = useState(false);
  const strings = useAllStrings(firstPaintDone);
  const unlocked = lock.phase === 'unlocked';
  const showCase = unlocked && strings;
  const mainRef = useRef<HTMLElement>(null);
  const previousScreen = useRef(route.name);
  const previousPhase = useRef(lock.phase);
  const draftId = unlocked && 'draftId' in route ? route.draftId : null;
  const language = findLanguage(i18n.language);

  useEffect(() => {
    lockController.start();
    // The storage layer's own look at the keyring (and its half second of script) and the
    // strings of the screens behind the lock wait until this first screen has been painted.
    firstScreenCommitted();
    afterFirstPaint(() => {
      setFirstPaintDone(true);
    });
  }, []);
  useQuickExitShortcut(quickExit);
  useBackForwardLock(lockController.lockNow);
  const lockWhenIdle = useCallback(() => {
    void lockController.lock();
  }, []);
  const idleMinutes = useIdleMinutes();
  const idle = useIdleLock(unlocked && !lock.exited, lockWhenIdle, idleMinutes * 60_000);

  // Only the screen's name, never a case reference: titles show in the task switcher.
  useEffect(() => {
    if (lock.exited || (lock.phase === 'unlocked' && !strings)) return;
    document.title = t(lock.phase === 'unlocked' ? titleKeys[route.name] : lockedTitleKeys[lock.phase]);
  }, [route.name, lock.phase, lock.exited, strings, t]);

  // After unlocking, start reading at the top of the content.
  useEffect(() => {
    if (previousPhase.current === lock.phase) return;
    previousPhase.current = lock.phase;
    if (lock.phase === 'unlocked') mainRef.current?.focus();
  }, [lock.phase]);

  // On moving to another screen, put focus at the start of the content so screen readers
  // begin there. Section changes inside the wizard are left to the wizard.
  useEffect(() => {
    if (previousScreen.current === route.name) return;
    previousScreen.current = route.name;
    mainRef.current?.focus();
  }, [route.name]);

  if (lock.exited) return <NeutralPage />;

  return (
    <DialogLead.Provider value={dialogLead}>
      <a className="skip-link" href="#main-content">
        {t('app.skipLink')}
      </a>
      {/* Only the bar with Quick exit and Lock stays in view while a long screen is scrolled
          (sticky): danger must be one tap away wherever the caseworker is. */}
      <header className="app-header">
        <div className="app-header__bar">
          <a className="app-name" href={routeToHash({ name: 'drafts' })}>
            {t('app.name')}
          </a>
          <div className="app-header__actions">
            <QuickExitButton onExit={quickExit} />
            {unlocked ? <LockButton controller={lockController} /> : null}
          </div>
        </div>
      </header>
      <div className="app-tools">
        <LanguageSwitcher />
        {showCase ? (
          <nav className="quick-nav" aria-label={t('app.nav.label')}>
            <ul>
              <li>
                <a href={routeToHash({ name: 'drafts' })} aria-current={route.name === 'drafts' ? 'page' : undefined}>
                  {t('app.nav.drafts')}
                </a>
              </li>
              {draftId ? (
                <>
                  <li>
                    <a
                      href={routeToHash({ name: 'wizard', draftId, section: null })}
                      aria-current={route.name === 'wizard' ? 'page' : undefined}
                    >
                      {t('app.nav.questions')}
                    </a>
                  </li>
                  <li>
                    <a
                      href={routeToHash({ name: 'review', draftId })}
                      aria-current={route.name === 'review' ? 'page' : undefined}
                    >
                      {t('app.nav.review')}
                    </a>
                  </li>
                </>
              ) : null}
              <li>
                <a href={routeToHash({ name: 'received' })} aria-current={route.name === 'received' || route.name === 'received-case' ? 'page' : undefined}>
                  {t('workspace:nav.received')}
                </a>
              </li>
              <li>
                <a href={routeToHash({ name: 'verify' })} aria-current={route.name === 'verify' ? 'page' : undefined}>
                  {t('export:nav.verify')}
                </a>
              </li>
              <li>
                <a href={routeToHash({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
                  {t('app.nav.settings')}
                </a>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
      {/* Registering the service worker (workbox-window, then the precache download on a first
          visit) waits for the first screen too; the banner region is empty until it has news. */}
      {firstPaintDone ? <UpdatePrompt /> : null}
      {idle.warning ? <IdleWarning onStay={idle.stay} /> : null}
      {language && !language.reviewed ? (
        <StatusMessage tone="warning" className="unreviewed-note">
          {t('app.unreviewedTranslation')}
        </StatusMessage>
      ) : null}
      <main id="main-content" ref={mainRef} tabIndex={-1} data-lock-state={lock.phase}>
        <LockGate controller={lockController} loading={<LoadingScreen />}>
          {strings ? (
            <ScreenErrorBoundary resetKey={routeToHash(route)} fallback={<ScreenError />}>
              <Suspense fallback={<LoadingScreen />}>
                <ScreenOutlet route={route} />
              </Suspense>
            </ScreenErrorBoundary>
          ) : (
            <LoadingScreen />
          )}
        </LockGate>
      </main>
      {firstPaintDone && strings ? (
        <Suspense fallback={null}>
          <OfflineStatus />
        </Suspense>
      ) : null}
    </DialogLead.Provider>
  );
}

/** Every open dialog shows Quick exit too: a modal dialog makes the header inert (components/ui/dialog). */
const dialogLead = <QuickExitButton onExit={quickExit} />;
