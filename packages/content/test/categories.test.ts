/**
 * The category registry in site.yml (category-unknown, "did you mean") and duplicate titles
 * (title-duplicate): site rules, judged alike by `cited-content check` and the server's store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArticles, readSiteConfig } from '../src/index.js';
import type { SiteRules } from '../src/index.js';
import { now } from './helpers.js';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const siteYaml = (categories: string): string => `name: Example
tagline: Evidence, plainly
description: Articles.
url: https://example.org/
locale: en-US
publisher:
  name: Example Clinic
contact:
  email: hello@example.org
footer: About us.
disclaimer: Not advice.
${categories}`;

const registry = `categories:
  - name: Back pain
    slug: back-pain
    description: Low back pain, sciatica and what helps.
  - name: Neck pain
    description: Stiff and painful necks.
`;

function source({ title = 'Test article', category = 'Back pain' } = {}): string {
  return `---\ntitle: ${title}\ndescription: A test.\npublished: 2024-01-01\ncategory: ${category}\n---\n\nRest helps.\n`;
}

async function check(files: Record<string, string>, siteRules?: SiteRules) {
  const dir = mkdtempSync(join(tmpdir(), 'cited-categories-'));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = await checkArticles(dir, { now, readability: false, site: null, ...(siteRules ? { siteRules } : {}) });
  return {
    found: (name: string) => result.diagnostics.filter((d) => basename(d.file) === name).map((d) => ({ ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, message: d.message })),
    verdict: (name: string) => result.files.find((file) => basename(file.file) === name)?.verdict,
  };
}

describe('category registry', () => {
  const site = readSiteConfig(siteYaml(registry), 'site.yml').config as SiteRules;

  it('reads name, slug and description', () => {
    expect(site.categories).toEqual([
      { name: 'Back pain', slug: 'back-pain', description: 'Low back pain, sciatica and what helps.' },
      { name: 'Neck pain', description: 'Stiff and painful necks.' },
    ]);
  });

  it('an unknown category is an error at its value, with "did you mean", and the article is not published', async () => {
    const { found } = await check({ 'typo.md': source({ title: 'Typo', category: 'Back pian' }), 'ok.md': source({ title: 'Fine', category: 'back PAIN' }) }, site);
    expect(found('typo.md')).toEqual([
      { ruleId: 'category-unknown', severity: 'error', line: 5, column: 11, message: expect.stringContaining('Category "Back pian" is not in site.yml\'s categories (did you mean `Back pain`?)') },
    ]);
    expect(found('ok.md')).toEqual([]);
  });

  it('without a registry any category is accepted', async () => {
    const { found } = await check({ 'free.md': source({ category: 'Knees' }) });
    expect(found('free.md')).toEqual([]);
  });

  it('site.yml problems are reported at their entry', () => {
    const bad = readSiteConfig(siteYaml(`categories:\n  - name: Back pain\n    slug: backpain\n    description: x\n  - name: back  pain\n    description: y\n  - name: Knees\n`), 'site.yml');
    expect(bad.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [14, expect.stringContaining('`categories.0.slug` must be "back-pain"')],
      [18, expect.stringContaining('`categories.2.description`')],
    ]);
  });
});

describe('duplicate titles', () => {
  it('warn on both articles, at the title, and do not hold either back', async () => {
    const { found, verdict } = await check({ 'a.md': source({ title: 'Sciatica: what helps' }).replace('title: Sciatica: what helps', 'title: "Sciatica: what helps"'), 'b.md': source({ title: 'sciatica:  What helps.' }).replace('title: sciatica:  What helps.', "title: 'sciatica:  What helps.'"), 'c.md': source({ title: 'Other' }) });
    expect(found('a.md')).toEqual([{ ruleId: 'title-duplicate', severity: 'warning', line: 2, column: 8, message: expect.stringMatching(/^Title "Sciatica: what helps" is also the title of .*b\.md/) }]);
    expect(found('b.md').map((d) => d.ruleId)).toEqual(['title-duplicate']);
    expect(found('c.md')).toEqual([]);
    expect(verdict('a.md')).toMatchObject({ outcome: 'published' });
  });
});
