import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field } from '../../../components/ui';
import type { OrganisationAuthority, SigningIdentity } from '../../../storage';
import { downloadText, FILE_NAMES } from './download';
import { FilePicker } from './file-picker';
import { identityService, verifiedBy } from './identity-service';
import { Outcome, reasonText, useOutcome, type Message } from './messages';
import { roleLabel } from './role-label';
import { RoleSelect } from './role-select';
import { readCertificateFile } from './read-file';

interface Props {
  identity: SigningIdentity | undefined;
  authority: OrganisationAuthority | undefined;
  reload: () => Promise<void>;
}

type FieldName = 'name' | 'role' | 'organisation';

/** "My signing identity": create it, see whether an organisation verified it, request and import a certificate. */
export function SigningIdentitySection({ identity, authority, reload }: Props) {
  const { t } = useTranslation('identity');
  const [message, setMessage] = useOutcome();
  return (
    <section aria-labelledby="signing-identity-title">
      <h2 id="signing-identity-title">{t('identity.title')}</h2>
      <p>{t('identity.intro')}</p>
      {identity ? (
        <IdentityDetails identity={identity} reload={reload} onMessage={setMessage} />
      ) : (
        <CreateIdentityForm authority={authority} reload={reload} onMessage={setMessage} />
      )}
      <Outcome message={message} />
    </section>
  );
}

function CreateIdentityForm({ authority, reload, onMessage }: { authority: OrganisationAuthority | undefined; reload: () => Promise<void>; onMessage: (m: Message | null) => void }) {
  const { t } = useTranslation('identity');
  const [values, setValues] = useState<Record<FieldName, string>>({ name: '', role: '', organisation: authority?.organisation ?? '' });
  const [missing, setMissing] = useState<FieldName[]>([]);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLSelectElement | null>>>({});

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const empty = (['name', 'role', 'organisation'] as const).filter((field) => values[field].trim() === '');
    setMissing(empty);
    if (empty.length > 0) {
      inputs.current[empty[0] ?? 'name']?.focus();
      return;
    }
    setBusy(true);
    onMessage(null);
    try {
      await identityService.createIdentity(values);
      await reload();
      onMessage({ tone: 'success', text: t('identity.created') });
    } catch (error) {
      onMessage({ tone: 'error', text: reasonText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: FieldName) => (
    <Field label={t(`identity.field.${name}`)} required error={missing.includes(name) ? t('identity.required') : undefined}>
      {(control) =>
        name === 'role' ? (
          <RoleSelect
            {...control}
            ref={(element) => {
              inputs.current[name] = element;
            }}
            className="select"
            value={values[name]}
            disabled={busy}
            onChange={(event) => {
              setValues((previous) => ({ ...previous, role: event.target.value }));
            }}
          />
        ) : (
          <input
            {...control}
            ref={(element) => {
              inputs.current[name] = element;
            }}
            className="input"
            type="text"
            autoComplete="off"
            value={values[name]}
            readOnly={busy}
            onChange={(event) => {
              setValues((previous) => ({ ...previous, [name]: event.target.value }));
            }}
          />
        )
      }
    </Field>
  );

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {authority ? <p>{t('identity.issuedByOwnRoot', { organisation: authority.organisation })}</p> : null}
      {field('name')}
      {field('role')}
      {field('organisation')}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('identity.creating') : t('identity.create')}
        </Button>
      </div>
    </form>
  );
}

function IdentityDetails({ identity, reload, onMessage }: { identity: SigningIdentity; reload: () => Promise<void>; onMessage: (m: Message | null) => void }) {
  const { t } = useTranslation('identity');
  const organisation = verifiedBy(identity);
  return (
    <>
      <dl>
        <dt>{t('identity.field.name')}</dt>
        <dd>{identity.name}</dd>
        <dt>{t('identity.field.role')}</dt>
        <dd>{roleLabel(t, identity.role)}</dd>
        <dt>{t('identity.field.organisation')}</dt>
        <dd>{identity.organisation}</dd>
      </dl>
      <p className={organisation ? 'status status--success' : 'status status--warning'}>
        <strong>{organisation ? t('identity.status.verified', { organisation }) : t('identity.status.unverified')}</strong>
      </p>
      <p>{t('identity.request.help')}</p>
      <div className="actions">
        <Button
          onClick={() => {
            onMessage(null);
            identityService.certificateRequestPem(identity).then(
              (pem) => {
                downloadText(FILE_NAMES.request, pem);
                onMessage({ tone: 'success', text: t('identity.request.downloaded') });
              },
              (error: unknown) => {
                onMessage({ tone: 'error', text: reasonText(t, error) });
              },
            );
          }}
        >
          {t('identity.request.download')}
        </Button>
      </div>
      <FilePicker
        label={t('identity.import.label')}
        help={t('identity.import.help')}
        onFile={async (file) => {
          onMessage(null);
          try {
            const updated = await identityService.importCertificate(identity.id, await readCertificateFile(file));
            await reload();
            onMessage({ tone: 'success', text: t('identity.import.done', { organisation: verifiedBy(updated) ?? updated.organisation }) });
          } catch (error) {
            onMessage({ tone: 'error', text: t('identity.import.refused', { reason: reasonText(t, error) }) });
          }
        }}
      />
    </>
  );
}
