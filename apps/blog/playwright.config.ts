import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { pinnedChromium, pinnedChromiumArgs as chromiumArgs } from '../../scripts/pinned-chromium.mjs';
import { writeFixtureSite, writeFixtureSiteFile } from './e2e/fixture-site';

const appDir = path.dirname(fileURLToPath(import.meta.url));

// Never `playwright install`: the Chromium pinned by package-lock.json (@sparticuz/chromium, see
// scripts/pinned-chromium.mjs), so a Debian security update cannot change what the tests see. If it
// cannot start, this throws with the reason; there is no fallback to another browser.
const { executablePath: chromiumPath, build: chromiumBuild } = pinnedChromium();
if (!process.env.E2E_BROWSER_REPORTED) {
  process.env.E2E_BROWSER_REPORTED = '1';
  console.log(`Browser: ${chromiumBuild}`);
}

// A free port, chosen once in the runner process; workers inherit it through the environment.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}
if (!process.env.E2E_FIXTURE_PORT) {
  process.env.E2E_FIXTURE_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// A second server over the seed plus a few fixture articles: related articles need more than one.
const fixturePort = Number(process.env.E2E_FIXTURE_PORT);
process.env.E2E_FIXTURE_URL = `http://127.0.0.1:${fixturePort}`;
process.env.E2E_FIXTURE_DIR ??= writeFixtureSite();
process.env.E2E_FIXTURE_SITE_CONFIG ??= writeFixtureSiteFile();

/** Chromium with exactly one font set (fontconfig file), so glyph widths are the test's, not the machine's. */
function fontSet(name: 'dejavu' | 'liberation') {
  return {
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
      env: { ...process.env, FONTCONFIG_FILE: path.join(appDir, `e2e/fonts/${name}.conf`) } as Record<string, string>,
    },
  };
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  // CI has the machine to itself: the two font-set projects run side by side. Locally (a shared
  // 2-core machine) one at a time.
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  reporter: [['list']],
  // Timeouts only catch hangs: on a loaded 2-core machine the axe pass over every page took more than
  // 30 s, and a test's verdict must not depend on the machine's load.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
  },
  projects: [
    // Every spec with DejaVu; the axe/reflow spec again with Liberation (other glyph widths).
    { name: 'dejavu', use: { ...devices['Desktop Chrome'], channel: undefined, ...fontSet('dejavu') } },
    {
      name: 'liberation',
      testMatch: /a11y\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], channel: undefined, ...fontSet('liberation') },
    },
  ],
  webServer: [
    {
    // scripts/start.js builds first when build/ is missing or stale, then serves production.
    command: 'node scripts/start.js',
    url: `${baseURL}/robots.txt`,
    env: { PORT: String(port), HOST: '127.0.0.1', SITE_URL: baseURL },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    },
    {
      // Started after the first, whose start script has built the app if it was stale.
      command: 'node server.js',
      url: `${process.env.E2E_FIXTURE_URL}/robots.txt`,
      env: {
        PORT: String(fixturePort),
        HOST: '127.0.0.1',
        SITE_URL: process.env.E2E_FIXTURE_URL,
        CITED_ARTICLES_DIR: process.env.E2E_FIXTURE_DIR,
        CITED_SITE_CONFIG: process.env.E2E_FIXTURE_SITE_CONFIG,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
