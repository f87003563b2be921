import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/ui';
import { findLanguage } from '../i18n';
import { routeToHash, useRoute, type Route } from '../lib/routes';
import { LanguageSwitcher } from './language-switcher';
import { LoadingScreen } from './loading-screen';
import { UpdatePrompt } from './pwa/update-prompt';
import { ScreenError } from './screen-error';
import { ScreenOutlet } from './screen-outlet';
import { ScreenErrorBoundary } from './screen-error-boundary';

const titleKeys = {
  drafts: 'app.documentTitle.drafts',
  wizard: 'app.documentTitle.wizard',
  review: 'app.documentTitle.review',
} as const satisfies Record<Route['name'], string>;

/** The shell: skip link, header (name, language, quick nav), update banner, current screen. */
export function App() {
  const { t, i18n } = useTranslation('ui');
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const previousScreen = useRef(route.name);
  const draftId = route.name === 'drafts' ? null : route.draftId;
  const language = findLanguage(i18n.language);

  // Only the screen's name, never a case reference: titles show in the task switcher.
  useEffect(() => {
    document.title = t(titleKeys[route.name]);
  }, [route.name, t]);

  // On moving to another screen, put focus at the start of the content so screen readers
  // begin there. Section changes inside the wizard are left to the wizard.
  useEffect(() => {
    if (previousScreen.current === route.name) return;
    previousScreen.current = route.name;
    mainRef.current?.focus();
  }, [route.name]);

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipLink')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <a className="app-name" href={routeToHash({ name: 'drafts' })}>
            {t('app.name')}
          </a>
          <LanguageSwitcher />
        </div>
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
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      {language && !language.reviewed ? (
        <StatusMessage tone="warning" className="unreviewed-note">
          {t('app.unreviewedTranslation')}
        </StatusMessage>
      ) : null}
      <main id="main-content" ref={mainRef} tabIndex={-1}>
        <ScreenErrorBoundary resetKey={routeToHash(route)} fallback={<ScreenError />}>
          <Suspense fallback={<LoadingScreen />}>
            <ScreenOutlet route={route} />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
    </>
  );
}
