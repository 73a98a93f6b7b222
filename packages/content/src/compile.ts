import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Node } from 'unist';
import { VFile } from 'vfile';
import { loadReferences } from './bibliography/load.js';
import type { LoadedReferences } from './bibliography/load.js';
import { minChunkChars, splitIntoChunks } from './chunks.js';
import { report, sortDiagnostics, toDiagnostics } from './diagnostics.js';
import { readFrontmatter, splitFrontmatter } from './frontmatter.js';
import { remarkClaims } from './plugins/claims.js';
import { createCitedData } from './plugins/context.js';
import type { CitedFileData } from './plugins/context.js';
import { remarkCitedDirectives } from './plugins/directives.js';
import { processImages } from './plugins/images.js';
import { remarkPandocCitations } from './plugins/pandoc-citations.js';
import { checkAnchors, collectSiteLinks, isSameSiteLink } from './plugins/links.js';
import { checkUnclosedContainers } from './plugins/unclosed.js';
import { rehypeKeyPoints } from './plugins/key-points.js';
import { rehypeCitedHeadings } from './plugins/headings.js';
import { rehypeSameSiteImages, remarkSafety } from './plugins/safety.js';
import { sanitizeSchema } from './plugins/sanitize-schema.js';
import { checkReadability } from './readability/report.js';
import type { ArticleReadability } from './readability/report.js';
import { decodeSource, limitComplexity, maxContainerDepth, maxInlineMarkersPerBlock, maxNestingDepth, maxSourceChars, refusingIssueKinds } from './source.js';
import { referenceIdPrefix } from './ids.js';
import type { Article, ArticleMeta, CompileOptions, Diagnostic, NumberedReference } from './types.js';

/** Deepest mdast tree handed to the (recursive) transformers; deeper subtrees are cut off and reported. */
export const maxTreeDepth = 200;
export const wordsPerMinute = 200;

// Built once and reused: per-file state travels in file.data.cited.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();
const transformer = unified()
  .use(remarkSafety)
  .use(remarkPandocCitations)
  .use(remarkCitedDirectives)
  .use(remarkClaims)
  .use(remarkRehype, { clobberPrefix: '', allowDangerousHtml: false })
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeKeyPoints)
  .use(rehypeSameSiteImages)
  .use(rehypeCitedHeadings)
  .freeze();

/** Moves a chunk's positions to where the chunk sits in the document (chunks start at a line start). */
function shiftPositions(tree: MdastRoot, line: number, offset: number): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Node & { children?: Node[] };
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += line - 1;
      if (point.offset !== undefined) point.offset += offset;
    }
    if (node.children) stack.push(...node.children);
  }
}

/**
 * Parses the document, section by section when it is long (see chunks.ts): the tree, positions
 * included, is the same as parsing it whole.
 */
export function parseMarkdown(text: string, chunkChars = minChunkChars): MdastRoot {
  const chunks = splitIntoChunks(text, chunkChars);
  if (chunks.length === 1) return parser.parse(text);
  const root: MdastRoot = { type: 'root', children: [] };
  for (const chunk of chunks) {
    const tree = parser.parse(chunk.text);
    shiftPositions(tree, chunk.line, chunk.offset);
    for (const child of tree.children) root.children.push(child);
    if (tree.position) root.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position.end };
  }
  return root;
}

function emptyRoot(): HastRoot {
  return { type: 'root', children: [] };
}

/** Cuts subtrees below maxTreeDepth (iteratively, so it cannot overflow itself). */
function limitTreeDepth(tree: MdastRoot, file: VFile): void {
  const stack: { node: MdastRoot | MdastContent; depth: number }[] = [{ node: tree, depth: 0 }];
  let reported = false;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: MdastRoot | MdastContent; depth: number };
    if (!('children' in node)) continue;
    if (depth >= maxTreeDepth) {
      if (!reported) {
        report(file, 'source-too-deep', `Content is nested more than ${maxTreeDepth} levels deep; the deeper part is not rendered`, node.position);
        reported = true;
      }
      node.children = [];
      continue;
    }
    for (const child of node.children as MdastContent[]) stack.push({ node: child, depth: depth + 1 });
  }
}

/**
 * Drops source positions from the rendered tree: diagnostics already carry them, and the tree is often
 * serialized (e.g. in a Remix loader), where positions would add about a third to its size.
 */
