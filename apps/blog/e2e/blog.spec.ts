import { expect, test } from '@playwright/test';
import { firstArticlePath } from './helpers';

test('index → article', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const firstLink = page.getByRole('list', { name: 'Articles, newest first' }).getByRole('heading', { level: 2 }).first().getByRole('link');
  const title = (await firstLink.textContent())?.trim() ?? '';
  expect(title.length).toBeGreaterThan(0);
  await firstLink.click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
});

test('citation → reference → backlink round trip', async ({ page }) => {
  await page.goto(await firstArticlePath(page));
  const marker = page.getByRole('main').getByRole('link', { name: /^References? 1\b/ }).first();
  const markerId = await marker.evaluate((link) => link.closest('sup')?.id ?? '');
  expect(markerId).not.toBe('');
  await marker.click();
  await expect(page).toHaveURL(/#ref-1$/);
  const entry = page.locator('#ref-1');
  await expect(entry).toBeInViewport();
  await entry.getByRole('link', { name: /^Back to citation/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`#${markerId}$`));
  await expect(page.locator(`[id="${markerId}"]`)).toBeInViewport();
});

test('reference preview opens from the keyboard', async ({ page }) => {
  await page.goto(await firstArticlePath(page));
  const marker = page.getByRole('main').getByRole('link', { name: /^References? 1\b/ }).first();
  const previewId = await marker.getAttribute('aria-describedby');
  expect(previewId, 'citation markers carry a preview').toBeTruthy();
  const preview = page.locator(`[id="${previewId}"]`);
  await expect(preview).toBeHidden();
  // Tab from the top of the page, as a keyboard user would, until the marker has focus.
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await marker.evaluate((link) => document.activeElement === link)) break;
  }
  await expect(marker).toBeFocused();
  await expect(preview).toBeVisible();
  // The preview is the same reference the list shows (its Vancouver text).
  const previewText = (await preview.innerText()).replace(/^1\.\s*/, '').slice(0, 40);
  expect(previewText.length).toBeGreaterThan(10);
  expect(await page.locator('#ref-1').innerText()).toContain(previewText);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
});

test('unknown page shows a helpful 404', async ({ page }) => {
  const response = await page.goto('/articles/this-does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: /can’t find that page/ })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Browse all articles' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the article is the same page', async ({ page, browser }) => {
    const articlePath = await firstArticlePath(page);
    await page.goto(articlePath);
    const withoutJs = await page.getByRole('main').innerText();
    const jsContext = await browser.newContext({ javaScriptEnabled: true });
    const jsPage = await jsContext.newPage();
    await jsPage.goto(new URL(articlePath, page.url()).href);
    expect(await jsPage.getByRole('main').innerText()).toBe(withoutJs);
    await jsContext.close();
    await page.getByRole('main').getByRole('link', { name: /^References? 1\b/ }).first().click();
    await expect(page).toHaveURL(/#ref-1$/);
  });
});

test('print hides navigation and prints reference addresses', async ({ page }) => {
  await page.goto(await firstArticlePath(page));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  const link = page.locator('[id^="ref-"] a[href^="http"]').first();
  const href = await link.getAttribute('href');
  const after = await link.evaluate((element) => getComputedStyle(element, '::after').content);
  expect(after).toBe(`" (${href})"`);
});

test('article pages load no JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(await firstArticlePath(page));
  await page.goto('/');
  expect(scripts).toEqual([]);
  expect(await page.locator('script:not([type="application/ld+json"]), link[rel="modulepreload"]').count()).toBe(0);
});
