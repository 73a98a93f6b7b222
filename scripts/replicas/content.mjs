// The replica test's site: the blog's seed article and variants of it (own slug, title, date,
// category and tags) in a temporary articles directory, so every kind of page has something to
// order: articles with the same date (ties broken by title, then slug), tags shared by several
// articles, two categories. Generated into os.tmpdir(), never into the repository.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFixtureSiteConfig } from '@cited/test-utils/site-config';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Replaces (or adds) a top-level key of YAML frontmatter text; lists are written in flow style. */
function setKey(frontmatter, key, value) {
  // A block list under the key (`tags:\n  - a\n  - b`) goes with it.
  const pattern = new RegExp(`^${key}:.*(?:\\n[ \\t]+-.*)*$`, 'm');
  const line = `${key}: ${JSON.stringify(value)}`;
  return pattern.test(frontmatter) ? frontmatter.replace(pattern, line) : `${frontmatter}\n${line}`;
}

/** Variants of the seed: same-date pairs, shared and distinct tags, two categories. */
export const variants = [
  { slug: 'replica-a', title: 'Replica article A', published: '2026-10-01', category: 'Back pain', tags: ['MRI', 'spine surgery'] },
  { slug: 'replica-b', title: 'Replica article B', published: '2026-10-01', category: 'Back pain', tags: ['MRI', 'prolotherapy'] },
  { slug: 'replica-c', title: 'Replica article C', published: '2026-10-01', category: 'Spine surgery', tags: ['spine surgery', 'second opinions'] },
  { slug: 'replica-d', title: 'Replica article A', published: '2026-09-15', category: 'Spine surgery', tags: ['MRI', 'second opinions'] },
  { slug: 'replica-e', title: 'Replica article A', published: '2026-09-15', category: 'Back pain', tags: ['prolotherapy', 'platelet-rich plasma'] },
  { slug: 'replica-f', title: 'Replica article F', published: '2026-08-02', category: 'Back pain', tags: ['stem cell therapy', 'MRI'] },
  { slug: 'replica-g', title: 'Replica article G', published: '2026-07-20', category: 'Spine surgery', tags: ['spine surgery'] },
  {
    slug: 'replica-h',
    title: 'Replica article H',
    published: '2026-07-20',
    category: 'Back pain',
    tags: ['MRI', 'spine surgery', 'prolotherapy'],
    // A redirect written in the content answers 301 from every replica alike.
    redirectFrom: ['replica-h-old-name'],
  },
];

/**
 * Writes the seed and its variants into a new temporary directory; returns its path. The files
 * are written in reverse order of their names, so no page can owe its order to creation order.
 *
 * @param {string} seedFile  the blog's seed article
 */
export function writeReplicaSite(seedFile) {
  const source = readFileSync(seedFile, 'utf8');
  const match = FRONTMATTER.exec(source);
  if (!match) throw new Error(`${seedFile}: the seed article has no YAML frontmatter`);
  const body = source.slice(match[0].length);
  const dir = mkdtempSync(path.join(tmpdir(), 'cited-replicas-articles-'));
  for (const variant of [...variants].reverse()) {
    let meta = match[1];
    for (const key of ['slug', 'title', 'published', 'category', 'tags', 'redirectFrom']) {
      if (variant[key] !== undefined) meta = setKey(meta, key, variant[key]);
    }
    meta = meta.replace(/^updated:.*$/m, '');
    writeFileSync(path.join(dir, `${variant.slug}.md`), `---\n${meta.trim()}\n---\n${body}`);
  }
  writeFileSync(path.join(dir, path.basename(seedFile)), source);
  return dir;
}

/**
 * The replica site's own site.yml (for CITED_SITE_CONFIG): the blog's, with the variants'
 * categories in its registry. Written into `dir`; returns its path.
 *
 * @param {string} blogSiteFile  the blog's site.yml
 * @param {string} dir
 */
export function writeReplicaSiteConfig(blogSiteFile, dir) {
  return writeFixtureSiteConfig({ from: blogSiteFile, dir, categories: variants.map((variant) => variant.category) });
}
