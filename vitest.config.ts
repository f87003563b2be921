import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/security/**/*.test.ts'],
    environment: 'node',
  },
});
