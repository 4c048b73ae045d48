// The slow suites (`npm run test:slow`, run by CI too): whole CLI runs in child processes — the seed
// suite, the default suite, the http target from the command line, the guide's chapter and the
// plugin example followed command by command, sim-vs-http agreement on every story. They keep
// `npm test` under two minutes on a 2-core machine; they resolve `deadend` as the fast suite does.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['harness/**/*.slow.ts'], testTimeout: 120_000 },
});
