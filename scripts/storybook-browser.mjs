/**
 * What the browser checks of the built Storybook (storybook-static/) share: a static server, a
 * deterministic Chromium, one preview page per width and theme that renders story after story the
 * way the manager does. Used by visual-regression.mjs and storybook-a11y.mjs (whose axe runs go
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
 * Renders an entry and waits until it has settled: fonts, images, two frames of layout. Fails if
 * the page is not in the expected theme or the theme's custom properties are missing (the global
 * theme stylesheet did not load, which leaves every var(--cited-*) empty).
 */
export async function renderSettled(page, target) {
  // The previous entry's emulated media must not carry over to this one.
  await emulateStoryMedia(page, {});
  await emulateTextSize(page, false);
  await render(page, target);
  if (!target.isDocs) {
    const asked = await storyMedia(page);
    await emulateStoryMedia(page, asked);
    await emulateTextSize(page, asked.largeText);
  }
  // A docs page announces itself rendered before its embedded stories have all laid out (a story
  // block is briefly 80 px high, a scroll box around content still rendering): wait until the
  // page's size has held still for five frames in a row.
  if (target.isDocs) {
    await page.waitForFunction(
      () => {
        const root = document.querySelector('#storybook-docs');
        const size = `${root?.scrollWidth}x${root?.scrollHeight}`;
        const state = (window.__citedLayout ??= { size: '', frames: 0 });
        state.frames = size === state.size ? state.frames + 1 : 0;
        state.size = size;
        return state.frames >= 5;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    await page.evaluate(() => delete window.__citedLayout);
  }
  if (!target.isDocs) await waitForPseudoStates(page);
  const state = await page.evaluate(async () => {
    await document.fonts.ready;
    // Images below the fold wait for the scroll a full-page screenshot never makes (loading="lazy"):
    // load them now. Waits for their load event, not decode(): in this Chromium, decode() on a
    // lazy image that has not started loading takes the renderer down with it.
    const pendingImages = Array.from(document.images).filter((image) => !image.complete);
    await Promise.all(
      pendingImages.map(
        (image) =>
          new Promise((loaded) => {
            image.addEventListener('load', loaded, { once: true });
            image.addEventListener('error', loaded, { once: true });
            image.loading = 'eager';
          }),
      ),
    );
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return {
      dataTheme: document.documentElement.getAttribute('data-theme'),
      textColour: getComputedStyle(document.documentElement).getPropertyValue('--cited-color-text').trim(),
    };
  });
  if (state.dataTheme !== target.theme) throw new Error(`data-theme is ${state.dataTheme}, expected ${target.theme}`);
  if (state.textColour === '') throw new Error('--cited-color-text is not defined: the theme stylesheet did not load');
}

/**
 * What a story asks to be rendered in (`parameters.cited.media`): `{ media: 'print' }` and/or
 * `{ forcedColors: 'active' }`. Storybook's preview cannot switch these media features; the
 * checks can, through the browser (Playwright's emulateMedia), so the screenshot and the axe run
 * see exactly what a printout or a Windows contrast theme gets.
 */
async function storyMedia(page) {
  return page.evaluate(() => {
    const story = window.__STORYBOOK_PREVIEW__?.currentRender?.story;
    const asked = story?.parameters?.cited?.media ?? {};
    return {
      media: asked.media === 'print' ? 'print' : undefined,
      forcedColors: asked.forcedColors === 'active' ? 'active' : undefined,
      largeText: story?.storyGlobals?.textSize === '200%',
    };
  });
}

/**
 * Emulates a story's media (none: back to the screen), then waits until the preview's own
 * stand-in for them (.storybook/mediaEmulation.tsx, which steps aside when the browser really is
 * in the medium) has done so and the page has been laid out again. Reset before every render and
 * set after it, so no story is seen in the media another one asked for.
 */
async function emulateStoryMedia(page, { media, forcedColors }) {
  const wanted = { media: media ?? null, forcedColors: forcedColors ?? null };
  const current = page.cited?.media ?? { media: null, forcedColors: null };
  if (current.media === wanted.media && current.forcedColors === wanted.forcedColors) return;
  await page.emulateMedia(wanted);
  page.cited = { ...page.cited, media: wanted };
  if (wanted.media || wanted.forcedColors) {
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('style[data-cited-media-emulation]')).every((style) => style.textContent === ''),
      undefined,
      { timeout: 30_000 },
    );
  }
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const devToolsSessions = new WeakMap();

/**
 * 200 % text as a reader sets it: the browser's default font size at 32px (DevTools protocol, as
 * the blog's words.spec.ts does), for stories whose globals ask for it (Foundations/200 % text).
 * The Text size decorator's root font size (32px) only doubles every rem; with the browser's own
 * setting, media queries in em (styles/media.ts narrowText) follow too, as they do for the reader.
 */
async function emulateTextSize(page, largeText) {
  if ((page.cited?.largeText ?? false) === largeText) return;
  let session = devToolsSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    devToolsSessions.set(page, session);
  }
  // Chromium's defaults are 16px and 13px.
  await session.send('Page.setFontSizes', { fontSizes: largeText ? { standard: 32, fixed: 26 } : { standard: 16, fixed: 13 } });
  page.cited = { ...page.cited, largeText };
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * A story that forces interaction states (`parameters.pseudo`, storybook-addon-pseudo-states) is
 * not drawn in them when it announces itself rendered: the addon re-renders it with new globals,
 * adds its `pseudo-*` classes a task later, and rewrites `:hover`-style rules into class rules
 * on each render event. Waits until the render has finished, every element a selector names
 * carries its class and no rule with a state is left unrewritten; a screenshot taken earlier
 * catches some states styled and some not, depending on the machine's load.
 */
async function waitForPseudoStates(page) {
  const pending = () => {
    const render = window.__STORYBOOK_PREVIEW__?.currentRender;
    if (!['completed', 'finished'].includes(render?.phase)) return `the story is still ${render?.phase ?? 'loading'}`;
    const { rootSelector, ...states } = render.story?.parameters?.pseudo ?? {};
    if (Object.keys(states).length === 0) return '';
    const root = document.querySelector(rootSelector ?? '#storybook-root');
    for (const [state, selectors] of Object.entries(states)) {
      if (typeof selectors === 'boolean') continue;
      const className = `pseudo-${state.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
      for (const selector of [selectors].flat()) {
        for (const element of root?.querySelectorAll(selector) ?? []) {
          if (!element.classList.contains(className)) return `${selector} has no ${className} class yet`;
        }
      }
    }
    const stateRule = /:(hover|active|focus-visible|focus-within|focus|visited)\b/;
    const unrewritten = (rules) => {
      for (const rule of rules) {
        if (rule.selectorText && stateRule.test(rule.selectorText) && !rule.selectorText.includes('.pseudo-')) return rule.selectorText;
        const inner = rule.cssRules ? unrewritten(rule.cssRules) : '';
        if (inner) return inner;
      }
      return '';
    };
    for (const sheet of document.styleSheets) {
      let rules;
      try {
        rules = sheet.cssRules;
      } catch {
        continue; // another origin's sheet: the addon cannot rewrite it either
      }
      const selector = unrewritten(rules);
      if (selector) return `the rule ${selector} is not rewritten yet`;
    }
    return '';
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const reason = await page.evaluate(pending);
    if (reason === '') return;
    if (Date.now() > deadline) throw new Error(`interaction states not applied after 30 s: ${reason}`);
    await page.waitForTimeout(50);
  }
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
