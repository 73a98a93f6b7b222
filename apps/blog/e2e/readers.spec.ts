import { expect, test } from '@playwright/test';
import { fixtureArticles } from './fixture-site';
import { fixtureUrl } from './helpers';

const seedPath = '/articles/failed-back-surgery-syndrome';

test('search from the keyboard: tab to the box, type with a typo, Enter, open the result', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  for (let i = 0; i < 10 && !(await box.evaluate((input) => document.activeElement === input)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  await page.keyboard.type('prolotheraphy');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=prolotheraphy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “prolotheraphy”');
  await expect(page.getByText('Did you mean')).toContainText('prolotherapy');
  const results = page.getByRole('list', { name: 'Search results, best match first' });
  const first = results.getByRole('link', { name: 'Treatment options for Failed Back Surgery Syndrome' });
  await expect(results.locator('mark').first()).toHaveText(/prolotherapy/i);
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${seedPath}$`));
  expect(await page.locator('meta[name="robots"]').count()).toBe(0); // only search pages are noindex
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form submits by GET and the results are a normal page', async ({ page }) => {
    await page.goto('/contact');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('prolo');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=prolo$/);
    await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('prolo');
    await expect(page.getByRole('link', { name: 'Treatment options for Failed Back Surgery Syndrome' })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  });

  test('no results, empty, hostile and very long queries are ordinary pages that reflect no markup', async ({ page }) => {
    const none = await page.goto('/search?q=qqqxxxzzz');
    expect(none?.status()).toBe(200);
    await expect(page.getByText('No articles found.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Popular topics' }).getByRole('link').first()).toBeVisible();

    expect((await page.goto('/search'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search articles');

    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const response = await page.goto(`/search?q=${encodeURIComponent(hostile)}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await response?.text()).not.toContain('<img src=x');

    const long = await page.goto(`/search?q=${'spine%20'.repeat(600)}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByText('only its first words were used')).toBeVisible();
  });
});

test('tags: shown on the article, each a page listing its articles', async ({ page }) => {
  await page.goto(seedPath);
  const topics = page.getByRole('list', { name: 'Topics' });
  await expect(topics.getByRole('link')).toHaveCount(6);
  await topics.getByRole('link', { name: 'MRI' }).click();
  await expect(page).toHaveURL(/\/tags\/mri$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MRI');
  await expect(
    page.getByRole('list', { name: 'Articles, newest first' }).getByRole('link', { name: 'Treatment options for Failed Back Surgery Syndrome' }),
  ).toBeVisible();
  expect((await page.goto('/tags/no-such-tag'))?.status()).toBe(404);
});

test('related articles: shared tag first, then same category; unrelated ones never', async ({ page }) => {
  await page.goto(fixtureUrl(seedPath));
  const related = page.getByRole('list', { name: 'Related articles' });
  const titles = await related.getByRole('heading', { level: 3 }).allTextContents();
  const [knee, sciatica, hands] = fixtureArticles;
  expect(titles).toEqual([knee.title, sciatica.title]);
  expect(titles).not.toContain(hands.title);
  await related.getByRole('link', { name: knee.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(knee.title);
});

test('author: the byline links to the page of the organization that wrote the article', async ({ page }) => {
  await page.goto(seedPath);
  await page.getByRole('link', { name: 'Magaziner Center for Wellness' }).first().click();
  await expect(page).toHaveURL(/\/authors\/magaziner-center$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Magaziner Center for Wellness');
  await expect(page.getByText('Organization', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Treatment options for Failed Back Surgery Syndrome' })).toBeVisible();
  // At 1,280 px the page is one centred column: title, "Articles by" and the list share a left edge.
  await page.setViewportSize({ width: 1280, height: 900 });
  const leftOf = async (name: string | RegExp, level: number) => (await page.getByRole('heading', { level, name }).boundingBox())?.x;
  const titleLeft = await leftOf('Magaziner Center for Wellness', 1);
  expect(titleLeft).toBeGreaterThan(100);
  expect(await leftOf(/^Articles by /, 2)).toBe(titleLeft);
  expect(await leftOf('Treatment options for Failed Back Surgery Syndrome', 3)).toBe(titleLeft);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({ '@type': 'Organization', name: 'Magaziner Center for Wellness' });
  expect((await page.goto('/authors/nobody'))?.status()).toBe(404);
});

test('the article CTA reaches /contact, which shows only what the site config holds', async ({ page }) => {
  await page.goto(seedPath);
  await page.getByRole('link', { name: 'Contact us' }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact');
  await expect(page.getByRole('heading', { level: 2, name: 'Magaziner Center for Wellness' })).toBeVisible();
  // site.yml lists no telephone, email or address for the clinic: none may appear.
  expect(await page.locator('main a[href^="tel:"], main a[href^="mailto:"]').count()).toBe(0);
  await expect(page.getByText('does not list a telephone number, email or address')).toBeVisible();
});

test.describe('the seed on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('shows the key points and the review status in its first two screens', async ({ page }) => {
    await page.goto(seedPath);
    const twoScreens = 2 * 844;
    const review = page.getByText('This article has not been medically reviewed.');
    await expect(review).toBeVisible();
    const keyPoints = page.getByRole('region', { name: 'Key points' });
    await expect(keyPoints).toBeVisible();
    for (const [what, locator] of [
      ['the byline', page.getByText('Written by', { exact: false }).first()],
      ['the not-reviewed notice', review],
      ['the key points heading', keyPoints.getByRole('heading', { name: 'Key points' })],
      ['the first key point', keyPoints.getByRole('listitem').first()],
    ] as const) {
      const box = await locator.boundingBox();
      expect(box, what).not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0), `${what} ends within the first two screens`).toBeLessThanOrEqual(twoScreens);
    }
  });

  test('reaches the emergency care card from the table of contents', async ({ page }) => {
    await page.goto(seedPath);
    const contents = page.getByRole('navigation', { name: 'Contents' });
    await contents.getByRole('link', { name: 'Get emergency help now if, after back surgery, you have' }).click();
    await expect(page).toHaveURL(/#get-emergency-help-now-if-after-back-surgery-you-have$/);
    const card = page.locator('#get-emergency-help-now-if-after-back-surgery-you-have');
    await expect(card).toBeInViewport();
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(/^Immediate action required: Get emergency help now/);
    await expect(card.getByRole('heading', { level: 2 })).toBeInViewport();
    // site.yml's number, as a telephone link.
    await expect(card.locator('a[href="tel:911"]')).toBeVisible();
  });
});
