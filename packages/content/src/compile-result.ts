// The Article a compile returns, assembled from what the passes left on the file: the references
// numbered in citation order, the diagnostics of the article and of its bibliography files, and a
// placeholder meta when the frontmatter could not be read.
import type { Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import type { LoadedReferences } from './bibliography/load.js';
import { report, sortDiagnostics, toDiagnostics } from './diagnostics.js';
import type { CitedFileData } from './plugins/context.js';
import type { Article, ArticleMeta, Diagnostic, NumberedReference } from './types.js';

export const wordsPerMinute = 200;

function emptyRoot(): HastRoot {
  return { type: 'root', children: [] };
}

export function numberReferences(loaded: LoadedReferences, data: CitedFileData, file: VFile): NumberedReference[] {
  const cited: NumberedReference[] = [];
  const uncited: NumberedReference[] = [];
  // `editorNote` stays behind here: editors read it in the source, readers never see it.
  for (const { position, editorNote: _editorNote, ...reference } of loaded.references) {
    const number = data.numbers.get(reference.id);
    const fromFile = loaded.fromFiles.has(reference.id);
    if (fromFile) otherFileDiagnostics(file).push(...(number === undefined ? [] : (loaded.entryDiagnostics.get(reference.id) ?? [])));
    // A bibliography file is a library: only its cited entries belong to the article (as with Pandoc).
    if (number === undefined && fromFile) continue;
    if (number === undefined) {
      report(file, 'reference-unused', `Reference "${reference.id}" is never cited`, position);
      uncited.push({ ...reference, number: 0, backlinks: [] });
    } else {
      cited.push({ ...reference, number, backlinks: data.backlinks.get(reference.id) ?? [] });
    }
  }
  cited.sort((a, b) => a.number - b.number);
  uncited.forEach((reference, index) => {
    reference.number = cited.length + index + 1;
  });
  return [...cited, ...uncited];
}

/** Diagnostics positioned in other files than the article (its bibliography files). */
export function otherFileDiagnostics(file: VFile): Diagnostic[] {
  const data = file.data as { citedOtherFiles?: Diagnostic[] };
  data.citedOtherFiles ??= [];
  return data.citedOtherFiles;
}

export function finishArticle(
  file: VFile,
  meta: ArticleMeta,
  fields: Partial<Pick<Article, 'references' | 'toc' | 'hast' | 'wordCount' | 'dependencies' | 'readability' | 'siteLinks' | 'keyPoints' | 'careCards'>>,
): Article {
  const diagnostics = sortDiagnostics([...toDiagnostics(file), ...otherFileDiagnostics(file)]);
  const wordCount = fields.wordCount ?? 0;
  return {
    meta,
    references: fields.references ?? [],
    toc: fields.toc ?? [],
    ...(fields.keyPoints ? { keyPoints: fields.keyPoints } : {}),
    careCards: fields.careCards ?? [],
    wordCount,
    readingTimeMinutes: Math.max(1, Math.round(wordCount / wordsPerMinute)),
    hast: fields.hast ?? emptyRoot(),
    diagnostics,
    siteLinks: fields.siteLinks ?? [],
    ok: diagnostics.every((diagnostic) => diagnostic.severity !== 'error'),
    sourcePath: file.path,
    ...(fields.dependencies && fields.dependencies.length > 0 ? { dependencies: fields.dependencies } : {}),
    ...(fields.readability ? { readability: fields.readability } : {}),
  };
}

/**
 * When the frontmatter could not be read, the references are unknown: every citation would be
 * reported as unknown and every cited figure as uncited. Those follow from the one YAML error.
 */
const followOnRules = new Set(['cite-unknown-key', 'reference-unused', 'claim-without-citation']);
export function dropFollowOnErrors(file: VFile): void {
  file.messages = file.messages.filter((message) => !followOnRules.has(message.ruleId ?? ''));
}

export function fallbackMeta(path: string): ArticleMeta {
  const slug = path.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') ?? 'article';
  return { title: slug, description: '', slug, category: '', tags: [], published: '' };
}
