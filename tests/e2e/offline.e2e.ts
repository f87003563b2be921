/**
 * Offline for real. One online visit installs the service worker and its precache; then the
 * static server is stopped and the context emulated offline, so the service worker's own fetches
 * fail too. The app must then render on reload, in a new tab (a cold start of the page) and after
 * a full browser restart on the same profile, and an assessment must be startable without network.
 */
import { describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import { launchPersistentApp, privateServer } from './support/browser';
import { goOffline, networkIsGone, waitForServiceWorker } from './support/service-worker';

describe('offline', () => {
  test('after one online visit the app starts with the origin gone: reload, new tab, browser restart', async () => {
    const server = await privateServer();
    let session = await launchPersistentApp({ origin: server.url, label: 'offline' });
    const list = new DraftListPage(session.page);
    await list.goto(server.url);
    await list.start('HW-TEST-0101');
    await list.goto(server.url);
    await waitForServiceWorker(session.page);

    await goOffline(session.context, server);
    expect(await networkIsGone(session.page), 'the network is really gone for the service worker too').toBe(true);
    const servedBefore = server.requests.length;

    await session.page.reload();
    await list.waitUntilLoaded();
    expect(await list.draftReferences()).toEqual(['HW-TEST-0101']);

    const tab = await session.context.newPage();
    const tabList = new DraftListPage(tab);
    await tabList.goto(server.url);
    expect(await tabList.draftReferences()).toEqual(['HW-TEST-0101']);
    await tab.close();

    session = await session.restart({ offline: true });
    const restarted = new DraftListPage(session.page);
    await restarted.goto(server.url);
    expect(await restarted.draftReferences()).toEqual(['HW-TEST-0101']);
    expect(server.requests.length, 'nothing reached the stopped server').toBe(servedBefore);
  });

  test('an assessment can be started and answered with no network at all', async () => {
    const server = await privateServer();
    let session = await launchPersistentApp({ origin: server.url, label: 'offline-start' });
    await new DraftListPage(session.page).goto(server.url);
    await waitForServiceWorker(session.page);
    await goOffline(session.context, server);
    session = await session.restart({ offline: true });

    const list = new DraftListPage(session.page);
    await list.goto(server.url);
    await list.start('HW-TEST-0102');
    // The wizard is a lazy chunk: it must come from the precache.
    const wizard = new WizardPage(session.page);
    await wizard.waitUntilLoaded();
    expect((await wizard.sectionNames()).length).toBeGreaterThan(1);
    await list.goto(server.url);
    expect(await list.draftReferences()).toEqual(['HW-TEST-0102']);
  });
});
