import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SiteLayout } from '../site/layout.js';

export const articleExtensions = ['.md', '.markdown'];

const isArticleFile = (name: string): boolean => articleExtensions.some((extension) => name.endsWith(extension));

/**
 * Where a file stands with the server:
 * - 'site': an article the server reads (a `.md` file directly in the articles folder);
 * - 'added': outside the articles folder, checked as if it were copied into it;
 * - 'not-read': in the articles folder's tree but never read (a subfolder, another extension);
 * - 'folder': no site was found: the checked folders are the whole set.
 */
export type Placement = 'site' | 'added' | 'not-read' | 'folder';

export interface ArticleFile {
  /** Absolute path. */
  path: string;
  /** As reports name it: relative to the working directory. */
  shown: string;
  /** Its name among the files judged together: the server's name for it (relative to the articles folder). */
  id: string;
  /** The folder its `bibliography:` paths are read from (with `id`). */
  dir: string;
  placement: Placement;
  /** Reported on (a target), or only context for the others. */
  checked: boolean;
}

async function findArticles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && isArticleFile(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Files to check: directories are searched recursively, files taken as they are. */
export async function resolveArticlePaths(targets: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const target of targets) {
    const full = path.resolve(cwd, target);
    const info = await stat(full);
    if (info.isDirectory()) for (const file of await findArticles(full)) found.add(file);
    else found.add(full);
  }
  return [...found].sort();
}

/** Relative to the working directory when the file is under it, else absolute. */
export function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function articlesBeside(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter(isArticleFile).sort().map((name) => path.join(dir, name));
}

/** The files the server reads: `.md` directly in the articles folder (as the store lists it). */
async function siteArticles(articlesDir: string): Promise<string[]> {
  const names = await readdir(articlesDir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.md')).sort();
}

function placementIn(site: SiteLayout, file: string): Pick<ArticleFile, 'placement' | 'id' | 'dir'> {
  const relative = path.relative(site.articlesDir, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  if (!inside) return { placement: 'added', id: path.basename(file), dir: path.dirname(file) };
  const id = relative.split(path.sep).join('/');
  return { placement: !id.includes('/') && id.endsWith('.md') ? 'site' : 'not-read', id, dir: site.articlesDir };
}

/**
 * The checked files and the context they are judged in: with a site, every article of the site
 * (and each checked file outside it, as if added); without one, the checked files and the
 * articles beside them.
 */
export async function articleSet(paths: readonly string[], site: SiteLayout | undefined, cwd: string): Promise<ArticleFile[]> {
  const checked = new Set(paths);
  const files = new Map<string, ArticleFile>();
  const add = (file: ArticleFile): void => {
    if (!files.has(file.path)) files.set(file.path, file);
  };
  if (site) {
    for (const name of await siteArticles(site.articlesDir)) {
      const full = path.join(site.articlesDir, name);
      add({ path: full, shown: shownPath(full, cwd), id: name, dir: site.articlesDir, placement: 'site', checked: checked.has(full) });
    }
    for (const file of paths) add({ path: file, shown: shownPath(file, cwd), ...placementIn(site, file), checked: true });
    // A folder checked outside the site is added to it whole: its articles link to each other.
    const outside = paths.filter((file) => files.get(file)?.placement === 'added');
    for (const dir of new Set(outside.map((file) => path.dirname(file)))) {
      for (const full of await articlesBeside(dir)) add({ path: full, shown: shownPath(full, cwd), ...placementIn(site, full), checked: false });
    }
    return [...files.values()];
  }
  for (const file of paths) add({ path: file, shown: shownPath(file, cwd), id: shownPath(file, cwd), dir: cwd, placement: 'folder', checked: true });
  for (const dir of new Set(paths.map((file) => path.dirname(file)))) {
    for (const full of await articlesBeside(dir)) add({ path: full, shown: shownPath(full, cwd), id: shownPath(full, cwd), dir: cwd, placement: 'folder', checked: false });
  }
  return [...files.values()];
}
