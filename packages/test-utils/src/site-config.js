// @ts-check
// A site.yml of a fixture site's own: the real site's (identity, rules, category registry) with the
// fixture's made-up categories added to the registry, so fixtures never weaken the real site.yml
// and the real site.yml never has to list a category no real article uses.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The category's URL segment, as @cited/content's taxonomySlug: what makes two names the same category. @param {string} name */
const slugOf = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * site.yml text with `categories` added to its top-level `categories:` list (names it already
 * has, case and spacing aside, are skipped). Each added category is described as a fixture's.
 *
 * @param {string} siteYaml  the real site.yml text
 * @param {readonly string[]} categories
 * @returns {string}
 */
export function withCategories(siteYaml, categories) {
  const heading = /^categories:[ \t]*\r?\n/m.exec(siteYaml);
  if (!heading) throw new Error('site.yml has no top-level `categories:` list to add fixture categories to');
  const rest = siteYaml.slice(heading.index + heading[0].length);
  const indent = /^([ \t]*)- /.exec(rest)?.[1] ?? '  ';
  const known = new Set([...siteYaml.matchAll(/^[ \t]*- name:[ \t]*(.+)$/gm)].map((match) => slugOf(match[1] ?? '')));
  const added = [];
  for (const name of categories) {
    if (known.has(slugOf(name))) continue;
    known.add(slugOf(name));
    added.push(`${indent}- name: ${JSON.stringify(name)}\n${indent}  description: ${JSON.stringify(`Fixture articles filed under ${name}.`)}\n`);
  }
  // After the list's last entry: the block ends at the first line back at the left margin.
  const end = /^(?=\S)/m.exec(rest);
  const at = heading.index + heading[0].length + (end ? end.index : rest.length);
  const before = siteYaml.slice(0, at);
  return `${before}${before.endsWith('\n') ? '' : '\n'}${added.join('')}${siteYaml.slice(at)}`;
}

/**
 * Writes `<dir>/site.yml`: the site.yml at `from` with the fixture's categories added. Returns its
 * path, for CITED_SITE_CONFIG.
 *
 * @param {{ from: string; dir: string; categories: readonly string[] }} options
 * @returns {string}
 */
export function writeFixtureSiteConfig({ from, dir, categories }) {
  const file = path.join(dir, 'site.yml');
  writeFileSync(file, withCategories(readFileSync(from, 'utf8'), categories));
  return file;
}
