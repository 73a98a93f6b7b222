/**
 * Renders a Storybook entry in an open preview page (storybook-browser.mjs) and waits until it is
 * what a reader would see: the media and text size the story asks for, its forced interaction
 * states applied, fonts and images loaded, layout still. What the screenshot and the axe run of
 * every entry start from.
 */
import { render } from './storybook-browser.mjs';

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
