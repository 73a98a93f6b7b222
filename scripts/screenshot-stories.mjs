#!/usr/bin/env node
/**
 * Screenshots every story and docs page of the built Storybook (storybook-static/) at 390 and
 * 1280 px, in the light and dark themes, into /tmp/story-shots/ (or SHOTS_DIR). While each story is open it also
 * runs axe-core in real Chromium, where colour contrast can be measured (jsdom cannot), and checks
 * for sideways scrolling. A summary of both is printed and written to summary.json.
 *
 *   npm run build-storybook && node scripts/screenshot-stories.mjs [filter…]
 *
 * Filters match story ids by substring, e.g. `node scripts/screenshot-stories.mjs citation`.
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const staticDir = join(repoRoot, 'storybook-static');
const outDir = process.env.SHOTS_DIR ?? '/tmp/story-shots';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const widths = [390, 1280];
const themes = ['light', 'dark'];
const filters = process.argv.slice(2).map((filter) => filter.toLowerCase());
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A minimal static file server for storybook-static, on 127.0.0.1 and a free port. */
function serveStatic(root) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const filePath = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!filePath.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': contentTypes[extname(filePath)] ?? 'application/octet-stream' });
      createReadStream(filePath).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => resolvePromise(server));
  });
}

/**
 * axe-core in the page, on the story root. The Storybook a11y addon runs axe on the same page
 * after each render, and axe refuses concurrent runs, so wait for it to finish and retry.
 */
async function runAxe(page, root) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await page.evaluate(async ({ tags, root }) => {
        // eslint-disable-next-line no-undef -- injected with addScriptTag
        const results = await axe.run(root, { runOnly: { type: 'tag', values: tags } });
        return results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
        }));
      }, { tags: axeTags, root });
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('Axe is already running')) throw error;
      await page.waitForTimeout(250);
    }
  }
}

async function main() {
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter(
    (entry) => (entry.type === 'story' || entry.type === 'docs') && (filters.length === 0 || filters.some((filter) => entry.id.includes(filter))),
  );
  if (stories.length === 0) throw new Error(`No stories matched in ${staticDir}/index.json`);
  await mkdir(outDir, { recursive: true });

  const server = await serveStatic(staticDir);
  const { port } = server.address();
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  console.log(`Serving ${staticDir} on http://127.0.0.1:${port}; ${stories.length} stories → ${outDir}`);

  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const summary = [];
  try {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      for (const story of stories) {
        for (const theme of themes) {
          pageErrors.length = 0;
          const isDocs = story.type === 'docs';
          const root = isDocs ? '#storybook-docs' : '#storybook-root';
          const url = `http://127.0.0.1:${port}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=${isDocs ? 'docs' : 'story'}&globals=theme:${theme}`;
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForFunction(
            (selector) =>
              document.body.classList.contains('sb-show-errordisplay') ||
              (document.querySelector(selector)?.childElementCount ?? 0) > 0,
            root,
            { timeout: 30_000 },
          );
          // Docs pages render their stories one after another.
          if (isDocs) await page.waitForTimeout(1500);
          await page.evaluate(() => document.fonts.ready);
          // Let the theme decorator's effect and any play function settle.
          await page.waitForTimeout(300);

          const file = join(outDir, `${story.id}--${theme}--${width}.png`);
          await page.screenshot({ path: file, fullPage: true });

          const state = await page.evaluate(() => ({
            dataTheme: document.documentElement.getAttribute('data-theme'),
            errorShown: document.body.classList.contains('sb-show-errordisplay'),
            errorText: document.querySelector('#error-message')?.textContent ?? '',
            overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          }));
          await page.addScriptTag({ content: axeSource });
          const violations = await runAxe(page, root);

          const problems = [];
          if (state.errorShown) problems.push(`story error: ${state.errorText.trim()}`);
          if (pageErrors.length > 0) problems.push(`page errors: ${pageErrors.join(' | ')}`);
          if (state.dataTheme !== theme) problems.push(`data-theme is ${state.dataTheme}, expected ${theme}`);
          if (state.overflowX > 0) problems.push(`scrolls sideways by ${state.overflowX}px`);
          for (const violation of violations) {
            problems.push(`axe ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target).join(', ')}`);
          }
          summary.push({ id: story.id, title: story.title, name: story.name, theme, width, file, problems, violations });
          console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${story.id} ${theme} ${width}px${problems.map((problem) => `\n     - ${problem}`).join('')}`);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  await writeFile(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const failing = summary.filter((entry) => entry.problems.length > 0);
  console.log(`\n${summary.length - failing.length}/${summary.length} screenshots without problems; details in ${join(outDir, 'summary.json')}`);
  process.exitCode = failing.length > 0 ? 1 : 0;
}

await main();
