import { useTranslation } from 'react-i18next';

/** Help stays folded until asked for, so a step stays scannable during the interview. */
export function HelpDisclosure({ text }: { text: string }) {
  const { t } = useTranslation('wizard');
  return (
    <details className="help">
      <summary>{t('item.help')}</summary>
      <p>{text}</p>
    </details>
  );
}
