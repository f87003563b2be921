import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';

/**
 * Always in the header, before any case content. The keyboard shortcut is part of the button's
 * accessible description, so screen-reader users hear it with the button.
 */
export function QuickExitButton({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation('ui');
  const descriptionId = useId();
  return (
    <>
      <Button variant="danger" className="header-button quick-exit" aria-describedby={descriptionId} onClick={onExit}>
        {t('lock.quickExit')}
      </Button>
      <span id={descriptionId} className="visually-hidden">
        {t('lock.quickExitDescription')}
      </span>
    </>
  );
}
