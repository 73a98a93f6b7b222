import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFixtureSiteConfig } from '@cited/test-utils/site-config';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = path.join(appDir, 'content/articles/failed-back-surgery-syndrome.md');

/** Fixture articles around the seed (tags "prolotherapy" and category "Back pain"). */
export const fixtureArticles = [
  // Shares a tag with the seed: the first related article.
  // The site's publisher offers prolotherapy (people.yml), so it must say so (disclosure-missing).
  {
    slug: 'knee-prolotherapy',
    title: 'Prolotherapy for knee pain',
    category: 'Knee pain',
    tags: ['prolotherapy', 'knee'],
    published: '2026-10-01',
    disclosure: 'The clinic that publishes this site offers prolotherapy.',
  },
  // Shares only the category: related, after the shared tag. Back pain articles need an urgent or
  // emergency care card (site.yml careCards).
  { slug: 'staying-active-with-sciatica', title: 'Staying active with sciatica', category: 'Back pain', tags: ['sciatica'], published: '2026-11-01', careCard: true },
  // Shares nothing: never related, however new. Holds a markdown table wider than a phone.
  { slug: 'hand-washing', title: 'Hand washing and infections', category: 'Infections', tags: ['hygiene'], published: '2026-11-20', table: true },
] as const;

/** A markdown table too wide for a phone at 200 % text (about the tests themselves: no clinical claim). */
const testedTable = [
  '| Check | Screen widths | Text sizes | Themes | Font sets |',
  '| --- | --- | --- | --- | --- |',
  '| Accessibility (axe) | 390 and 1280 pixels | 100 and 200 percent | Light and dark | DejaVu and Liberation |',
  '| Sideways scrolling | 320, 390 and 1280 pixels | 100 and 200 percent | Light and dark | DejaVu and Liberation |',
];

function source(article: (typeof fixtureArticles)[number]): string {
  return [
    '---',
    `title: ${JSON.stringify(article.title)}`,
    `description: ${JSON.stringify(`A fixture article about ${article.title.toLowerCase()}.`)}`,
    `slug: ${article.slug}`,
    `category: ${JSON.stringify(article.category)}`,
    `tags: [${article.tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
    `published: ${article.published}`,
    ...('disclosure' in article ? [`disclosure: ${JSON.stringify(article.disclosure)}`] : []),
    '---',
    '',
    'Most people with this kind of pain improve within weeks.',
    '',
    '## What helps',
    '',
    'Staying active helps more than bed rest.',
    '',
    ...('careCard' in article ? [':::care[Ask for an urgent appointment if you have]{level=urgent}', '- back pain with a fever (a high temperature)', ':::', ''] : []),
    ...('table' in article ? ['## How this page is tested', '', ...testedTable, ''] : []),
  ].join('\n');
}

/** A temp articles directory: the seed plus the fixtures. Returns its path. */
export function writeFixtureSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cited-e2e-articles-'));
  copyFileSync(seed, path.join(dir, path.basename(seed)));
  for (const article of fixtureArticles) writeFileSync(path.join(dir, `${article.slug}.md`), source(article));
  return dir;
}

/** The fixture site's own site.yml (CITED_SITE_CONFIG): the blog's, with the fixtures' categories in its registry. Returns its path. */
export function writeFixtureSiteFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cited-e2e-site-'));
  return writeFixtureSiteConfig({ from: path.join(appDir, 'content/site.yml'), dir, categories: fixtureArticles.map((article) => article.category) });
}
