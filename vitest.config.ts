import { defineConfig } from 'vitest/config';

// Tests run away from UTC (CI machines are UTC) so that any date read in local time shows up as a
// failure; the test workers are forked from this process and inherit the zone.
process.env.TZ = 'America/New_York';

export default defineConfig({
  test: {
    // checks/*.test.ts: the bundled example's data tests (datacheck/vitest), run like any other test.
    include: ['tests/**/*.test.ts', 'checks/*.test.ts'],
    typecheck: { enabled: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Provides one shared PostgreSQL server, started lazily by the first test that asks for it.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
