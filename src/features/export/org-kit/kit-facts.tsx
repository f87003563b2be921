import { useTranslation } from 'react-i18next';
import type { VerifiedKit } from '../../../export/org-kit';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { envelopeRoleLabel } from '../envelope/texts';

/** What a kit sets: organisation, roles, follow-up schedule, idle lock range, and its fingerprint. */
export function KitFacts({ kit, importedAt }: { kit: VerifiedKit; importedAt: Date }) {
  const { t, i18n } = useTranslation('envelope');
  const { content } = kit;
  const row = (label: string, value: string, ltr = false) => (
    <div className="verify-facts__row">
      <dt>{label}</dt>
      <dd {...(ltr ? { dir: 'ltr', className: 'fingerprint' } : {})}>{value}</dd>
    </div>
  );
  const list = new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' });
  return (
    <dl className="verify-facts">
      {row(t('kit.facts.organisation'), content.organisation)}
      {row(t('kit.facts.roles'), list.format(content.roles.map((role) => envelopeRoleLabel(t, role))))}
      {row(t('kit.facts.followUp'), t('kit.facts.followUpDays', { days: list.format(content.policy.followUpDays.map(String)) }))}
      {row(t('kit.facts.idleLock'), t('kit.facts.idleLockRange', { min: content.policy.idleLock.minMinutes, max: content.policy.idleLock.maxMinutes }))}
      {row(t('kit.facts.imported'), new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long' }).format(importedAt))}
      {row(t('kit.facts.fingerprint'), groupedFingerprint(kit.fingerprint), true)}
    </dl>
  );
}
