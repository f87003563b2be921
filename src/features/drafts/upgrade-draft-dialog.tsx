import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, StatusMessage } from '../../components/ui';
import { loadInstrumentContent } from '../../i18n';
import { localized } from '../../lib/format';
// The leaf modules, not src/session's index: that would load storage with this screen (see storage-draft-store.ts).
import { todayIso } from '../../session/today';
import { UpgradeNote } from '../../session/upgrade-note';
import type { DraftRow, DraftStore, UpgradePreview } from './draft-store';

interface Props {
  /** The draft to move; null keeps the dialog closed. */
  draft: DraftRow | null;
  store: DraftStore;
  onCancel: () => void;
  /** The new draft's id, once it is made. */
  onDone: (draft: DraftRow, newId: string) => void;
}

type Preview = { kind: 'loading' } | { kind: 'ready'; preview: UpgradePreview } | { kind: 'failed' };

/**
 * Moving a draft to the newer questionnaire, on purpose: before anything changes, the caseworker
 * sees what is carried over, converted and not carried (and why), and how many questions are new.
 * A new draft is made; this one stays as it is.
 */
export function UpgradeDraftDialog({ draft, store, onCancel, onDone }: Props) {
  const { t, i18n } = useTranslation('drafts');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const [state, setState] = useState<Preview>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!draft) return undefined;
    let active = true;
    setState({ kind: 'loading' });
    setFailed(false);
    // The note names the questions in both versions' wording.
    Promise.all([store.previewUpgrade(draft.id, todayIso(new Date())), loadInstrumentContent()]).then(
      ([preview]) => {
        if (active) setState({ kind: 'ready', preview });
      },
      () => {
        if (active) setState({ kind: 'failed' });
      },
    );
    return () => {
      active = false;
    };
  }, [draft, store]);

  async function confirm(target: DraftRow): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      onDone(target, await store.upgrade(target.id, todayIso(new Date())));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={draft !== null}
      onClose={onCancel}
      title={t('upgrade.title', localized({ ref: draft?.caseRef ?? '', version: draft?.upgradeTo ?? '' }, lang))}
      actions={
        <>
          <Button onClick={onCancel}>{t('upgrade.cancel')}</Button>
          <Button
            variant="primary"
            disabled={busy || state.kind !== 'ready'}
            onClick={() => {
              if (draft) void confirm(draft);
            }}
          >
            {t('upgrade.confirm', localized({ version: draft?.upgradeTo ?? '' }, lang))}
          </Button>
        </>
      }
    >
      {state.kind === 'loading' ? <p role="status">{t('upgrade.loading')}</p> : null}
      {state.kind === 'failed' ? <StatusMessage tone="error">{t('upgrade.previewFailed')}</StatusMessage> : null}
      {state.kind === 'ready' ? (
        <>
          <UpgradeNote note={state.preview.note} instrumentId={state.preview.instrumentId} toVersion={state.preview.toVersion} when="before" />
          <p>{t('upgrade.copy', localized({ from: draft?.instrumentVersion ?? '' }, lang))}</p>
        </>
      ) : null}
      {failed ? <StatusMessage tone="error">{t('upgrade.failed')}</StatusMessage> : null}
    </Dialog>
  );
}
