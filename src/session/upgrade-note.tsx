import { useTranslation } from 'react-i18next';
// Light imports only: the drafts screen shows this note, and must not pull in the registry.
import { contentNamespaceOf } from '../i18n';
import type { ProvenanceAnswer } from '../instrument';
import { formatIsoDate, localized } from '../lib/format';

interface UpgradeNoteProps {
  /** what the move does (before) or did (after) */
  note: ProvenanceAnswer;
  /** the instrument id and the version the draft moves (or moved) to */
  instrumentId: string;
  toVersion: number;
  /** "before": what will happen if the caseworker goes ahead; "after": what happened */
  when: 'before' | 'after';
}

/**
 * What moving a draft to a newer version of the questionnaire does: the answers carried over,
 * converted, not carried (each named, with why), and the new questions. Shown before the move,
 * in the confirmation, and after it, in the new draft, so nothing changes silently.
 */
export function UpgradeNote({ note, instrumentId, toVersion, when }: UpgradeNoteProps) {
  const { t, i18n } = useTranslation('drafts');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const oldNs = contentNamespaceOf({ instrumentId: note.from.id, version: note.from.version });
  const newNs = contentNamespaceOf({ instrumentId, version: toVersion });
  const notCarried = Object.entries(note.notCarried);
  const params = { from: note.from.version, to: toVersion, date: formatIsoDate(note.date, lang) };
  return (
    <div className="upgrade-note">
      <p>{t(`upgrade.${when}.summary`, localized(params, lang))}</p>
      <ul>
        <li>{t(`upgrade.${when}.carried`, localized({ count: note.carried.length }, lang))}</li>
        {note.converted.length > 0 ? (
          <li>
            {t(`upgrade.${when}.converted`, localized({ count: note.converted.length }, lang))}
            <ul>
              {note.converted.map((code) => <li key={code}>{t(`item.${code}.label`, { ns: newNs })}</li>)}
            </ul>
          </li>
        ) : null}
        <li>
          {t(`upgrade.${when}.notCarried`, localized({ count: notCarried.length }, lang))}
          {notCarried.length > 0 ? (
            <ul>
              {notCarried.map(([code, why]) => (
                <li key={code}>
                  {t('upgrade.item', { label: t(`item.${code}.label`, { ns: oldNs }), why: t(`upgrade.why.${why}`, { defaultValue: why }) })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        <li>{t(`upgrade.${when}.added`, localized({ count: note.added.length }, lang))}</li>
      </ul>
    </div>
  );
}
