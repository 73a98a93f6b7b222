import { expect, type Page } from '@playwright/test';

/** The newest article's path, read from the index like a reader would find it. */
export async function firstArticlePath(page: Page): Promise<string> {
  await page.goto('/');
  const href = await page
    .getByRole('list', { name: 'Articles, newest first' })
    .getByRole('heading', { level: 2 })
    .first()
    .getByRole('link')
    .getAttribute('href');
  expect(href).toMatch(/^\/articles\//);
  return href as string;
}

/** The server over the seed plus fixture articles (playwright.config.ts). */
export const fixtureUrl = (pathname: string): string => `${process.env.E2E_FIXTURE_URL}${pathname}`;
