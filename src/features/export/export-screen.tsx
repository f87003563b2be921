import { useEffect, useId, useReducer, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import { exportSignedSummary, type SummarySignature } from '../../export';
import { findLanguage } from '../../i18n';
import { routeToHash } from '../../lib/routes';
import { useDraftSession } from '../../session';
import { caseLinks, supersededByNextExport } from '../../storage';
import { DownloadLink } from './download-link';
import { EncryptForRecipient } from './envelope';
import { PersonCopyForm } from './person-copy-form';
import { exportErrorKind, type ExportErrorKind } from './export-errors';
import { SignaturePad } from './signature-pad';
import { emptyPad, padReducer, padResult, type PadResult } from './signature-pad-state';
import { signatureToPng } from './signature-render';
import { SignerPanel, useSigner } from './signer';
import './export.css';

type Problem = 'identity' | 'personName' | 'caseworkerName' | 'caseworkerSignature' | 'personSignName' | 'personSignature';
type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'done'; readonly bytes: Uint8Array; readonly fileName: string; readonly recorded: boolean }
  | { readonly kind: 'error'; readonly error: ExportErrorKind };

/**
 * "Export signed summary": choices (the person's name or not, bilingual or not), the drawn or typed
 * signatures of the caseworker and, if the person agrees, the person's acknowledgement; then the
 * PDF is built and signed on the device and offered for download under a neutral file name.
 */
