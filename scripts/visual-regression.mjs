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
 * Determinism: the browser is the Chromium pinned by package-lock.json (scripts/pinned-chromium.mjs),
 * rendering with the fonts in .ci/fonts.conf only (DejaVu and Liberation, installed by .ci/run with
 * apt), no hinting, greyscale antialiasing, sRGB, reduced motion, and no caret or scrollbars, so the
 * same build gives the same pixels on any Debian machine (scripts/storybook-browser.mjs). The build
 * that recorded the baselines is kept in visual-baselines/browser.json: a run with another build
 * fails before comparing anything (a browser upgrade is a deliberate `--update`, never a surprise).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import UPNG from 'upng-js';
import { pinnedChromium } from './pinned-chromium.mjs';
import { forEachInPreview, launchChromium, readEntries, repoRoot, serveStatic, themes, workers } from './storybook-browser.mjs';
import { renderSettled } from './storybook-settle.mjs';

const baselineDir = join(repoRoot, 'visual-baselines');
const resultsDir = join(repoRoot, 'visual-results');

const args = process.argv.slice(2);
const update = args.includes('--update');
const filters = args.filter((arg) => !arg.startsWith('--')).map((arg) => arg.toLowerCase());

/** Documented tolerance: per-pixel colour distance, and how many changed pixels may pass (none). */
const colourThreshold = 0.1;
const allowedChangedPixels = 0;

const storyWidths = [390, 1280];
/** Docs pages are long and built from the stories already compared; one width is enough. */
const docsWidths = [1280];

const browserRecordPath = join(baselineDir, 'browser.json');

/**
 * The baselines are only comparable with the build that drew them. Compare runs and partial
 * updates need that same build; a full `--update` records the new one.
 */
async function checkBrowserRecord() {
  const { build, packageVersion } = pinnedChromium();
  const recorded = existsSync(browserRecordPath) ? JSON.parse(await readFile(browserRecordPath, 'utf8')) : undefined;
  if (recorded?.build === build) return;
  if (update && filters.length === 0) {
    await writeFile(browserRecordPath, `${JSON.stringify({ build, package: packageVersion }, null, 2)}\n`);
    console.log(`Recording baselines with ${build} (${packageVersion}); they were ${recorded ? `recorded with ${recorded.build}` : 'unrecorded'}.`);
    return;
  }
  throw new Error(
    `visual-baselines/ were recorded with ${recorded ? `${recorded.build} (${recorded.package})` : 'an unrecorded browser'}, ` +
      `but the pinned browser is now ${build} (${packageVersion}). Screenshots from different builds differ without any ` +
      'change to the code: re-record every baseline on purpose with `npm run test:visual -- --update` and review the diff.',
  );
}

/** The screenshots to take, in a stable order. */
function plan(entries) {
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

async function capture(page, shot) {
  await renderSettled(page, shot);
  if (shot.isDocs) {
    // Storybook's "On this page" sidebar highlights whichever heading tocbot last saw scrolled
    // into view, which depends on timing. It is Storybook's chrome, not the design system: hide it.
    await page.addStyleTag({ content: '.sbdocs-toc--custom { visibility: hidden !important; }' });
  }
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
  const shots = plan(await readEntries(filters));
  if (shots.length === 0) throw new Error('No stories matched.');
  await mkdir(baselineDir, { recursive: true });
  await rm(resultsDir, { recursive: true, force: true });
  await checkBrowserRecord();

  const { server, origin } = await serveStatic();
  const browser = await launchChromium();
  console.log(`${update ? 'Updating' : 'Comparing'} ${shots.length} screenshots (${workers} at a time) from ${origin}`);

  const failures = [];
  let written = 0;
  let unchanged = 0;
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
      failures.push({ target: shot, reason: 'no baseline (run npm run test:visual -- --update)' });
      await writeFile(join(resultsDir, shot.name), encode(actual));
      return;
    }
    const result = compare(PNG.sync.read(await readFile(baselinePath)), actual);
    if (result.changed > allowedChangedPixels) {
      failures.push({ target: shot, reason: result.reason });
      await writeFile(join(resultsDir, shot.name.replace(/\.png$/, '.actual.png')), encode(actual));
      if (result.diff) await writeFile(join(resultsDir, shot.name.replace(/\.png$/, '.diff.png')), encode(result.diff));
    }
  }
  try {
    failures.push(...(await forEachInPreview(browser, origin, shots, check)));
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
    for (const file of stale) failures.push({ target: { name: file }, reason: 'baseline of a story that no longer exists (run with --update)' });
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const { target, reason } of failures) console.log(`FAIL ${target.name}: ${reason}`);
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
