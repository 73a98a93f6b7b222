import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Never `playwright install`: the system Chromium is used.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install it with \`apt-get install -y chromium\` ` +
      '(or point CHROMIUM_PATH at a Chromium binary), then run `npm run test:e2e` again.',
  );
}

// A free port, chosen once in the runner process; workers inherit it through the environment.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1, // a shared 2-core machine
  retries: 0,
  reporter: [['list']],
  // Timeouts only catch hangs: on a loaded 2-core machine the axe pass over every page took more than
  // 30 s, and a test's verdict must not depend on the machine's load.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // scripts/start.js builds first when build/ is missing or stale, then serves production.
    command: 'node scripts/start.js',
    url: `${baseURL}/robots.txt`,
    env: { PORT: String(port), HOST: '127.0.0.1', SITE_URL: baseURL },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
