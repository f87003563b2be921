import { lazy } from 'react';
import { DraftListScreen } from '../features/drafts';
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
// Export and verify: their screens are small; the PDF and signing code stays behind the export
// facade's own import() until a summary is made or a file is opened.
const ExportScreen = lazy(async () => {
  const [m] = await Promise.all([import('../features/export'), loadInstrumentContent()]);
  return { default: m.ExportScreen };
});
const VerifyScreen = lazy(async () => {
  const [m] = await Promise.all([import('../features/export/verify'), loadInstrumentContent()]);
  return { default: m.VerifyScreen };
});

const WorkspaceScreen = lazy(async () => {
  const [m] = await Promise.all([import('../features/export/workspace'), loadInstrumentContent()]);
  return { default: m.WorkspaceScreen };
});
const CaseScreen = lazy(async () => {
  const [m] = await Promise.all([import('../features/export/workspace'), loadInstrumentContent()]);
  return { default: m.CaseScreen };
});

// Settings composes sections of three features (they never import each other); it is not on
// the first screen, so it loads on demand like the others (precached for offline use).
const SettingsScreen = lazy(async () => {
  const [settings, identity, protect, envelope] = await Promise.all([
    import('../features/settings'),
    import('../features/export/identity'),
    import('../features/protect'),
    import('../features/export/envelope'),
  ]);
  const Screen = settings.SettingsScreen;
  const Identity = identity.IdentitySettingsSection;
  const Protect = protect.ProtectSettingsSections;
  const AddressBook = envelope.AddressBookSection;
  const OrgKit = envelope.OrgKitSection;
  return {
    default: () => (
      <Screen>
        <Identity />
        <OrgKit />
        <AddressBook />
        <Protect />
      </Screen>
    ),
  };
});

/** The screen for a route. Keyed by draft so switching drafts never carries state across. */
export function ScreenOutlet({ route }: { route: Route }) {
  switch (route.name) {
    case 'drafts':
      return <DraftListScreen />;
    case 'wizard':
      return <WizardScreen key={route.draftId} draftId={route.draftId} section={route.section} page={route.page ?? null} />;
    case 'review':
      return <ReviewScreen key={route.draftId} draftId={route.draftId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'export':
      return <ExportScreen key={route.draftId} draftId={route.draftId} />;
    case 'verify':
      return <VerifyScreen />;
    case 'received':
      return <WorkspaceScreen />;
    case 'received-case':
      return <CaseScreen key={route.fileId} fileId={route.fileId} />;
  }
}
