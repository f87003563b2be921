import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { awaitsDecisionFrom, roleOf, type ReceivedCase, type Role } from '../../../case';
import { useSigner } from '..';
import { roleLabel } from '../identity/role-label';
import { CaseCard } from './case-card';
import { ImportResults } from './import-results';
import { ImportZone } from './import-zone';
import type { ImportResult } from './import-file';
import { useReceivedCases } from './use-received-cases';
import '../export.css';
import './workspace.css';

type Filter = 'all' | 'mine' | 'returned';

function matches(filter: Filter, item: ReceivedCase, role: Role | null): boolean {
  if (filter === 'all') return true;
  if (filter === 'returned') return item.latest.state.kind === 'returned';
  return role !== null && awaitsDecisionFrom(item.latest.state, role);
}

/**
 * "Received files" (`#/received`): the reviewer's workspace. Files come in by picker or drop, are
 * verified and kept sealed on the device; the list shows every case by its latest version, with
 * filters for what awaits this device's signer (by the role their certificate names) and what was
 * returned. The document title names no case.
 */
export function WorkspaceScreen() {
  const { t } = useTranslation('workspace');
  const { t: tIdentity } = useTranslation('identity');
  const id = useId();
  const [refresh, setRefresh] = useState(0);
  const [results, setResults] = useState<readonly ImportResult[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const listing = useReceivedCases(refresh);
  const signer = useSigner();
  const role = signer.state.phase === 'ready' ? roleOf(signer.state.identity.role) : null;


  const shown = listing.phase === 'ready' ? listing.cases.filter((item) => matches(filter, item, role)) : [];
  const filters: Filter[] = ['all', 'mine', 'returned'];

  return (
    <div className="export-screen workspace">
      <h1>{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('import.heading')}</h2>
        <ImportZone
          onResults={(next) => {
            setResults(next);
            if (next.some((r) => r.kind === 'kept')) setRefresh((n) => n + 1);
          }}
        />
        {results.length > 0 ? <ImportResults results={results} /> : null}
      </section>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('list.heading')}</h2>
        <fieldset className="workspace-filter">
          <legend>{t('filter.legend')}</legend>
          {filters.map((f) => (
            <div className="export-check" key={f}>
              <input type="radio" id={`${id}-filter-${f}`} name={`${id}-filter`} checked={filter === f} onChange={() => setFilter(f)} />
              <label htmlFor={`${id}-filter-${f}`}>{t(`filter.${f}`)}</label>
            </div>
          ))}
          {filter === 'mine' && role === null ? <p className="hint">{t('filter.noIdentity')}</p> : null}
          {filter === 'mine' && role !== null ? <p className="hint">{t('filter.asRole', { role: roleLabel(tIdentity, role) })}</p> : null}
        </fieldset>
        {listing.phase === 'loading' ? <p role="status">{t('list.checking', { done: listing.done, total: listing.total })}</p> : null}
        {listing.phase === 'error' ? <StatusMessage tone="error">{t('list.error')}</StatusMessage> : null}
        {listing.phase === 'ready' && listing.unreadable > 0 ? <StatusMessage tone="warning">{t('list.unreadable', { count: listing.unreadable })}</StatusMessage> : null}
        {listing.phase === 'ready' ? (
          shown.length === 0 ? (
            <p>{t(listing.cases.length === 0 ? 'list.empty' : 'list.emptyFilter')}</p>
          ) : (
            <>
              <p role="status">{t('list.count', { count: shown.length })}</p>
              <ul className="case-list">
                {shown.map((item) => (
                  <li key={item.id}>
                    <CaseCard item={item} checked={listing.checked} />
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </section>
    </div>
  );
}
