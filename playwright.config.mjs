// End-to-end tests in Debian's Chromium (never a downloaded browser) against the release build.
import { defineConfig } from '@playwright/test';

// Another port with APIFRONT_E2E_PORT (several checkouts testing on one machine).
const port = Number(process.env.APIFRONT_E2E_PORT ?? 8090);
// The build under test: dist/ unless APIFRONT_DIST names another (e.g. a build of an older commit,
// to check that a new test fails there).
const dist = process.env.APIFRONT_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  reporter: [['list']],
  timeout: 30_000,
  retries: 0,
  workers: 1,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
