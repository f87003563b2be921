// Type-checked lint. Zones keep the layers honest: the engine and the instrument import
// nothing from the app, React, the DOM or Dexie; Dexie lives only under src/storage.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pure = {
  patterns: [
    { group: ['react', 'react-*', 'react/*', 'dexie', 'dexie/*', 'i18next', 'react-i18next', 'workbox-*', 'virtual:*'], message: 'The engine and instrument are pure: no UI, storage or i18n runtime.' },
    { group: ['**/storage/**', '**/features/**', '**/app/**', '**/components/**', '**/i18n/**', '**/export/**'], message: 'The engine and instrument import nothing from the app.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', '.e2e-profiles', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.engine.json', './tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**'],
    ignores: ['src/storage/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Dexie is imported only under src/storage.' }] }] },
  },
  {
    files: ['src/engine/**', 'src/instrument/**', 'src/case/**', 'src/outcomes/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: { 'no-restricted-imports': ['error', pure], 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'] },
  },
  {
    files: ['scripts/**', 'tests/**', '**/*.test.ts', '**/*.test.tsx', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Plain JavaScript build scripts are not type-checked (checkJs is off), so type-aware rules cannot judge them.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
