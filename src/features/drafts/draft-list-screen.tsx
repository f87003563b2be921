import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';
import { navigate } from '../../lib/routes';
import { DeleteDraftDialog } from './delete-draft-dialog';
import { DraftCard } from './draft-card';
import type { DraftRow, DraftStore } from './draft-store';
import { DuplicateDraftDialog } from './duplicate-draft-dialog';
import { UpgradeDraftDialog } from './upgrade-draft-dialog';
import { NewDraftForm } from './new-draft-form';
import { PersistenceStatus } from './persistence-status';
import { storageDraftStore } from './storage-draft-store';
import { useDraftListing } from './use-draft-listing';
import { usePersistence } from './use-persistence';

export interface DraftListScreenProps {
  /** Injected in tests; the app uses the real storage. */
  store?: DraftStore;
}

/** Home screen: start an assessment, or resume, copy or delete one kept on this device. */
export function DraftListScreen({ store = storageDraftStore }: DraftListScreenProps) {
  const { t, i18n } = useTranslation('ui');
  const { t: tw } = useTranslation('workspace');
  const persistence = usePersistence(store);
  const { state, reload } = useDraftListing(store);
  const [toDelete, setToDelete] = useState<DraftRow | null>(null);
  const [toCopy, setToCopy] = useState<DraftRow | null>(null);
  const [toUpgrade, setToUpgrade] = useState<DraftRow | null>(null);
  const [notice, setNotice] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusListNext = useRef(false);

  // After a delete, the card and the button that opened the dialog are gone; land on the list
  // heading. Done once the dialog has closed, because a modal dialog makes the page inert.
  useEffect(() => {
    if (toDelete === null && focusListNext.current) {
      focusListNext.current = false;
      listHeading.current?.focus();
    }
  }, [toDelete]);

  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );

  async function start(caseRef: string, personLanguage: string | null): Promise<void> {
    const id = await store.create(caseRef, i18n.language, personLanguage);
    // Firefox asks the user only after a gesture; this click is one, so ask again if refused.
    if (persistence !== 'persisted') void store.requestPersistence().catch(() => undefined);
    navigate({ name: 'wizard', draftId: id, section: null });
  }

  async function remove(draft: DraftRow): Promise<void> {
    await store.remove(draft.id);
    focusListNext.current = true;
    setToDelete(null);
    setNotice(t('drafts.delete.done', { ref: draft.caseRef }));
    reload();
  }

  async function duplicate(draft: DraftRow, caseRef: string): Promise<void> {
    await store.duplicate(draft.id, caseRef);
    setToCopy(null);
    setNotice(t('drafts.duplicate.done', { ref: draft.caseRef, newRef: caseRef }));
    reload();
  }

  async function newVersion(draft: DraftRow): Promise<void> {
    try {
      const id = await store.newVersion(draft.id);
      navigate({ name: 'wizard', draftId: id, section: null });
    } catch {
      setNotice(tw('loop.newVersionFailed'));
    }
  }

  return (
    <div className="draft-list-screen">
      <h1>{t('drafts.title')}</h1>
      <PersistenceStatus outcome={persistence} />
      <NewDraftForm onStart={start} withPersonLanguage />

      <section aria-labelledby="draft-list-title">
        <h2 id="draft-list-title" ref={listHeading} tabIndex={-1}>
          {t('drafts.list.title')}
        </h2>
        <div role="status" className="notice">
          {notice}
        </div>
        {state.kind === 'loading' ? <p role="status">{t('drafts.list.loading')}</p> : null}
        {state.kind === 'failed' ? <StatusMessage tone="error">{t('drafts.list.failed')}</StatusMessage> : null}
        {state.kind === 'ready' && state.listing.unreadable.length > 0 ? (
          <StatusMessage tone="error">
            {t('drafts.list.unreadable', { count: state.listing.unreadable.length })}
          </StatusMessage>
        ) : null}
        {state.kind === 'ready' && state.listing.drafts.length === 0 ? <p>{t('drafts.list.empty')}</p> : null}
        {state.kind === 'ready' && state.listing.drafts.length > 0 ? (
          <ul className="draft-list">
            {state.listing.drafts.map((draft) => (
              <li key={draft.id}>
                <DraftCard
                  draft={draft}
                  dateFormat={dateFormat}
                  onResume={(d) => {
                    navigate({ name: 'wizard', draftId: d.id, section: null });
                  }}
                  onDuplicate={setToCopy}
                  onDelete={setToDelete}
                  onUpgrade={setToUpgrade}
                  onNewVersion={(d) => {
                    void newVersion(d);
                  }}
                  sharedRef={state.listing.drafts.some((other) => other.id !== draft.id && other.caseRef === draft.caseRef)}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <DeleteDraftDialog
        draft={toDelete}
        onCancel={() => {
          setToDelete(null);
        }}
        onConfirm={remove}
      />
      <UpgradeDraftDialog
        draft={toUpgrade}
        store={store}
        onCancel={() => {
          setToUpgrade(null);
        }}
        onDone={(_draft, newId) => {
          setToUpgrade(null);
          navigate({ name: 'wizard', draftId: newId, section: null });
        }}
      />
      <DuplicateDraftDialog
        draft={toCopy}
        onCancel={() => {
          setToCopy(null);
        }}
        onConfirm={duplicate}
      />
    </div>
  );
}
