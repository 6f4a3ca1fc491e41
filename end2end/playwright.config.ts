import { defineConfig, devices } from '@playwright/test';

// The real server binary (built by `cargo leptos build`) on a fresh SQLite database with the
// demo district, on its own port so a running dev server does not interfere.
const port = Number(process.env.E2E_PORT ?? 3100);
// The server on an empty database (first-run.spec.ts).
const emptyPort = port + 1;
// A second demo district for the pair's year (pair-work.spec.ts): its story needs the pilot's
// pairs as the demo leaves them, which the board's tests rearrange on the first one.
const pairsPort = port + 2;

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ru-RU',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: [
    {
      command: 'rm -rf target/e2e && target/debug/nastavnik serve --demo',
      cwd: '..',
      url: `http://127.0.0.1:${port}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: 'sqlite://target/e2e/e2e.db?mode=rwc',
        NASTAVNIK_ADDR: `127.0.0.1:${port}`,
        LEPTOS_SITE_ROOT: 'target/site',
        RUST_LOG: 'warn',
      },
    },
    {
      // A district starting from nothing: no demo, no account; the first-run code goes to a
      // log file the first-run test reads, as an administrator reads the console.
      command: 'rm -rf target/e2e-empty && mkdir -p target/e2e-empty && exec target/debug/nastavnik serve > target/e2e-empty/server.log',
      cwd: '..',
      url: `http://127.0.0.1:${emptyPort}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: 'sqlite://target/e2e-empty/e2e.db?mode=rwc',
        NASTAVNIK_ADDR: `127.0.0.1:${emptyPort}`,
        LEPTOS_SITE_ROOT: 'target/site',
        RUST_LOG: 'warn',
      },
    },
    {
      command: 'rm -rf target/e2e-pairs && target/debug/nastavnik serve --demo',
      cwd: '..',
      url: `http://127.0.0.1:${pairsPort}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: 'sqlite://target/e2e-pairs/e2e.db?mode=rwc',
        NASTAVNIK_ADDR: `127.0.0.1:${pairsPort}`,
        LEPTOS_SITE_ROOT: 'target/site',
        RUST_LOG: 'warn',
      },
    },
  ],
});
