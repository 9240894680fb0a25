// End-to-end tests of the page in Debian's Chromium (no Playwright browser
// download: `npx playwright install` cannot work on these machines).
import { defineConfig } from '@playwright/test';

// A port of its own, so a developer's `npm start` on 8080 does not clash.
const PORT = Number(process.env.E2E_PORT ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}/`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results', // failure screenshots land here
  reporter: [['list'], ['./tests/summary-reporter.mjs']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    // The service worker would answer from its cache the requests some tests
    // hold back or fake (the engine's download); its own tests (offline-sw)
    // allow it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without these Chromium tries to reach outside hosts, and those
      // connections are refused here. Playwright adds --no-sandbox as root.
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs ${PORT}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
