/**
 * Who signs on this device: the active signing identity (src/storage), created once on first use
 * by asking name, role and organisation. Until the organisation issues a certificate the identity
 * is self-signed, and the screen says so: "identity not verified by an organisation".
 * Shared by the export and verify screens (the verify screen imports it through this feature's index).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import { identities, type SigningIdentity } from '../../storage';
import { roleLabel } from './identity/role-label';
import { RoleSelect } from './identity/role-select';

export type SignerState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'none' }
  | { readonly phase: 'ready'; readonly identity: SigningIdentity }
  | { readonly phase: 'error' };

export interface Signer {
  readonly state: SignerState;
  create(input: { name: string; role: string; organisation: string }): Promise<void>;
}

export function useSigner(): Signer {
  const [state, setState] = useState<SignerState>({ phase: 'loading' });
  useEffect(() => {
    let active = true;
    identities.getActive().then(
      (identity) => {
        if (active) setState(identity ? { phase: 'ready', identity } : { phase: 'none' });
      },
      () => {
        if (active) setState({ phase: 'error' });
      },
    );
    return () => {
      active = false;
    };
  }, []);
  const create = useCallback(async (input: { name: string; role: string; organisation: string }) => {
    // The identity service carries pkijs: loaded only when an identity is really made.
    const { ensureSigningIdentity } = await import('./identity');
    const identity = await ensureSigningIdentity(input);
    setState({ phase: 'ready', identity });
  }, []);
  return { state, create };
}

/** The signing identity, or the one-time form that creates it. */
export function SignerPanel({ signer }: { signer: Signer }) {
  const { t } = useTranslation('export');
  const { t: tIdentity } = useTranslation('identity');
  const id = useId();
  const [values, setValues] = useState({ name: '', role: '', organisation: '' });
  const [error, setError] = useState<'missing' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const { state } = signer;

  if (state.phase === 'loading') return <p role="status">{t('signer.loading')}</p>;
  if (state.phase === 'error') return <StatusMessage tone="error">{t('signer.loadFailed')}</StatusMessage>;
  if (state.phase === 'ready') {
    const { identity } = state;
    return (
      <div className="signer">
        <p>{t('signer.signingAs', { name: identity.name, role: roleLabel(tIdentity, identity.role), organisation: identity.organisation })}</p>
        {identity.verifiedByOrganisation ? (
          <StatusMessage tone="success">{t('signer.verified')}</StatusMessage>
        ) : (
          <StatusMessage tone="warning">{t('signer.notVerified')}</StatusMessage>
        )}
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.values(values).some((v) => v.trim() === '')) {
      setError('missing');
      return;
    }
    setBusy(true);
    setError(null);
    signer.create({ name: values.name.trim(), role: values.role.trim(), organisation: values.organisation.trim() }).catch(() => {
      setError('failed');
      setBusy(false);
    });
  };
  const field = (key: keyof typeof values) => {
    const control = {
      id: `${id}-${key}`,
      required: true,
      'aria-invalid': error === 'missing' && values[key].trim() === '' ? true : undefined,
      value: values[key],
    } as const;
    return (
      <div className="field">
        <label className="field__label" htmlFor={`${id}-${key}`}>
          {t(`signer.field.${key}`)}
        </label>
        {key === 'role' ? (
          <RoleSelect {...control} className="select" onChange={(event) => setValues((v) => ({ ...v, role: event.target.value }))} />
        ) : (
          <input {...control} type="text" autoComplete="off" onChange={(event) => setValues((v) => ({ ...v, [key]: event.target.value }))} />
        )}
      </div>
    );
  };
  return (
    <form className="signer-setup" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('signer.setupTitle')}</h3>
      <p className="hint">{t('signer.setupHelp')}</p>
      {field('name')}
      {field('role')}
      {field('organisation')}
      {error ? <StatusMessage tone="error">{t(error === 'missing' ? 'signer.missing' : 'signer.createFailed')}</StatusMessage> : null}
      <div className="export-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('signer.create')}
        </Button>
      </div>
    </form>
  );
}