export function ExportScreen({ draftId }: { draftId: string }) {
  const { t } = useTranslation(['export', 'workspace']);
  const id = useId();
  const { load, data } = useDraftSession(draftId);
  const signer = useSigner();
  const identity = signer.state.phase === 'ready' ? signer.state.identity : null;
  const [includeName, setIncludeName] = useState(false);
  const [personName, setPersonName] = useState('');
  const [bilingual, setBilingual] = useState(true);
  const [caseworker, setCaseworker] = useState({ name: '', role: '' });
  const [caseworkerPad, caseworkerDispatch] = useReducer(padReducer, emptyPad);
  const [personAgrees, setPersonAgrees] = useState(false);
  const [person, setPerson] = useState({ name: '', role: '' });
  const [personPad, personDispatch] = useReducer(padReducer, emptyPad);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  // The caseworker's signature starts from the signing identity; either can still be edited.
  useEffect(() => {
    if (identity) setCaseworker((c) => ({ name: c.name || identity.name, role: c.role || identity.role }));
  }, [identity]);

  if (load.phase === 'missing' || load.phase === 'error') {
    return (
      <div className="export-screen" role="alert">
        <p>{t(load.phase === 'missing' ? 'load.missing' : 'load.error')}</p>
        <a href={routeToHash({ name: 'drafts' })}>{t('load.backToDrafts')}</a>
      </div>
    );
  }
  if (load.phase === 'loading' || !data) {
    return (
      <p role="status" className="export-screen">
        {t('load.loading')}
      </p>
    );
  }

  // A signed-off draft is what a reviewer decided on; a second export of it would be a new
  // version asking for a new decision. A change starts as a new version from the drafts list.
  const personCopy = (
    <section aria-labelledby={`${id}-person-copy`}>
      <h2 id={`${id}-person-copy`}>{t('workspace:personCopy.heading')}</h2>
      <PersonCopyForm
        instrumentId={load.draft.instrumentId}
        instrumentVersion={load.draft.instrumentVersion}
        answers={data.answers}
        language={data.personLanguage ?? data.workingLanguage}
      />
    </section>
  );
  if (load.draft.status === 'signed_off') {
    // The person's copy is still offered: after sign-off is when they need it.
    return (
      <div className="export-screen">
        <h1>{t('export.title')}</h1>
        <div role="alert">
          <p>{t('workspace:exportScreen.signedOff')}</p>
          <a href={routeToHash({ name: 'drafts' })}>{t('load.backToDrafts')}</a>
        </div>
        {personCopy}
      </div>
    );
  }

  const personLanguage = data.personLanguage !== null && data.personLanguage !== data.workingLanguage ? findLanguage(data.personLanguage) : undefined;
  const today = load.now;

  // The summary places each signature with name, role and date; a drawn one also as an image.
  const mark = async (kind: SummarySignature['kind'], name: string, role: string, result: PadResult): Promise<SummarySignature> => ({
    kind,
    name: result.kind === 'typed' ? result.text : name.trim(),
    role: role.trim(),
    date: today,
    ...(result.kind === 'drawn' ? { image: await signatureToPng(result) } : {}),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    const caseworkerSig = padResult(caseworkerPad);
    const personSig = personAgrees ? padResult(personPad) : null;
    if (!identity) found.push('identity');
    if (includeName && personName.trim() === '') found.push('personName');
    if (caseworker.name.trim() === '') found.push('caseworkerName');
    if (caseworkerSig === null) found.push('caseworkerSignature');
    // Without the person's name in the file, their acknowledgement is recorded without it too.
    if (personAgrees && includeName && person.name.trim() === '') found.push('personSignName');
    if (personAgrees && personSig === null) found.push('personSignature');
    setProblems(found);
    if (found.length > 0 || !identity || caseworkerSig === null) return;
    setPhase({ kind: 'working' });
    try {
      const signatures: SummarySignature[] = [
        await mark('caseworker', caseworker.name, caseworker.role, caseworkerSig),
      ];
      if (personSig !== null) {
        signatures.push(await mark('person', person.name, person.role.trim() || t('person.defaultRole'), personSig));
      }
      // A new version of a case names the one it replaces: this draft's last export, or the
      // signed-off version it continues.
      const supersedes = supersededByNextExport(await caseLinks.get(draftId));
      const file = await exportSignedSummary(
        {
          instrumentId: load.draft.instrumentId,
          instrumentVersion: load.draft.instrumentVersion,
          answers: data.answers,
          now: today,
          caseReference: data.caseRef,
          ...(includeName ? { personName: personName.trim() } : {}),
          workingLanguage: data.workingLanguage,
          ...(personLanguage && bilingual ? { personLanguage: personLanguage.code } : {}),
          signatures,
          createdAt: new Date(),
          ...(supersedes !== null ? { supersedes } : {}),
        },
        identity,
      );
      // The file is made and signed: a failure to note it on this device must not lose it.
      const recorded = await caseLinks.recordExport(draftId, { fingerprint: file.fingerprint, exportedAt: new Date().toISOString(), supersedes }).then(
        () => true,
        () => false,
      );
      setPhase({ kind: 'done', bytes: file.bytes, fileName: file.fileName, recorded });
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'export failed');
      setPhase({ kind: 'error', error: exportErrorKind(error) });
    }
  };

  const check = (key: string, checked: boolean, onChange: (value: boolean) => void, label: string) => (
    <div className="export-check">
      <input type="checkbox" id={`${id}-${key}`} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={`${id}-${key}`}>{label}</label>
    </div>
  );
  const text = (key: string, label: string, value: string, onChange: (value: string) => void, invalid: boolean) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input id={`${id}-${key}`} type="text" autoComplete="off" value={value} aria-invalid={invalid ? true : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );

  return (
    <div className="export-screen">
      <header>
        <h1>{t('export.title')}</h1>
        <a href={routeToHash({ name: 'review', draftId })}>{t('export.back')}</a>
      </header>
      <p className="hint">{t('export.intro')}</p>

      <section aria-labelledby={`${id}-signer`}>
        <h2 id={`${id}-signer`}>{t('signer.heading')}</h2>
        <SignerPanel signer={signer} />
      </section>

      <form onSubmit={(event) => void submit(event)} noValidate>
        <section aria-labelledby={`${id}-content`}>
          <h2 id={`${id}-content`}>{t('export.content.heading')}</h2>
          <p className="hint">{t('export.content.caseReference', { ref: data.caseRef })}</p>
          {check('include-name', includeName, setIncludeName, t('export.content.includeName'))}
          {includeName ? text('person-name', t('export.content.personName'), personName, setPersonName, problems.includes('personName')) : null}
          {personLanguage
            ? check('bilingual', bilingual, setBilingual, t('export.content.bilingual', { language: personLanguage.label }))
            : null}
        </section>

        <section aria-labelledby={`${id}-signatures`}>
          <h2 id={`${id}-signatures`}>{t('export.signatures.heading')}</h2>
          <fieldset>
            <legend>{t('export.signatures.caseworker')}</legend>
            {text('cw-name', t('export.signatures.name'), caseworker.name, (name) => setCaseworker((c) => ({ ...c, name })), problems.includes('caseworkerName'))}
            {text('cw-role', t('export.signatures.role'), caseworker.role, (role) => setCaseworker((c) => ({ ...c, role })), false)}
            <p className="hint">{t('export.signatures.date', { date: today })}</p>
            <SignaturePad who={t('export.signatures.whoCaseworker')} state={caseworkerPad} dispatch={caseworkerDispatch} />
          </fieldset>
          {check('person-agrees', personAgrees, setPersonAgrees, t('export.signatures.personAgrees'))}
          {personAgrees ? (
            <fieldset>
              <legend>{t('export.signatures.person')}</legend>
              {includeName ? (
                text('p-name', t('export.signatures.name'), person.name, (name) => setPerson((p) => ({ ...p, name })), problems.includes('personSignName'))
              ) : (
                <p className="hint">{t('export.signatures.personNameNotIncluded')}</p>
              )}
              {text('p-role', t('export.signatures.role'), person.role, (role) => setPerson((p) => ({ ...p, role })), false)}
              <p className="hint">{t('export.signatures.date', { date: today })}</p>
              <SignaturePad who={t('export.signatures.whoPerson')} state={personPad} dispatch={personDispatch} />
            </fieldset>
          ) : null}
        </section>

        {problems.length > 0 ? (
          <StatusMessage tone="error">
            <p>{t('export.problems.intro')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{t(`export.problems.${p}`)}</li>
              ))}
            </ul>
          </StatusMessage>
        ) : null}
        <div className="export-actions">
          <Button type="submit" variant="primary" disabled={phase.kind === 'working'}>
            {t('export.create')}
          </Button>
        </div>
      </form>

      {personCopy}

      {phase.kind === 'working' ? <p role="status">{t('export.working')}</p> : null}
      {phase.kind === 'error' ? <StatusMessage tone="error">{t(`error.${phase.error}`)}</StatusMessage> : null}
      {phase.kind === 'done' ? (
        <StatusMessage tone="success">
          <p>{t('export.done')}</p>
          {phase.recorded ? null : <p>{t('workspace:exportScreen.notRecorded')}</p>}
          <DownloadLink bytes={phase.bytes} fileName={phase.fileName}>
            {t('export.download')}
          </DownloadLink>
        </StatusMessage>
      ) : null}
      {phase.kind === 'done' ? <EncryptForRecipient bytes={phase.bytes} fileName={phase.fileName} /> : null}
    </div>
  );
}
