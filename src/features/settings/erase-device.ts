/**
 * Panic wipe from the settings screen: storage is imported on demand (as the lock does), then the
 * page restarts on the draft list's address, so nothing read before the wipe survives in memory
 * and the app opens on first-run set-up.
 */
export async function eraseDeviceAndRestart(): Promise<void> {
  const { panicWipe } = await import('../../storage');
  await panicWipe();
  window.history.replaceState(null, '', '#/');
  window.location.reload();
}
