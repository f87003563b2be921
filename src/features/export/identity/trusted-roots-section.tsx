import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, StatusMessage } from '../../../components/ui';
import { trustedRoots, type TrustedRoot } from '../../../storage';
import { FilePicker } from './file-picker';
import { identityService, shortFingerprint, type RootPreview } from './identity-service';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { Outcome, reasonText, useOutcome } from './messages';
import { readCertificateFile } from './read-file';

interface Props {
  roots: TrustedRoot[];
  unreadable: number;
  reload: () => Promise<void>;
}

/**
 * "Trusted organisation roots": the organisations whose signatures this device shows as verified.
 * A root becomes trusted only here, on purpose: the file is read, its organisation and full
 * fingerprint are shown, and the person confirms after comparing the fingerprint (issue 12).
 */
export function TrustedRootsSection({ roots, unreadable, reload }: Props) {
  const { t, i18n } = useTranslation('identity');
  const [message, setMessage] = useOutcome();
  const [removing, setRemoving] = useState<TrustedRoot | null>(null);
  const [confirming, setConfirming] = useState<RootPreview | null>(null);
  const [busy, setBusy] = useState(false);

  async function trust(preview: RootPreview): Promise<void> {
    setBusy(true);
    try {
      const root = await identityService.trustRoot(preview);
      await reload();
      setConfirming(null);
      setMessage({ tone: 'success', text: t('roots.imported', { organisation: root.label }) });
    } catch (error) {
      setConfirming(null);
      setMessage({ tone: 'error', text: t('roots.refused', { reason: reasonText(t, error) }) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(root: TrustedRoot): Promise<void> {
    setBusy(true);
    try {
      await trustedRoots.remove(root.id);
      await reload();
      setRemoving(null);
      setMessage({ tone: 'success', text: t('roots.removed', { organisation: root.label }) });
    } catch (error) {
      setRemoving(null);
      setMessage({ tone: 'error', text: reasonText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="trusted-roots-title">
      <h2 id="trusted-roots-title">{t('roots.title')}</h2>
      <p>{t('roots.intro')}</p>
      {roots.length === 0 ? (
        <p>{t('roots.empty')}</p>
      ) : (
        <ul className="draft-list">
          {roots.map((root) => (
            <li key={root.id} className="card">
              <p>
                <strong>{root.label}</strong>
              </p>
              <p>{t('roots.fingerprint', { fingerprint: shortFingerprint(root.fingerprint) })}</p>
              <Button
                aria-label={t('roots.removeNamed', { organisation: root.label })}
                onClick={() => {
                  setMessage(null);
                  setRemoving(root);
                }}
              >
                {t('roots.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unreadable > 0 ? <StatusMessage tone="warning">{t('roots.unreadable')}</StatusMessage> : null}
      <FilePicker
        label={t('roots.import')}
        help={t('roots.importHelp')}
        onFile={async (file) => {
          setMessage(null);
          try {
            setConfirming(await identityService.previewRoot(await readCertificateFile(file)));
          } catch (error) {
            setMessage({ tone: 'error', text: t('roots.refused', { reason: reasonText(t, error) }) });
          }
        }}
      />
      <Outcome message={message} />
      <Dialog
        open={removing !== null}
        onClose={() => {
          if (!busy) setRemoving(null);
        }}
        title={t('roots.removeTitle', { organisation: removing?.label ?? '' })}
        describedBy="trusted-root-remove-body"
        actions={
          <>
            <Button
              autoFocus
              disabled={busy}
              onClick={() => {
                setRemoving(null);
              }}
            >
              {t('roots.cancel')}
            </Button>
            <Button variant="danger" disabled={busy} onClick={() => removing && void remove(removing)}>
              {t('roots.removeConfirm')}
            </Button>
          </>
        }
      >
        <p id="trusted-root-remove-body">{t('roots.removeBody')}</p>
      </Dialog>
      <Dialog
        open={confirming !== null}
        onClose={() => {
          if (!busy) setConfirming(null);
        }}
        title={t('roots.trustTitle', { organisation: confirming?.organisation ?? '' })}
        describedBy="trusted-root-trust-body"
        actions={
          <>
            <Button autoFocus disabled={busy} onClick={() => setConfirming(null)}>
              {t('roots.cancel')}
            </Button>
            <Button variant="primary" disabled={busy} onClick={() => confirming && void trust(confirming)}>
              {t('roots.trustConfirm')}
            </Button>
          </>
        }
      >
        <div id="trusted-root-trust-body">
          <p>{t('roots.trustBody')}</p>
          {confirming ? (
            <dl className="verify-facts">
              <div className="verify-facts__row">
                <dt>{t('roots.trustOrganisation')}</dt>
                <dd>{confirming.organisation}</dd>
              </div>
              <div className="verify-facts__row">
                <dt>{t('roots.trustName')}</dt>
                <dd>{confirming.name}</dd>
              </div>
              <div className="verify-facts__row">
                <dt>{t('roots.trustFingerprint')}</dt>
                <dd className="fingerprint" dir="ltr">
                  {groupedFingerprint(confirming.fingerprint)}
                </dd>
              </div>
              <div className="verify-facts__row">
                <dt>{t('roots.trustValidUntil')}</dt>
                <dd>{new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long' }).format(confirming.notAfter)}</dd>
              </div>
            </dl>
          ) : null}
        </div>
      </Dialog>
    </section>
  );
}
