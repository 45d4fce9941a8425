import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Three suites: pure logic in Node, Preact components in happy-dom, and real-browser tests in Chromium.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['tests/ui/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          // Once in a few full runs Chromium's context.close() never returns (seen in demo-signals,
          // hardening-failures and strict-third-party hooks, each passing on its own; cause not yet found).
          // A test that fails again on its second try still fails.
          retry: 1,
        },
      },
    ],
  },
});
