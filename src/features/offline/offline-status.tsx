import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { findLanguage } from '../../i18n';
import { kitSnapshot, startOfflineKit, subscribeKit, type KitSnapshot } from './offline-kit';
import type { LanguageReadiness } from './kit-status';
import './offline.css';

// One formatter per language: the status re-renders after every file saved, on a slow phone.
const formats = new Map<string, Intl.NumberFormat>();

function megabytes(bytes: number, lang: string): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    formats.set(lang, format);
  }
  return format.format(bytes / 1_000_000);
}

type HeadlineKey = 'status.unsupported' | 'status.checking' | 'status.ready' | 'status.notReady' | 'status.notReadyAny';

/** The one sentence announced to screen readers: it changes only when readiness changes. */
function headlineKey(snapshot: KitSnapshot, current: LanguageReadiness | undefined): HeadlineKey {
  if (snapshot.phase === 'unsupported') return 'status.unsupported';
  if (snapshot.phase === 'paused' && !current) return 'status.notReadyAny';
  if (!snapshot.status || !current) return 'status.checking';
  return current.ready ? 'status.ready' : 'status.notReady';
}

/**
 * How much of the app is saved for offline use and, per language, whether the device is ready
 * to go offline (everything an export in that language needs is saved). Shown at the end of
 * every screen, the lock screen included, so it moves nothing above it when it changes.
 */
export function OfflineStatus() {
  const { t, i18n } = useTranslation('offline');
  const snapshot = useSyncExternalStore(subscribeKit, kitSnapshot);
  useEffect(() => {
    startOfflineKit();
  }, []);
  const lang = i18n.language;
  const status = snapshot.status;
  const current = status?.languages.find((l) => l.code === lang) ?? status?.languages.find((l) => l.code === 'en');
  const currentName = findLanguage(current?.code ?? lang)?.label ?? lang;
  const mb = (bytes: number): string => t('megabytes', { value: megabytes(bytes, lang) });

  return (
    <section className="offline-status" aria-labelledby="offline-status-title" data-core-ready={status?.coreReady ? 'true' : 'false'}>
      <h2 id="offline-status-title" className="offline-status__title">
        {t('title')}
      </h2>
      <p role="status" className="offline-status__headline">
        {t(headlineKey(snapshot, current), { language: currentName })}
      </p>
      {!status && snapshot.phase === 'paused' ? <p className="offline-status__detail">{t('paused')}</p> : null}
      {status ? (
        <>
          <p className="offline-status__detail">
            {[
              t('saved', { saved: mb(status.savedBytes), total: mb(status.totalBytes) }),
              snapshot.phase === 'paused' ? t('paused') : null,
              status.coreReady && !current?.ready ? t('coreOnly') : null,
              !status.coreReady && snapshot.phase !== 'paused' ? t('stayOnline') : null,
            ]
              .filter((sentence) => sentence !== null)
              .join(' ')}
          </p>
          <ul className="offline-status__languages" aria-label={t('byLanguage')}>
            {status.languages.map((l) => {
              const language = findLanguage(l.code);
              return (
                <li key={l.code} data-language={l.code} data-ready={l.ready ? 'true' : 'false'}>
                  <span lang={l.code} dir={language?.dir}>
                    {language?.label ?? l.code}
                  </span>
                  {': '}
                  {l.ready ? t('language.ready') : t('language.notReady', { saved: mb(l.savedBytes), total: mb(l.totalBytes) })}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
