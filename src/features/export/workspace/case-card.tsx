import { useTranslation } from 'react-i18next';
import type { ReceivedCase } from '../../../case';
import { formatNumber } from '../../../lib/format';
import { routeToHash } from '../../../lib/routes';
import { caseFacts } from './case-facts';
import type { CheckedFile } from './received-checks';

/** One case in the reviewer's list: what it is, where it stands, and whether its signers are vouched for. */
export function CaseCard({ item, checked }: { item: ReceivedCase; checked: readonly CheckedFile[] }) {
  const { t, i18n } = useTranslation(['workspace', 'engine', 'export']);
  const facts = caseFacts(item, checked);
  const { kind } = item.latest.state;
  const headingId = `case-${item.id}`;
  const none = t('list.none');
  const row = (label: string, value: string) => (
    <div className="verify-facts__row">
      <dt>{label}</dt>
      <dd>{value === '' ? none : <bdi>{value}</bdi>}</dd>
    </div>
  );
  const profile = [facts.child ? t('list.child') : '', facts.youngAdult ? t('list.youngAdult') : ''].filter(Boolean).join(', ');
  return (
    <article className={`card case-card case-card--${kind}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={routeToHash({ name: 'received-case', fileId: item.id })}>
          <bdi>{facts.reference ?? t('list.noReference')}</bdi>
        </a>
      </h3>
      <p className="case-card__state">
        <strong>{t(`export:case.state.${kind}`)}</strong>
        {item.lastSeen !== null ? ` · ${t('list.newVersion')}` : ''}
        {profile !== '' ? ` · ${profile}` : ''}
      </p>
      <dl className="verify-facts">
        {row(t('list.assessor'), facts.assessor ?? '')}
        {row(t('list.organisation'), facts.organisation === null ? '' : facts.organisation.claimed ? t('list.claimed', { organisation: facts.organisation.name }) : facts.organisation.name)}
        {row(t('list.date'), facts.assessedOn ?? '')}
        {row(t('list.overall'), facts.overall === null ? '' : t(`rating.level.${facts.overall}`, { ns: 'engine' }))}
        {row(t('list.recommendation'), facts.recommendation === null ? '' : t(`item.${facts.recommendation.item}.option.${facts.recommendation.option}`, { ns: facts.recommendation.ns }))}
        {row(t('list.overrides'), facts.overridden.join(', '))}
        {row(t('list.trust'), t(`list.trust.${facts.trust}`))}
        {row(t('list.versions'), formatNumber(facts.versions, i18n.resolvedLanguage ?? i18n.language))}
      </dl>
    </article>
  );
}
