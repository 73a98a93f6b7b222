import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { report, formatDiagnostics, sortDiagnostics, toDiagnostics } from './diagnostics.js';
import { compileArticle } from './compile.js';
import { readFrontmatter } from './frontmatter.js';
import { formatReadability } from './readability/report.js';
import type { ReadabilityOptions } from './readability/report.js';
import { decodeSource } from './source.js';
import { checkPersonIds } from './people/check.js';
import type { PeopleRegistry } from './people/registry.js';
import type { Article, Diagnostic } from './types.js';

export interface CheckResult {
  articles: Article[];
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** vfile-reporter text: file, line:column, severity, message, rule id, and a summary line. */
  report: string;
}

export const articleExtensions = ['.md', '.markdown'];

async function findArticles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && articleExtensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Compiles every article under `dir` (recursively) and checks what only a set of files can reveal:
 * the same slug in two files. Paths in diagnostics are relative to the current directory.
 */
export async function checkArticles(
  dir: string,
  options: { now?: Date; readability?: boolean | ReadabilityOptions; people?: PeopleRegistry } = {},
): Promise<CheckResult> {
  const now = options.now ?? new Date();
  const readability = options.readability ?? true;
  const paths = await findArticles(dir);
  const articles: Article[] = [];
  for (const path of paths) {
    const source = await readFile(path);
    const shownPath = relative(process.cwd(), path) || path;
    const article = compileArticle(new Uint8Array(source.buffer, source.byteOffset, source.byteLength), {
      path: shownPath,
      now,
      readFile: (bibliography) => readFileSync(bibliography),
      readability,
    });
    if (options.people) {
      // Authors and reviewers are registry ids: an unknown one is an error at its frontmatter value.
      const unknown = checkPersonIds(source.toString('utf8'), shownPath, options.people);
      if (unknown.length > 0) {
        article.diagnostics = sortDiagnostics([...article.diagnostics, ...unknown]);
        article.ok = false;
      }
    }
    articles.push(article);
  }

  const duplicates: Diagnostic[] = [];
  const firstBySlug = new Map<string, Article>();
  for (const article of articles) {
    const first = firstBySlug.get(article.meta.slug);
    if (!first) {
      firstBySlug.set(article.meta.slug, article);
      continue;
    }
    // Position the error where the second file declares (or derives) its slug.
    const file = new VFile({ path: article.sourcePath });
    const source = await readFile(join(process.cwd(), article.sourcePath)).catch(() => undefined);
    const slugPosition = source ? readFrontmatter(decodeSource(new Uint8Array(source)).text, new VFile({ path: article.sourcePath }), undefined).slugPosition : undefined;
    report(file, 'slug-duplicate', `Slug "${article.meta.slug}" is already used by ${first.sourcePath}`, slugPosition);
    duplicates.push(...toDiagnostics(file));
    article.diagnostics = sortDiagnostics([...article.diagnostics, ...toDiagnostics(file)]);
    article.ok = false;
  }

  const diagnostics = sortDiagnostics(articles.flatMap((article) => article.diagnostics));
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const summary = `${articles.length} article${articles.length === 1 ? '' : 's'} checked in ${dir}`;
  const reported = [
    diagnostics.length > 0 ? formatDiagnostics(diagnostics) : '',
    ...articles.flatMap((article) => (article.readability ? [`${article.sourcePath}: readability ${formatReadability(article.readability)}`] : [])),
    diagnostics.length > 0 ? summary : `${summary}: no problems`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    articles,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    report: reported,
  };
}
