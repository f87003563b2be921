import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';

/** The system share sheet for one PDF, where the browser can share files (Web Share API Level 2). */
function shareable(bytes: Uint8Array, fileName: string): File | null {
  if (typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function') return null;
  const file = new File([bytes.slice().buffer], fileName, { type: 'application/pdf' });
  return navigator.canShare({ files: [file] }) ? file : null;
}

/**
 * "Share…": hands the file to another app (messenger, mail, files) without saving it first. Not
 * shown where the browser cannot share files; the download link beside it always works. The shared
 * item carries the neutral file name and no title or text from the case.
 */
export function ShareButton({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  const { t } = useTranslation('workspace');
  const [failed, setFailed] = useState(false);
  const file = shareable(bytes, fileName);
  if (file === null) return null;
  return (
    <>
      <Button
        onClick={() => {
          setFailed(false);
          navigator.share({ files: [file] }).catch((error: unknown) => {
            // The person closing the share sheet is not a failure.
            if (!(error instanceof DOMException && error.name === 'AbortError')) setFailed(true);
          });
        }}
      >
        {t('share.button')}
      </Button>
      {failed ? <p role="alert">{t('share.failed')}</p> : null}
    </>
  );
}
