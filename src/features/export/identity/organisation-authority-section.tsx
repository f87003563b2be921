import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field } from '../../../components/ui';
import type { OrganisationAuthority } from '../../../storage';
import { downloadText, FILE_NAMES } from './download';
import { FilePicker } from './file-picker';
import { certificateFingerprint, identityService, shortFingerprint, type RequestSummary } from './identity-service';
import { roleLabel } from './role-label';
import { Outcome, reasonText, useOutcome, type Message } from './messages';
import { readCertificateFile } from './read-file';

interface Props {
  authority: OrganisationAuthority | undefined;
  reload: () => Promise<void>;
}

/** "Organisation certificate authority" (supervisor): create the root, issue certificates from requests, share the root. */
export function OrganisationAuthoritySection({ authority, reload }: Props) {
  const { t } = useTranslation('identity');
  const [message, setMessage] = useOutcome();
  return (
    <section aria-labelledby="organisation-authority-title">
      <h2 id="organisation-authority-title">{t('ca.title')}</h2>
      <p>{t('ca.intro')}</p>
      {authority ? (
        <AuthorityActions authority={authority} onMessage={setMessage} />
      ) : (
        <CreateRootForm reload={reload} onMessage={setMessage} />
      )}
      <Outcome message={message} />
    </section>
  );
}

function CreateRootForm({ reload, onMessage }: { reload: () => Promise<void>; onMessage: (m: Message | null) => void }) {
  const { t } = useTranslation('identity');
  const [organisation, setOrganisation] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (organisation.trim() === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    onMessage(null);
    try {
      await identityService.createOrganisationRoot(organisation);
      await reload();
      onMessage({ tone: 'success', text: t('ca.created') });
    } catch (error) {
      onMessage({ tone: 'error', text: reasonText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Field label={t('ca.organisation')} required error={missing ? t('identity.required') : undefined}>
        {(control) => (
          <input
            {...control}
            ref={input}
            className="input"
            type="text"
            autoComplete="off"
            value={organisation}
            readOnly={busy}
            onChange={(event) => {
              setOrganisation(event.target.value);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('ca.creating') : t('ca.create')}
        </Button>
      </div>
    </form>
  );
}

function AuthorityActions({ authority, onMessage }: { authority: OrganisationAuthority; onMessage: (m: Message | null) => void }) {
  const { t } = useTranslation('identity');
  const [fingerprint, setFingerprint] = useState('');
  const [pending, setPending] = useState<RequestSummary | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void certificateFingerprint(authority.certificatePem).then((value) => {
      if (live) setFingerprint(shortFingerprint(value));
    });
    return () => {
      live = false;
    };
  }, [authority.certificatePem]);

  async function issue(summary: RequestSummary): Promise<void> {
    setBusy(true);
    try {
      downloadText(FILE_NAMES.certificate, await identityService.issueFromRequest(summary));
      setPending(null);
      onMessage({ tone: 'success', text: t('ca.issued', { name: summary.name }) });
    } catch (error) {
      onMessage({ tone: 'error', text: t('ca.refused', { reason: reasonText(t, error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('ca.exists', { organisation: authority.organisation })}</p>
      {fingerprint ? <p>{t('ca.fingerprint', { fingerprint })}</p> : null}
      <div className="actions">
        <Button
          onClick={() => {
            downloadText(FILE_NAMES.root, authority.certificatePem);
            onMessage({ tone: 'success', text: t('ca.rootDownloaded') });
          }}
        >
          {t('ca.downloadRoot')}
        </Button>
      </div>
      <FilePicker
        label={t('ca.request.label')}
        help={t('ca.request.help')}
        disabled={busy}
        onFile={async (file) => {
          onMessage(null);
          setPending(null);
          try {
            setPending(await identityService.readCertificateRequest(await readCertificateFile(file)));
          } catch (error) {
            onMessage({ tone: 'error', text: t('ca.refused', { reason: reasonText(t, error) }) });
          }
        }}
      />
      {pending ? (
        <div className="card" role="group" aria-labelledby="ca-pending-names">
          <p id="ca-pending-names">
            <strong>{t('ca.request.names', { name: pending.name, organisation: pending.organisation })}</strong>
          </p>
          <p>{pending.role === null ? t('ca.request.noRole') : t('ca.request.role', { role: roleLabel(t, pending.role) })}</p>
          <p>{t('ca.request.check')}</p>
          <div className="actions">
            <Button
              onClick={() => {
                setPending(null);
              }}
              disabled={busy}
            >
              {t('ca.cancel')}
            </Button>
            <Button variant="primary" disabled={busy} onClick={() => void issue(pending)}>
              {t('ca.issue')}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