function stripPositions(tree: HastRoot): void {
  const stack: (HastRoot | HastContent)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as HastRoot | HastContent;
    delete node.position;
    if ('children' in node) stack.push(...node.children);
  }
}

/** Words in the rendered text, not counting citation markers. */
function countWords(tree: HastRoot): number {
  let count = 0;
  const stack: HastContent[] = [...tree.children];
  const word = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
  while (stack.length > 0) {
    const node = stack.pop() as HastContent;
    if (node.type === 'text') count += node.value.match(word)?.length ?? 0;
    else if (node.type === 'element' && node.tagName !== 'cited-citation') stack.push(...node.children);
  }
  return count;
}

function numberReferences(loaded: LoadedReferences, data: CitedFileData, file: VFile): NumberedReference[] {
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
function otherFileDiagnostics(file: VFile): Diagnostic[] {
  const data = file.data as { citedOtherFiles?: Diagnostic[] };
  data.citedOtherFiles ??= [];
  return data.citedOtherFiles;
}

function finish(
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
function dropFollowOnErrors(file: VFile): void {
  file.messages = file.messages.filter((message) => !followOnRules.has(message.ruleId ?? ''));
}

function fallbackMeta(path: string): ArticleMeta {
  const slug = path.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') ?? 'article';
  return { title: slug, description: '', slug, category: '', tags: [], published: '' };
}

/**
 * Markdown + YAML frontmatter → a validated, typed Article. Never throws: every failure, including
 * internal ones, becomes a diagnostic and `ok: false`.
 */
export function compileArticle(source: string | Uint8Array, options: CompileOptions): Article {
  const file = new VFile({ path: options.path });
  let meta = fallbackMeta(options.path);
  try {
    const decoded = decodeSource(source);
    for (const issue of decoded.issues) {
      report(file, 'source-invalid-utf8', `The file is not valid UTF-8 (${issue.detail ?? 'invalid byte'}); invalid bytes are shown as \uFFFD`, {
        line: issue.line,
        column: issue.column,
      });
    }
    if (decoded.oversizedBytes !== undefined || decoded.text.length > maxSourceChars) {
      file.value = decoded.text;
      meta = readFrontmatter(decoded.text, file, options.now ?? new Date()).meta;
      const size = decoded.oversizedBytes !== undefined ? `${decoded.oversizedBytes} bytes` : `${decoded.text.length} characters`;
      report(file, 'source-too-large', `The article is ${size} long; the maximum is ${maxSourceChars} characters. The body is not rendered`, {
        line: 1,
        column: 1,
      });
      return finish(file, meta, {});
    }
    const limited = limitComplexity(decoded.text, splitFrontmatter(decoded.text)?.end ?? 0);
    for (const issue of limited.issues) {
      const place = { line: issue.line, column: issue.column };
      if (issue.kind === 'too-deep') {
        report(file, 'source-too-deep', `Lists or quotes are nested too deeply here (more than ${maxNestingDepth} levels); the excess nesting is flattened`, place);
      } else if (issue.kind === 'too-deep-containers') {
        report(file, 'source-too-deep', `\`:::\` containers are nested too deeply here (more than ${maxContainerDepth}); the body is not rendered`, place);
      } else {
        report(file, 'source-too-complex', `This paragraph has too many emphasis markers or brackets (${issue.detail ?? 'too many'}; the limit is ${maxInlineMarkersPerBlock}); the body is not rendered`, place);
      }
    }
    if (limited.issues.some((issue) => refusingIssueKinds.has(issue.kind))) {
      // Refused before parsing: the frontmatter is still checked, so its problems are reported too.
      file.value = limited.text;
      meta = readFrontmatter(limited.text, file, options.now ?? new Date()).meta;
      return finish(file, meta, {});
    }
    file.value = limited.text;
    const frontmatter = readFrontmatter(limited.text, file, options.now ?? new Date());
    meta = frontmatter.meta;
    // Without its references the body would only report follow-on errors (every citation "unknown").
    if (frontmatter.tooLarge) return finish(file, meta, {});
    const loaded = loadReferences(frontmatter.references, frontmatter.bibliography, { articlePath: options.path, readFile: options.readFile }, file);
    otherFileDiagnostics(file).push(...loaded.fileDiagnostics);
    const dependencies = [...loaded.dependencies];
    const data = createCitedData(loaded.references);
    (file.data as { cited?: CitedFileData }).cited = data;

    let mdast: MdastRoot;
    try {
      mdast = parseMarkdown(limited.text);
    } catch (error) {
      if (error instanceof RangeError) {
        report(file, 'source-too-deep', 'The markdown is nested too deeply to parse', { line: 1, column: 1 });
        return finish(file, meta, { dependencies });
      }
      throw error;
    }
    limitTreeDepth(mdast, file);
    checkUnclosedContainers(mdast, limited.text, file);
    dependencies.push(...processImages(mdast, file, { articlePath: options.path, readFile: options.readFile }));
    const siteLinks = collectSiteLinks(mdast);
    if (meta.cta && isSameSiteLink(meta.cta.href)) {
      const start = frontmatter.ctaHrefPosition?.start;
      siteLinks.push({ href: meta.cta.href, line: start?.line ?? 1, column: start?.column ?? 1 });
    }
    const hast = transformer.runSync(mdast, file) as HastRoot;
    stripPositions(hast);
    if (data.keyPoints) stripPositions(data.keyPoints.hast);
    const references = numberReferences(loaded, data, file);
    if (frontmatter.failed) dropFollowOnErrors(file);
    // An unreadable bibliography file is one error: its keys would otherwise each be "unknown".
    if (file.messages.some((message) => message.ruleId === 'bibliography-not-found')) {
      file.messages = file.messages.filter((message) => message.ruleId !== 'cite-unknown-key');
    }
    // The page's own furniture also has these ids (see the blog's article page).
    checkAnchors(siteLinks, hast, file, ['main', ...references.map((reference) => `${referenceIdPrefix}${reference.number}`)]);
    // After the transform: citation markers are nodes by then, so they are not read as words.
    let readability: ArticleReadability | undefined;
    // Not on files the parser already had to cut down: their prose is not what the editor wrote.
    const damaged = file.messages.some((message) => message.fatal && String(message.ruleId).startsWith('source-'));
    if (options.readability && !damaged) readability = checkReadability(mdast, file, options.readability === true ? {} : options.readability);
    // Key points are read too, so they count towards the reading time.
    const wordCount = countWords(hast) + (data.keyPoints ? countWords(data.keyPoints.hast) : 0);
    return finish(file, meta, { hast, references, toc: data.toc, keyPoints: data.keyPoints, careCards: data.careCards, wordCount, dependencies, readability, siteLinks });
  } catch (error) {
    const stackOverflow = error instanceof RangeError && /call stack/i.test(error.message);
    report(
      file,
      stackOverflow ? 'source-too-deep' : 'compile-failed',
      stackOverflow
        ? 'The markdown is nested too deeply to compile'
        : `Internal error while compiling: ${error instanceof Error ? error.message : String(error)}`,
      { line: 1, column: 1 },
    );
    return finish(file, meta, {});
  }
}

/** Frontmatter only (no markdown parsing): fast, for indexes and feeds. Never throws. */
export function readArticleMeta(
  source: string | Uint8Array,
  options: { path: string },
): { meta?: ArticleMeta; diagnostics: Diagnostic[] } {
  const file = new VFile({ path: options.path });
  try {
    const decoded = decodeSource(source);
    for (const issue of decoded.issues) {
      report(file, 'source-invalid-utf8', `The file is not valid UTF-8 (${issue.detail ?? 'invalid byte'})`, { line: issue.line, column: issue.column });
    }
    file.value = decoded.text;
    const frontmatter = readFrontmatter(decoded.text, file, undefined);
    const diagnostics = sortDiagnostics(toDiagnostics(file));
    const metaErrors = diagnostics.some(
      (diagnostic) => diagnostic.severity === 'error' && diagnostic.ruleId.startsWith('frontmatter-'),
    );
    return frontmatter.present && !metaErrors ? { meta: frontmatter.meta, diagnostics } : { diagnostics };
  } catch (error) {
    report(file, 'compile-failed', `Internal error while reading frontmatter: ${(error as Error).message}`, { line: 1, column: 1 });
    return { diagnostics: toDiagnostics(file) };
  }
}
