/** Composition root: pick the language, initialise i18n, render the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, pickLanguage } from '../i18n';
import { readLanguagePreference } from '../i18n/language-preference';
import { App } from './app';
import './styles.css';

async function start(root: HTMLElement): Promise<void> {
  await initI18n(pickLanguage([readLanguagePreference(), ...navigator.languages]));
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
