import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,cli,electron,web,renderer,bench,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
