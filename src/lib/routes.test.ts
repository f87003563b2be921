import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash, type Route } from './routes';

describe('routes', () => {
  it('round-trips every route through the hash', () => {
    const routes: Route[] = [
      { name: 'drafts' },
      { name: 'settings' },
      { name: 'wizard', draftId: 'a1b2-c3', section: null },
      { name: 'wizard', draftId: 'a1b2-c3', section: 'LA' },
      { name: 'wizard', draftId: 'a1b2-c3', section: 'E', page: 3 },
      { name: 'review', draftId: 'a1b2-c3' },
      { name: 'export', draftId: 'a1b2-c3' },
      { name: 'verify' },
      { name: 'received' },
      { name: 'received-case', fileId: '0b7e4c1e-2f4a-4b8e-9c1d-3a5b6c7d8e9f' },
    ];
    for (const r of routes) expect(parseRoute(routeToHash(r))).toEqual(r);
  });

  it('falls back to the draft list for anything it does not recognise', () => {
    expect(parseRoute('#/draft/<script>/A')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/settings/extra')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/draft/abc/lowercase')).toEqual({ name: 'wizard', draftId: 'abc', section: null });
    // A page that is not a small positive number is dropped, the section kept.
    expect(parseRoute('#/draft/abc/E/0')).toEqual({ name: 'wizard', draftId: 'abc', section: 'E' });
    expect(parseRoute('#/draft/abc/E/x1')).toEqual({ name: 'wizard', draftId: 'abc', section: 'E' });
    expect(parseRoute('#/draft/abc/E/2/more')).toEqual({ name: 'wizard', draftId: 'abc', section: 'E' });
  });
});

describe('the settings route', () => {
  it('is a fixed path with nothing else in it', () => {
    expect(routeToHash({ name: 'settings' })).toBe('#/settings');
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#settings')).toEqual({ name: 'settings' });
  });
});

describe('the export and verify routes', () => {
  it('name only the random draft id, never anything from the case', () => {
    expect(routeToHash({ name: 'export', draftId: 'a1b2-c3' })).toBe('#/draft/a1b2-c3/export');
    expect(routeToHash({ name: 'verify' })).toBe('#/verify');
  });

  it('reject extra segments rather than guess', () => {
    expect(parseRoute('#/verify/extra')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/draft/a1/export/more')).toEqual({ name: 'wizard', draftId: 'a1', section: null });
    expect(parseRoute('#/draft/<x>/export')).toEqual({ name: 'drafts' });
  });
});

describe('the received files routes', () => {
  it('name only a stored file’s random id, and refuse anything else in that place', () => {
    expect(routeToHash({ name: 'received' })).toBe('#/received');
    expect(parseRoute('#/received/HW-0042 Maria')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/received/a/b')).toEqual({ name: 'drafts' });
    expect(parseRoute('#/received/<x>')).toEqual({ name: 'drafts' });
  });
});
