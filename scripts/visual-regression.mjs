#!/usr/bin/env node
/**
 * Visual regression of the built Storybook (storybook-static/): every story at 390 and 1280 px in
 * the light and dark themes, plus the foundations docs pages at 1280 px in both themes, compared
 * pixel by pixel against the committed baselines in visual-baselines/.
 *
 *   npm run build-storybook && npm run test:visual              compare (fails on any changed pixel)
 *   npm run test:visual -- --update                             write new baselines on purpose
 *   npm run test:visual -- citation                             only ids containing "citation"
 *
 * Tolerance: a pixel counts as changed when pixelmatch's colour distance exceeds 0.1 (its default,
 * on a 0–1 scale of perceived YIQ difference; it absorbs nothing a designer can see, such as a
 * 1 px shift or a token's new shade). Zero changed pixels are allowed, and a different image size
 * fails too. Failures write the actual image and a diff (changed pixels in red) to
 * visual-results/.
 *
 * Determinism: Chromium renders with the fonts in .ci/fonts.conf only (DejaVu and Liberation,
 * installed by .ci/run with apt), no hinting, greyscale antialiasing, sRGB, reduced motion, and
 * no caret or scrollbars, so the same build gives the same pixels on any Debian machine.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import UPNG from 'upng-js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
// STORYBOOK_DIR tests another build (e.g. one made while storybook-static/ is in use).
const staticDir = resolve(process.env.STORYBOOK_DIR ?? join(repoRoot, 'storybook-static'));
const baselineDir = join(repoRoot, 'visual-baselines');
const resultsDir = join(repoRoot, 'visual-results');
const fontConfig = join(repoRoot, '.ci', 'fonts.conf');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const update = args.includes('--update');
const filters = args.filter((arg) => !arg.startsWith('--')).map((arg) => arg.toLowerCase());

/** Documented tolerance: per-pixel colour distance, and how many changed pixels may pass (none). */
const colourThreshold = 0.1;
const allowedChangedPixels = 0;

const storyWidths = [390, 1280];
/** Docs pages are long and built from the stories already compared; one width is enough. */
const docsWidths = [1280];
const themes = ['light', 'dark'];
/** Two pages at a time: the CI machine has two cores. */
const workers = Math.max(1, Math.min(Number(process.env.VISUAL_WORKERS ?? 2), cpus().length));

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

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
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)));
}

/** The screenshots to take, in a stable order. */
function plan(index) {
  const entries = Object.values(index.entries).filter(
    (entry) => filters.length === 0 || filters.some((filter) => entry.id.includes(filter)),
  );
  const shots = [];
  for (const entry of entries) {
    const isDocs = entry.type === 'docs';
    // Component docs pages are the component's stories again; the foundations pages are not.
    if (isDocs && !entry.id.startsWith('foundations-')) continue;
    for (const width of isDocs ? docsWidths : storyWidths) {
      for (const theme of themes) {
        shots.push({ id: entry.id, isDocs, width, theme, name: `${entry.id}--${theme}--${width}.png` });
      }
    }
  }
  return shots;
}

/**
 * Lossless, as small as possible: baselines are committed, so bytes matter. UPNG writes a palette
 * image when a screenshot has at most 256 colours (most do: text on one surface), else RGB.
 */
function encode(png) {
  const rgba = png.data.buffer.slice(png.data.byteOffset, png.data.byteOffset + png.data.byteLength);
  return Buffer.from(UPNG.encode([rgba], png.width, png.height, 0));
}

/**
 * Renders a story or docs page in an already-open Storybook preview, the way the manager does
 * (a `setCurrentStory` event on the preview's channel), and resolves when it has rendered and its
 * play function has run. Reloading iframe.html for every screenshot would cost ~2 s each.
 */
