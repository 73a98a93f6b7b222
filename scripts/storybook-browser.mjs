/**
 * What the browser checks of the built Storybook (storybook-static/) share: a static server, a
 * deterministic Chromium, one preview page per width and theme that renders story after story the
 * way the manager does (storybook-settle.mjs waits until an entry is ready to check). Used by visual-regression.mjs and storybook-a11y.mjs (whose axe runs go
 * through @cited/test-utils/axe, the workspace's one axe helper).
 *
 * Environment: STORYBOOK_DIR (another build), STORYBOOK_STATIC_PORT (the server's port; a free one
 * by default), VISUAL_WORKERS (pages at a time, 2). The browser is always the lockfile's pinned
 * Chromium (scripts/pinned-chromium.mjs): there is no way to point these checks at another build.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { deterministicRenderingArgs, pinnedChromium, pinnedChromiumArgs } from './pinned-chromium.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const staticDir = resolve(process.env.STORYBOOK_DIR ?? join(repoRoot, 'storybook-static'));
const fontConfig = join(repoRoot, '.ci', 'fonts.conf');

export const themes = ['light', 'dark'];
/** Two pages at a time: the CI machine has two cores. */
export const workers = Math.max(1, Math.min(Number(process.env.VISUAL_WORKERS ?? 2), cpus().length));

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

/** The built Storybook's index of stories and docs pages, filtered by id substrings. */
export async function readEntries(filters) {
  const indexPath = join(staticDir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`No ${indexPath}: run npm run build-storybook first.`);
  const index = JSON.parse(await readFile(indexPath, 'utf8'));
  return Object.values(index.entries).filter((entry) => filters.length === 0 || filters.some((filter) => entry.id.includes(filter)));
}

/** A minimal static file server for the build, on 127.0.0.1; resolves to its origin and server. */
export function serveStatic(root = staticDir) {
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
  const port = Number(process.env.STORYBOOK_STATIC_PORT ?? 0);
  return new Promise((resolvePromise, rejectPromise) => {
    server.once('error', rejectPromise);
    server.listen(port, '127.0.0.1', () => resolvePromise({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/**
 * The pinned Chromium, rendering the same pixels on any machine: only the fonts in .ci/fonts.conf
 * (DejaVu and Liberation, installed by .ci/run), no hinting, greyscale antialiasing, sRGB and no
 * scrollbars. Prints the build it launched, so every log says which browser drew the pixels.
 */
export async function launchChromium() {
  const { executablePath, build, packageVersion } = pinnedChromium();
  console.log(`Browser: ${build} (${packageVersion})`);
  const browser = await chromium.launch({
    executablePath,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig },
    args: [...pinnedChromiumArgs, ...deterministicRenderingArgs],
  });
  return browser;
}

/**
 * Renders a story or docs page in an already-open Storybook preview, the way the manager does
 * (a `setCurrentStory` event on the preview's channel), and resolves when it has rendered and its
 * play function has run. Reloading iframe.html for every page would cost ~2 s each.
 */
export async function render(page, target) {
  // The page opened on this entry: it is rendered already (asking again would emit nothing).
  if (page.cited?.currentId === target.id) return;
  const outcome = await page.evaluate(
    ({ id, viewMode }) =>
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
        channel.emit('setCurrentStory', { storyId: id, viewMode });
      }),
    { id: target.id, viewMode: target.isDocs ? 'docs' : 'story' },
  );
  page.cited = { ...page.cited, currentId: target.id };
  if (outcome !== 'ok') throw new Error(outcome);
}

/**
 * A preview page at one width and theme, opened on its first entry. The a11y addon's own axe run
 * after every story is switched off (`a11y.manual`): the checks here run axe themselves, and two
 * runs at once would make axe refuse the second.
 */
export async function openPreview(browser, origin, { width, height = 240, theme, first }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const viewMode = first.isDocs ? 'docs' : 'story';
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(first.id)}&viewMode=${viewMode}&globals=theme:${theme};a11y.manual:!true`);
  await page.waitForFunction(() => Boolean(window.__STORYBOOK_ADDONS_CHANNEL__ && window.__STORYBOOK_PREVIEW__?.storyStoreValue));
  // Let the first entry finish rendering before asking for another.
  await page.waitForFunction((selector) => (document.querySelector(selector)?.childElementCount ?? 0) > 0, rootSelector(first));
  if (!first.isDocs) {
    // Its play function may still be running: wait until the story's render has completed.
    await page.waitForFunction(() => ['completed', 'finished'].includes(window.__STORYBOOK_PREVIEW__.currentRender?.phase), undefined, {
      timeout: 30_000,
    });
  } else {
    await page.waitForTimeout(500);
  }
  page.cited = { currentId: first.id };
  return { context, page };
}

/** Where an entry renders in iframe.html. */
export function rootSelector(target) {
  return target.isDocs ? '#storybook-docs' : '#storybook-root';
}

/**
 * Runs `check(page, target)` for every target, one preview page per width and theme, `workers`
 * pages at a time. A busy machine can make the preview reload itself (a chunk that failed to
 * load): a target that throws is retried once on a fresh page before it counts as failed.
 * Returns the failures as { target, reason }.
 */
export async function forEachInPreview(browser, origin, targets, check, { height } = {}) {
  const failures = [];
  const groups = [];
  for (const width of [...new Set(targets.map((target) => target.width))]) {
    for (const theme of themes) {
      const groupTargets = targets.filter((target) => target.width === width && target.theme === theme);
      if (groupTargets.length > 0) groups.push({ width, theme, targets: groupTargets });
    }
  }
  async function worker() {
    for (let group = groups.shift(); group; group = groups.shift()) {
      const options = { width: group.width, height, theme: group.theme };
      let { context, page } = await openPreview(browser, origin, { ...options, first: group.targets[0] });
      for (const target of group.targets) {
        try {
          await check(page, target);
        } catch (firstError) {
          console.log(`retry ${target.name}: ${String(firstError).split('\n')[0]}`);
          // A crashed page has taken its context with it: closing it again is not a second failure.
          await context.close().catch(() => {});
          ({ context, page } = await openPreview(browser, origin, { ...options, first: target }));
          try {
            await check(page, target);
          } catch (error) {
            failures.push({ target, reason: String(error instanceof Error ? error.message : error).split('\n')[0] });
          }
        }
      }
      await context.close().catch(() => {});
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  return failures;
}
