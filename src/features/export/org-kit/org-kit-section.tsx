import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, StatusMessage } from '../../../components/ui';
import { KIT_LIMITS, KitError, type KitSigner } from '../../../export/org-kit';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { announceTrustChange, onTrustChange } from '../../../lib/trust-events';
import { organisationAuthority } from '../../../storage';
import { Outcome, useOutcome } from '../identity/messages';
import { KitCreateForm } from './kit-create-form';
import { KitFacts } from './kit-facts';
import { orgKitService, type OrgKitService } from './org-kit-service';

type Current = Awaited<ReturnType<OrgKitService['current']>> | undefined;

/**
 * Settings, "Organisation kit": what the kit this device was set up from says, importing one (the
 * signing root's fingerprint confirmed once if it is not trusted yet), and, on the device that
 * holds the organisation root, making one.
 */
export function OrgKitSection() {
  const { t } = useTranslation('envelope');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [current, setCurrent] = useState<Current>(undefined);
  const [isAuthority, setAuthority] = useState(false);
  const [pending, setPending] = useState<{ bytes: Uint8Array; signer: KitSigner } | null>(null);
  const [message, setMessage] = useOutcome();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    setCurrent(await orgKitService.current());
    setAuthority((await organisationAuthority.get()) !== undefined);
  }, []);
  useEffect(() => {
    const load = () => void reload().catch(() => setCurrent(null));
    load();
    // Creating the organisation root (above) makes this the device that can make a kit.
    return onTrustChange(load);
  }, [reload]);

  const apply = async (bytes: Uint8Array, signer?: KitSigner) => {
    setBusy(true);
    try {
      const done = await orgKitService.importKit(bytes, signer);
      setPending(null);
      announceTrustChange();
      setMessage({ tone: 'success', text: t('kit.imported', { organisation: done.organisation, roots: done.rootsTrusted, recipients: done.recipientsAdded, skipped: done.recipientsSkipped }) });
    } catch (error) {
      setPending(null);
      if (error instanceof KitError && error.reason === 'root-not-trusted' && error.signer !== undefined && signer === undefined) {
        setPending({ bytes, signer: error.signer });
        return;
      }
      setMessage({ tone: 'error', text: t('kit.refused', { reason: t(error instanceof KitError ? `kit.reason.${error.reason}` : 'problem.unexpected') }) });
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setMessage(null);
    if (file.size > KIT_LIMITS.fileBytes) return setMessage({ tone: 'error', text: t('kit.refused', { reason: t('kit.reason.too-large') }) });
    await apply(new Uint8Array(await file.arrayBuffer()));
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('kit.title')}</h2>
      <p>{t('kit.intro')}</p>
      {current === undefined ? <p role="status">{t('loading')}</p> : null}
      {current === null ? <p>{t('kit.none')}</p> : null}
      {current && 'kit' in current ? <KitFacts kit={current.kit} importedAt={current.importedAt} /> : null}
      {current && 'problem' in current ? <StatusMessage tone="warning">{t('kit.stale', { reason: t(`kit.reason.${current.problem.reason}`) })}</StatusMessage> : null}
      <div data-kit-import="">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('kit.import')}
          </label>
          <p className="field__help" id={`${id}-help`}>
            {t('kit.importHelp')}
          </p>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-help`}
            disabled={busy}
            onChange={(event) => {
              void choose(event.target.files?.[0]).finally(() => {
                if (input.current) input.current.value = '';
              });
            }}
          />
        </div>
        <Outcome message={message} />
      </div>
      {isAuthority ? <KitCreateForm /> : null}
      <Dialog
        open={pending !== null}
        onClose={() => {
          if (!busy) setPending(null);
        }}
        title={t('kit.trustTitle', { organisation: pending?.signer.organisation ?? '' })}
        describedBy={`${id}-trust`}
        actions={
          <>
            <Button autoFocus disabled={busy} onClick={() => setPending(null)}>
              {t('kit.cancel')}
            </Button>
            <Button variant="primary" disabled={busy} onClick={() => pending && void apply(pending.bytes, pending.signer)}>
              {t('kit.trustConfirm')}
            </Button>
          </>
        }
      >
        <div id={`${id}-trust`}>
          <p>{t('kit.trustBody')}</p>
          <p className="fingerprint" dir="ltr">
            {pending ? groupedFingerprint(pending.signer.fingerprint) : ''}
          </p>
        </div>
      </Dialog>
    </section>
  );
}
