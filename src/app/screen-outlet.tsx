import { lazy } from 'react';
import { DraftListScreen } from '../features/drafts';
import { SettingsScreen } from '../features/settings';
import { loadInstrumentContent } from '../i18n';
import type { Route } from '../lib/routes';

// The wizard and review screens pull in the engine, zod and the instrument wording; keeping
// them out of the first screen's bundle keeps start-up fast on cheap phones. The wording is
// fetched with the code, so both screens render translated on their first frame. All of it
// is precached for offline use.
const WizardScreen = lazy(async () => {
  const [m] = await Promise.all([import('../features/wizard'), loadInstrumentContent()]);
  return { default: m.WizardScreen };
});
const ReviewScreen = lazy(async () => {
  const [m] = await Promise.all([import('../features/review'), loadInstrumentContent()]);
  return { default: m.ReviewScreen };
});

/** The screen for a route. Keyed by draft so switching drafts never carries state across. */
export function ScreenOutlet({ route }: { route: Route }) {
  switch (route.name) {
    case 'drafts':
      return <DraftListScreen />;
    case 'wizard':
      return <WizardScreen key={route.draftId} draftId={route.draftId} section={route.section} />;
    case 'review':
      return <ReviewScreen key={route.draftId} draftId={route.draftId} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
