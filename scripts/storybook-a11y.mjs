#!/usr/bin/env node
/**
 * Accessibility of the built Storybook (storybook-static/) in real Chromium, where colour contrast
 * and layout can be measured (jsdom cannot): every story and every docs page at 390 and 1280 px in
 * the light and dark themes must have
 *   - 0 axe-core violations of WCAG 2.0/2.1/2.2 A and AA (rules in @cited/test-utils/axe-options),
 *     and on docs pages of axe's best practices too (heading-order, landmarks, one h1), and
 *   - no sideways scrolling of the page (WCAG 1.4.10 Reflow; wide content scrolls in its own box).
 * Stories render in the media they ask for (`parameters.cited.media`: print, forced colours) and
 * at the text size of their globals (Foundations/200 % text), so both are checked as they are.
 *
 *   npm run build-storybook && npm run test:storybook-a11y          check everything
 *   npm run test:storybook-a11y -- citation                          only ids containing "citation"
 *   npm run test:storybook-a11y -- --shots /work/shots               also save a screenshot of each
 *
 * Storybook's own chrome inside the docs pages (code blocks, the Controls table) is checked too:
 * it is themed in .storybook/preview.tsx and preview.css.ts until it passes, not excluded.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { axeViolationsInPage } from '@cited/test-utils/axe';
import { forEachInPreview, launchChromium, readEntries, rootSelector, serveStatic, themes, workers } from './storybook-browser.mjs';
import { renderSettled } from './storybook-settle.mjs';

const args = process.argv.slice(2);
const shotsFlag = args.indexOf('--shots');
const shotsDir = shotsFlag >= 0 ? args[shotsFlag + 1] : undefined;
const filters = args.filter((arg, index) => !arg.startsWith('--') && (shotsFlag < 0 || index !== shotsFlag + 1)).map((arg) => arg.toLowerCase());
const widths = [390, 1280];

async function main() {
  const started = performance.now();
  const entries = (await readEntries(filters)).filter((entry) => entry.type === 'story' || entry.type === 'docs');
  if (entries.length === 0) throw new Error('No stories matched.');
  const targets = widths.flatMap((width) =>
    entries.flatMap((entry) =>
      themes.map((theme) => ({ id: entry.id, isDocs: entry.type === 'docs', width, theme, name: `${entry.id}--${theme}--${width}` })),
    ),
  );
  if (shotsDir) await mkdir(shotsDir, { recursive: true });

  const { server, origin } = await serveStatic();
  const browser = await launchChromium();
  console.log(`Checking ${entries.length} stories and docs pages, ${targets.length} renders (${workers} at a time) from ${origin}`);

  const problems = [];
  async function check(page, target) {
    await renderSettled(page, target);
    const overflowX = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Docs pages are whole pages a designer reads: best practices count too (heading-order, one
    // main landmark, unique landmark names), as in the Storybook a11y panel.
    const violations = await axeViolationsInPage(page, {
      include: rootSelector(target),
      bestPractice: target.isDocs,
      // A component shown on a docs page sits inside the page's <main>: a StudyCallout's or a
      // Disclosure's <aside> cannot be top level there, as it is on an article. Only that rule
      // is left out, only on docs pages; the stories themselves are checked alone as well.
      disabledRules: [
        ...(target.isDocs ? ['landmark-complementary-is-top-level'] : []),
        // A story in forced colours (parameters.cited.media): the reader's system palette sets
        // every colour there, and axe measures the page's own colours against the forced
        // background (light text on white), pairs no reader sees. Its other rules still run.
        ...(page.cited?.media?.forcedColors === 'active' ? ['color-contrast'] : []),
      ],
    });
    if (shotsDir) await page.screenshot({ path: join(shotsDir, `${target.name}.png`), fullPage: true, timeout: 120_000 });
    const found = [];
    if (overflowX > 0) found.push(`scrolls sideways by ${overflowX}px (WCAG 1.4.10 Reflow)`);
    for (const violation of violations) found.push(`axe ${violation}`);
    if (found.length > 0) problems.push({ target, reason: found.join('\n     - ') });
  }
  try {
    problems.push(...(await forEachInPreview(browser, origin, targets, check, { height: 900 })));
  } finally {
    await browser.close();
    server.close();
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  problems.sort((a, b) => a.target.name.localeCompare(b.target.name));
  for (const { target, reason } of problems) console.log(`FAIL ${target.name}\n     - ${reason}`);
  console.log(
    problems.length === 0
      ? `${targets.length} renders: 0 axe violations, no sideways scrolling (${seconds} s)`
      : `${problems.length} of ${targets.length} renders have problems (${seconds} s)`,
  );
  process.exitCode = problems.length > 0 ? 1 : 0;
}

await main();
