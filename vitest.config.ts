import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // No unit test is a timing test: the limit only stops a hung test, so it allows for a busy machine.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      // Browser tests share one built site and one Chromium: run their files one after another.
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false } },
    ],
  },
});
