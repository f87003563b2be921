import { useTranslation } from 'react-i18next';
import { routeToHash } from '../../lib/routes';
import { useDraftSession } from '../../session';
import { WizardStep } from './wizard-step';
import './wizard.css';

export interface WizardScreenProps {
  draftId: string;
  /** section code from the URL; null resumes at the saved position */
  section: string | null;
  /** 1-based page of that section from the URL; null: its first page */
  page: number | null;
}

/** The interview: each section in short pages, free movement, every change autosaved. */
export function WizardScreen({ draftId, section, page }: WizardScreenProps) {
  const { t } = useTranslation('wizard');
  const session = useDraftSession(draftId);
  const { load, data } = session;

  if (load.phase === 'missing' || load.phase === 'error') {
    return (
      <div className="wizard" role="alert">
        <p>{t(load.phase === 'missing' ? 'load.missing' : 'load.error')}</p>
        <a href={routeToHash({ name: 'drafts' })}>{t('load.backToDrafts')}</a>
      </div>
    );
  }
  if (load.phase === 'loading' || !data) {
    return (
      <p role="status" className="wizard">
        {t('load.loading')}
      </p>
    );
  }
  return (
    <WizardStep
      draftId={draftId}
      requested={section}
      requestedPage={page}
      instrument={load.instrument}
      now={load.now}
      data={data}
      session={session}
    />
  );
}