async function render(page, shot) {
  // The page opened on this shot: it is rendered already (asking again would emit nothing).
  if (page.cited?.currentId === shot.id) return;
  const viewMode = shot.isDocs ? 'docs' : 'story';
  const outcome = await page.evaluate(
    ({ id, viewMode: mode }) =>
      new Promise((resolvePromise) => {
        setTimeout(() => resolvePromise('timed out after 120 s waiting for the story to render'), 120_000);
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const events = {
          storyRendered: () => 'ok',
          docsRendered: () => 'ok',
          storyErrored: (error) => `story error: ${error?.title ?? ''} ${error?.description ?? ''}`,
          storyThrewException: (error) => `story threw: ${error?.message ?? error}`,
          playFunctionThrewException: (error) => `play function threw: ${error?.message ?? error}`,
        };
        const handlers = Object.entries(events).map(([event, describe]) => {
          const handler = (payload) => {
            for (const [name, registered] of handlers) channel.off(name, registered);
            resolvePromise(describe(payload));
          };
          channel.on(event, handler);
          return [event, handler];
        });
        channel.emit('setCurrentStory', { storyId: id, viewMode: mode });
      }),
    { id: shot.id, viewMode },
  );
  page.cited = { currentId: shot.id };
  if (outcome !== 'ok') throw new Error(outcome);
}

