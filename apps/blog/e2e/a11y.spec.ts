import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolationsInPage } from '@cited/test-utils/axe';
import { expect, test, type Page } from '@playwright/test';
import { firstArticlePath, fixtureUrl } from './helpers';

// Runs once per font set (projects "dejavu" and "liberation" in playwright.config.ts): glyph
// widths decide whether small targets reach 24 px, so a pass with one font set proves little.
const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(artifacts, { recursive: true });

const pageTypeNames = ['index', 'article', 'category', 'search', 'search-empty', 'tag', 'author', 'contact', 'not-found'] as const;
type PageType = (typeof pageTypeNames)[number];

/** Every page type, found once per worker the way a reader would find it. */
let pageTypes: Record<PageType, string>;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const articlePath = await firstArticlePath(page);
  const categoryHref = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').nth(1).getAttribute('href');
  await page.goto(articlePath);
  const tagHref = await page.getByRole('list', { name: 'Topics' }).getByRole('link').first().getAttribute('href');
  const authorHref = await page.locator('a[href^="/authors/"]').first().getAttribute('href');
  await page.close();
  pageTypes = {
    index: '/',
    article: articlePath,
    category: categoryHref ?? '',
    search: '/search?q=prolotheraphy',
    'search-empty': '/search?q=qqqxxxzzz',
    tag: tagHref ?? '',
    author: authorHref ?? '',
    contact: '/contact',
    'not-found': '/no/such/page',
  };
  for (const [name, url] of Object.entries(pageTypes)) expect(url, `a link to a ${name} page`).toMatch(/^\//);
});

async function expectNoViolations(page: Page, what: string): Promise<void> {
  expect(await axeViolationsInPage(page), what).toEqual([]);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const name of pageTypeNames) {
      test(`${name}: axe (WCAG 2.2 AA) at 390 and 1280 px, no horizontal scroll`, async ({ page }, info) => {
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(pageTypes[name]);
          await expectNoViolations(page, `${name} at ${width}px (${colorScheme}, ${info.project.name})`);
          expect(await horizontalOverflow(page), `${name} at ${width}px scrolls horizontally`).toBeLessThanOrEqual(0);
          // Screenshots to look at (full-page captures are slow: light theme, and 390 px for the second font set).
          if (colorScheme === 'light' && (width === 390 || info.project.name === 'dejavu')) {
            await page.screenshot({ path: path.join(artifacts, `${name}-${width}-${info.project.name}.png`), fullPage: true });
          }
        }
      });
    }
  });
}

test('reflow at 320 px: no page scrolls horizontally', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const name of pageTypeNames) {
    await page.goto(pageTypes[name]);
    expect(await horizontalOverflow(page), `${name} at 320px scrolls horizontally`).toBeLessThanOrEqual(0);
  }
});

test('200% text size on a phone: axe passes and nothing scrolls sideways', async ({ page }, info) => {
  // The browser's own text-size setting (as a reader with low vision sets it), not page zoom:
  // the default font size doubles, and with it every rem-based size.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.setViewportSize({ width: 390, height: 900 });
  for (const name of pageTypeNames) {
    await page.goto(pageTypes[name]);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), 'the 200% text setting applies').toBe('32px');
    await expectNoViolations(page, `${name} at 390px, 200% text (${info.project.name})`);
    expect(await horizontalOverflow(page), `${name} at 390px, 200% text scrolls horizontally`).toBeLessThanOrEqual(0);
    if (name === 'article') {
      await page.screenshot({ path: path.join(artifacts, `article-390-text200-${info.project.name}.png`), fullPage: true });
    }
  }
});

test('a markdown table at 390 px and 200% text scrolls inside its region, not the page', async ({ page }, info) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(fixtureUrl('/articles/hand-washing'));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), 'the 200% text setting applies').toBe('32px');
  const region = page.getByRole('region', { name: 'Table: Check, Screen widths, Text sizes, Themes, Font sets' });
  // The table is wider than the phone (so the test means something), and only its region scrolls.
  const widths = await region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  expect(await horizontalOverflow(page), 'the article with a table at 390px, 200% text scrolls horizontally').toBeLessThanOrEqual(0);
  // Keyboard readers reach the region and scroll it with the arrow keys.
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  await expectNoViolations(page, `article with a table at 390px, 200% text (${info.project.name})`);
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, `article-table-390-text200-${info.project.name}.png`) });
});
