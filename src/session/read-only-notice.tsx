import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui';
import { draftAccess, type TakeOverRequest } from './draft-access';

const requestKeys = {
  idle: null,
  asking: 'readOnly.asking',
  refused: 'readOnly.refused',
  'no-answer': 'readOnly.noAnswer',
} as const satisfies Record<TakeOverRequest, string | null>;

/**
 * Shown instead of the save status while another tab writes this draft. "Edit here instead"
 * asks that tab to save its input and hand over; it never takes the draft by force.
 */
export function ReadOnlyNotice({ request }: { request: TakeOverRequest }) {
  const { t } = useTranslation('session');
  const detail = requestKeys[request];
  return (
    <div className="status status--warning read-only-notice" role="status">
      <p>{t('readOnly.message')}</p>
      {detail ? <p>{t(detail)}</p> : null}
      <Button onClick={() => draftAccess.askToTakeOver()} disabled={request === 'asking'}>
        {t('readOnly.takeOver')}
      </Button>
    </div>
  );
}