async function openPreview(browser, origin, width, theme, firstShot) {
  const context = await browser.newContext({ viewport: { width, height: 240 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const viewMode = firstShot.isDocs ? 'docs' : 'story';
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(firstShot.id)}&viewMode=${viewMode}&globals=theme:${theme}`);
  await page.waitForFunction(() => Boolean(window.__STORYBOOK_ADDONS_CHANNEL__ && window.__STORYBOOK_PREVIEW__?.storyStoreValue));
  // Let the first story finish rendering before asking for another.
  await page.waitForFunction((selector) => (document.querySelector(selector)?.childElementCount ?? 0) > 0, firstShot.isDocs ? '#storybook-docs' : '#storybook-root');
  // Its play function may still be running: wait until the story's render has completed.
  if (!firstShot.isDocs) {
    await page.waitForFunction(() => ['completed', 'finished'].includes(window.__STORYBOOK_PREVIEW__.currentRender?.phase), undefined, {
      timeout: 30_000,
    });
  } else {
    await page.waitForTimeout(500);
  }
  page.cited = { currentId: firstShot.id };
  return { context, page };
}

async function capture(page, shot) {
  await render(page, shot);
  // Fonts, images and the theme decorator's effect; then two frames so layout has settled.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(Array.from(document.images, (image) => (image.complete ? null : image.decode().catch(() => null))));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  if (shot.isDocs) {
    // Storybook's "On this page" sidebar highlights whichever heading tocbot last saw scrolled
    // into view, which depends on timing. It is Storybook's chrome, not the design system: hide it.
    await page.addStyleTag({ content: '.sbdocs-toc--custom { visibility: hidden !important; }' });
  }
  const dataTheme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  if (dataTheme !== shot.theme) throw new Error(`data-theme is ${dataTheme}, expected ${shot.theme}`);
  // Generous timeouts: on a loaded machine a long docs page takes a while to paint.
  const buffer = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', timeout: 120_000 });
  return PNG.sync.read(buffer);
}

function compare(baseline, actual) {
  if (baseline.width !== actual.width || baseline.height !== actual.height) {
    return { changed: Number.POSITIVE_INFINITY, reason: `size ${actual.width}×${actual.height}, baseline ${baseline.width}×${baseline.height}` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(baseline.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: colourThreshold,
    alpha: 0.2,
  });
  return { changed, diff, reason: `${changed} changed pixel${changed === 1 ? '' : 's'}` };
}

async function main() {
  const started = performance.now();
  const indexPath = join(staticDir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`No ${indexPath}: run npm run build-storybook first.`);
  const index = JSON.parse(await readFile(indexPath, 'utf8'));
  const shots = plan(index);
  if (shots.length === 0) throw new Error('No stories matched.');
  await mkdir(baselineDir, { recursive: true });
  await rm(resultsDir, { recursive: true, force: true });

  const server = await serveStatic(staticDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
      '--disable-lcd-text',
      '--force-color-profile=srgb',
      '--hide-scrollbars',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  console.log(`${update ? 'Updating' : 'Comparing'} ${shots.length} screenshots (${workers} at a time) from ${origin}`);

  const failures = [];
  let written = 0;
  let unchanged = 0;
  // One preview page per width and theme, each rendering its shots in turn; two pages work at once.
  const groups = [];
  for (const width of [...new Set(shots.map((shot) => shot.width))]) {
    for (const theme of themes) {
      const groupShots = shots.filter((shot) => shot.width === width && shot.theme === theme);
      if (groupShots.length > 0) groups.push({ width, theme, shots: groupShots });
    }
  }
  async function check(page, shot) {
    const baselinePath = join(baselineDir, shot.name);
    const actual = await capture(page, shot);
    if (update) {
      const previous = existsSync(baselinePath) ? await readFile(baselinePath) : null;
      if (previous && compare(PNG.sync.read(previous), actual).changed === 0) unchanged += 1;
      else {
        await writeFile(baselinePath, encode(actual));
        written += 1;
      }
      return;
    }
    await mkdir(resultsDir, { recursive: true });
    if (!existsSync(baselinePath)) {
      failures.push({ shot, reason: 'no baseline (run npm run test:visual -- --update)' });
      await writeFile(join(resultsDir, shot.name), encode(actual));
      return;
    }
    const result = compare(PNG.sync.read(await readFile(baselinePath)), actual);
    if (result.changed > allowedChangedPixels) {
      failures.push({ shot, reason: result.reason });
      await writeFile(join(resultsDir, shot.name.replace(/\.png$/, '.actual.png')), encode(actual));
      if (result.diff) await writeFile(join(resultsDir, shot.name.replace(/\.png$/, '.diff.png')), encode(result.diff));
    }
  }
  async function worker() {
    for (let group = groups.shift(); group; group = groups.shift()) {
      let { context, page } = await openPreview(browser, origin, group.width, group.theme, group.shots[0]);
      for (const shot of group.shots) {
        try {
          await check(page, shot);
        } catch (firstError) {
          // A busy machine can make the preview reload itself (a chunk that failed to load):
          // start from a fresh page once before calling the shot failed.
          console.log(`retry ${shot.name}: ${String(firstError).split('\n')[0]}`);
          await context.close();
          ({ context, page } = await openPreview(browser, origin, group.width, group.theme, shot));
          try {
            await check(page, shot);
          } catch (error) {
            failures.push({ shot, reason: String(error instanceof Error ? error.message : error).split('\n')[0] });
          }
        }
      }
      await context.close();
    }
  }
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  // Baselines of stories that no longer exist would never be checked again.
  const expected = new Set(shots.map((shot) => shot.name));
  const stale = filters.length > 0 ? [] : (await readdir(baselineDir)).filter((file) => file.endsWith('.png') && !expected.has(file));
  if (update) {
    for (const file of stale) await rm(join(baselineDir, file));
  } else {
    for (const file of stale) failures.push({ shot: { name: file }, reason: 'baseline of a story that no longer exists (run with --update)' });
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const { shot, reason } of failures) console.log(`FAIL ${shot.name}: ${reason}`);
  if (update) {
    console.log(`${written} baselines written, ${unchanged} unchanged, ${stale.length} stale removed, ${failures.length} errors, in ${seconds} s`);
  } else {
    console.log(
      failures.length === 0
        ? `${shots.length} screenshots match their baselines (${seconds} s)`
        : `${failures.length} of ${shots.length} screenshots differ; actual and diff images in ${resultsDir} (${seconds} s)`,
    );
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
