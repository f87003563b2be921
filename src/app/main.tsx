/** Composition root: pick the language, initialise i18n, render the shell. */
// First, so that the keyring's round trips start before React is evaluated (early-probe.ts).
import './early-probe';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, pickLanguage } from '../i18n';
import { readLanguagePreference } from '../i18n/language-preference';
import { App } from './app';
import { lockController } from './lock';
import './styles.css';

/**
 * How long the first render waits for the lock's first answer (set-up or unlock screen). The
 * probe usually answers in a few milliseconds; past this, the shell renders "Loading" and the
 * lock screen follows, rather than a blank page.
 */
const FIRST_SCREEN_WAIT_MS = 300;

async function start(root: HTMLElement): Promise<void> {
  // The keyring is looked at while the strings initialise, so the first render can already be
  // the set-up or unlock screen instead of "Loading" followed by a second render and a shift.
  lockController.start();
  const lockKnown = Promise.race([lockController.settled(), new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
  await Promise.all([initI18n(pickLanguage([readLanguagePreference(), ...navigator.languages])), lockKnown]);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  start(root).catch((error: unknown) => {
    // English is bundled, so this means a broken build; show something rather than a blank page.
    root.textContent = 'Homeward could not start. Reload the page; if this keeps happening, reinstall the app.';
    console.error(error instanceof Error ? error.name : 'startup failed');
  });
}
