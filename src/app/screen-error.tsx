import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../components/ui';
import { routeToHash } from '../lib/routes';

/** What the caseworker sees when a screen fails: what happened and what to do next. */
export function ScreenError() {
  const { t } = useTranslation('ui');
  return (
    <>
      <h1>{t('app.screenError.title')}</h1>
      <StatusMessage tone="error">
        <p>{t('app.screenError.body')}</p>
      </StatusMessage>
      <p className="actions">
        <a className="btn btn--secondary" href={routeToHash({ name: 'drafts' })}>
          {t('app.screenError.backToList')}
        </a>
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('app.screenError.reload')}
        </Button>
      </p>
    </>
  );
}
