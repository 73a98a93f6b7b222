import { expect, test, type Locator, type Page } from '@playwright/test';
import { firstArticlePath } from './helpers';

/**
 * Where the reference preview opens is decided by our CSS (explicit anchor positioning), not by a
 * browser build's default for interest invokers: whatever opens it, it is visible, leaves its own
 * marker uncovered (the claim it supports ends there) and stays inside a phone's viewport.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: false });

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function box(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const { left, right, top, bottom } = element.getBoundingClientRect();
    return { left, right, top, bottom };
  });
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Markers near the start, middle and end of a line, so the card must slide to fit. */
async function markersToTry(page: Page): Promise<Locator[]> {
  const markers = page.getByRole('main').locator('sup a[aria-describedby]');
  const count = await markers.count();
  expect(count, 'the article has citation markers with previews').toBeGreaterThan(3);
  return [0, Math.floor(count / 2), count - 1].map((index) => markers.nth(index));
}

async function expectPlacedWell(page: Page, marker: Locator): Promise<void> {
  const preview = page.locator(`[id="${await marker.getAttribute('aria-describedby')}"]`);
  await expect(preview).toBeVisible();
  const card = await box(preview);
  const sup = await box(marker.locator('xpath=ancestor::sup[1]'));
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  expect(overlaps(card, sup), `the preview ${JSON.stringify(card)} covers its marker ${JSON.stringify(sup)}`).toBe(false);
  expect(card.left).toBeGreaterThanOrEqual(0);
  expect(card.right).toBeLessThanOrEqual(viewport.width);
  expect(card.top).toBeGreaterThanOrEqual(0);
  expect(card.bottom).toBeLessThanOrEqual(viewport.height);
}

test('the reference preview opens on hover, beside its marker and inside a 390 px viewport', async ({ page }) => {
  await page.goto(await firstArticlePath(page));
  for (const marker of await markersToTry(page)) {
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    await expectPlacedWell(page, marker);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  }
});

test('the reference preview opens on keyboard focus, beside its marker and inside a 390 px viewport', async ({ page }) => {
  await page.goto(await firstArticlePath(page));
  for (const marker of await markersToTry(page)) {
    await marker.focus();
    await expect(marker).toBeFocused();
    await expectPlacedWell(page, marker);
    await page.keyboard.press('Escape');
  }
});
