/**
 * Hash routes. A URL names only a random draft id, a section code and a page number, never
 * anything personal, and a reload lands the caseworker exactly where they were.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'drafts' }
  | { name: 'settings' }
  | { name: 'verify' }
  /** The reviewer's workspace: received files, as cases. */
  | { name: 'received' }
  /** One received case, named by the random id of one of its stored files. */
  | { name: 'received-case'; fileId: string }
  /** `page`: 1-based page of the section (features/wizard/pages.ts); absent means its first shown page */
  | { name: 'wizard'; draftId: string; section: string | null; page?: number }
  | { name: 'review'; draftId: string }
  | { name: 'export'; draftId: string };

const idPattern = /^[A-Za-z0-9-]{1,64}$/;
const sectionPattern = /^[A-Z]{1,2}$/;
const pagePattern = /^[1-9]\d?$/;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [kind, id, section, page] = parts;
  if (kind === 'settings' && parts.length === 1) return { name: 'settings' };
  if (kind === 'verify' && parts.length === 1) return { name: 'verify' };
  if (kind === 'received' && parts.length === 1) return { name: 'received' };
  if (kind === 'received' && parts.length === 2 && id && idPattern.test(id)) return { name: 'received-case', fileId: id };
  if (kind === 'draft' && id && idPattern.test(id)) {
    if (section === 'review') return { name: 'review', draftId: id };
    if (section === 'export' && parts.length === 3) return { name: 'export', draftId: id };
    if (!section || !sectionPattern.test(section)) return { name: 'wizard', draftId: id, section: null };
    if (parts.length === 4 && page && pagePattern.test(page)) return { name: 'wizard', draftId: id, section, page: Number(page) };
    return { name: 'wizard', draftId: id, section };
  }
  return { name: 'drafts' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'drafts':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'verify':
      return '#/verify';
    case 'received':
      return '#/received';
    case 'received-case':
      return `#/received/${route.fileId}`;
    case 'wizard':
      return `#/draft/${route.draftId}${route.section ? `/${route.section}${route.page ? `/${String(route.page)}` : ''}` : ''}`;
    case 'review':
      return `#/draft/${route.draftId}/review`;
    case 'export':
      return `#/draft/${route.draftId}/export`;
  }
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = routeToHash(route);
  if (opts.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  window.addEventListener('popstate', cb);
  return () => {
    window.removeEventListener('hashchange', cb);
    window.removeEventListener('popstate', cb);
  };
}

const getHash = () => window.location.hash;

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseRoute(hash);
}
