import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { Button } from '../../components/ui';
import { flushUnsavedInput } from './unsaved-input';

type UpdateProblem = 'unsaved' | 'failed' | 'reloadPending' | null;

/**
 * Non-modal banner for service-worker updates. What is saved for offline use, and whether the
 * device is ready to go offline, is the offline status's to say (src/features/offline): the
 * worker's install completes only the core, so "ready to work offline" here would claim too much.
 * registerType is 'prompt': a new version waits until the caseworker presses "Update now", and
 * even then only after any unsaved input has been written, because the update reloads the tab.
 * It never reloads on its own.
 */
const problemKey = {
  unsaved: 'pwa.updateBlockedUnsaved',
  failed: 'pwa.updateFailed',
  reloadPending: 'pwa.reloadPending',
} as const;

export function UpdatePrompt() {
  const { t } = useTranslation('ui');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<UpdateProblem>(null);
  // Once the new worker controls this tab there is nothing left to activate: "Update now" must
  // reload. A ref, not state, so every handler sees it at once.
  const takenOver = useRef(false);
  // vite-plugin-pwa may call onNeedReload more than once for one takeover: reload only once.
  const reloading = useRef(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // The new version has taken control, possibly because another tab accepted it. This tab
    // reloads only once its own input is safely written; otherwise it keeps the input on
    // screen and asks the caseworker to reload when the save has gone through.
    onNeedReload: () => {
      takenOver.current = true;
      void reloadWhenSaved();
    },
  });

  function reloadOnce(): void {
    if (reloading.current) return;
    reloading.current = true;
    window.location.reload();
  }

  async function reloadWhenSaved(): Promise<void> {
    if (await flushUnsavedInput()) {
      reloadOnce();
      return;
    }
    setNeedRefresh(true);
    setProblem('reloadPending');
  }

  async function update(): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      const safe = await flushUnsavedInput();
      if (!safe) {
        setProblem('unsaved');
        return;
      }
      if (takenOver.current) {
        reloadOnce();
        return;
      }
      // Activates the waiting worker; onNeedReload reloads once it takes control.
      await updateServiceWorker(true);
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  }

  // The live region stays mounted so screen readers announce text added to it later.
  return (
    <div className="banner-region" role="status">
      {needRefresh ? (
        <section className="banner" aria-labelledby="update-banner-title">
          <p id="update-banner-title" className="banner__text">
            {t('pwa.updateReady')}
          </p>
          {problem ? (
            <p className="banner__problem">{t(problemKey[problem])}</p>
          ) : null}
          <Button
            variant="primary"
            disabled={busy}
            onClick={() => {
              void update();
            }}
          >
            {busy ? t('pwa.updating') : t('pwa.updateNow')}
          </Button>
        </section>
      ) : null}
    </div>
  );
}
