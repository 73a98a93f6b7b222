// The compile pipeline: source guards, frontmatter, references, then the markdown through the
// remark/rehype plugins into a validated Article (trees: markdown-tree.ts; result: compile-result.ts).
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { loadReferences } from './bibliography/load.js';
import { dropFollowOnErrors, fallbackMeta, finishArticle, numberReferences, otherFileDiagnostics } from './compile-result.js';
import { report, sortDiagnostics, toDiagnostics } from './diagnostics.js';
import { readFrontmatter, splitFrontmatter } from './frontmatter.js';
import type { FrontmatterResult } from './frontmatter.js';
import { countWords, limitTreeDepth, parseMarkdown, stripPositions } from './markdown-tree.js';
import { remarkClaims } from './plugins/claims.js';
import { createCitedData } from './plugins/context.js';
import type { CitedFileData } from './plugins/context.js';
import { remarkCitedDirectives } from './plugins/directives.js';
import { processImages } from './plugins/images.js';
import { remarkPandocCitations } from './plugins/pandoc-citations.js';
import { checkAnchors, collectSiteLinks, isRelativeLink, isSameSiteLink, reportRelativeLink } from './plugins/links.js';
import { checkUnclosedContainers } from './plugins/unclosed.js';
import { rehypeKeyPoints } from './plugins/key-points.js';
import { rehypeCitedHeadings } from './plugins/headings.js';
import { rehypeSameSiteImages, remarkSafety } from './plugins/safety.js';
import { rehypeTableRegions } from './plugins/tables.js';
import { sanitizeSchema } from './plugins/sanitize-schema.js';
import { checkReadability } from './readability/report.js';
import type { ArticleReadability } from './readability/report.js';
import { decodeSource, limitComplexity, maxContainerDepth, maxInlineMarkersPerBlock, maxNestingDepth, maxSourceChars, refusingIssueKinds } from './source.js';
import { referenceIdPrefix } from './ids.js';
import type { Article, ArticleMeta, CompileOptions, Diagnostic } from './types.js';

export { maxTreeDepth } from './markdown-tree.js';
export { wordsPerMinute } from './compile-result.js';

// Built once and reused: per-file state travels in file.data.cited.
const transformer = unified()
  .use(remarkSafety)
  .use(remarkPandocCitations)
  .use(remarkCitedDirectives)
  .use(remarkClaims)
  .use(remarkRehype, { clobberPrefix: '', allowDangerousHtml: false })
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeTableRegions)
  .use(rehypeKeyPoints)
  .use(rehypeSameSiteImages)
  .use(rehypeCitedHeadings)
  .freeze();

/** The source, decoded and limited, or the meta of a file refused before parsing (its frontmatter still checked). */
type GuardedSource = { text: string } | { refused: ArticleMeta };

/** Decodes the source and applies the size and complexity limits, reporting each problem. */
function guardSource(source: string | Uint8Array, file: VFile, now: Date): GuardedSource {
  const decoded = decodeSource(source);
  for (const issue of decoded.issues) {
    report(file, 'source-invalid-utf8', `The file is not valid UTF-8 (${issue.detail ?? 'invalid byte'}); invalid bytes are shown as \uFFFD`, {
      line: issue.line,
      column: issue.column,
    });
  }
  if (decoded.oversizedBytes !== undefined || decoded.text.length > maxSourceChars) {
    file.value = decoded.text;
    const { meta } = readFrontmatter(decoded.text, file, now);
    const size = decoded.oversizedBytes !== undefined ? `${decoded.oversizedBytes} bytes` : `${decoded.text.length} characters`;
    report(file, 'source-too-large', `The article is ${size} long; the maximum is ${maxSourceChars} characters. The body is not rendered`, {
      line: 1,
      column: 1,
    });
    return { refused: meta };
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
  file.value = limited.text;
  if (limited.issues.some((issue) => refusingIssueKinds.has(issue.kind))) {
    // Refused before parsing: the frontmatter is still checked, so its problems are reported too.
    return { refused: readFrontmatter(limited.text, file, now).meta };
  }
  return { text: limited.text };
}

/** The body: references loaded, markdown parsed and transformed, then the checks that need the whole article. */
function compileBody(text: string, frontmatter: FrontmatterResult, file: VFile, options: CompileOptions): Article {
  const meta = frontmatter.meta;
  const loaded = loadReferences(frontmatter.references, frontmatter.bibliography, { articlePath: options.path, readFile: options.readFile }, file);
  otherFileDiagnostics(file).push(...loaded.fileDiagnostics);
  const dependencies = [...loaded.dependencies];
  const data = createCitedData(loaded.references);
  (file.data as { cited?: CitedFileData }).cited = data;

  let mdast: MdastRoot;
  try {
    mdast = parseMarkdown(text);
  } catch (error) {
    if (error instanceof RangeError) {
      report(file, 'source-too-deep', 'The markdown is nested too deeply to parse', { line: 1, column: 1 });
      return finishArticle(file, meta, { dependencies });
    }
    throw error;
  }
  limitTreeDepth(mdast, file);
  options.onMarkdownTree?.(mdast);
  checkUnclosedContainers(mdast, text, file);
  dependencies.push(...processImages(mdast, file, { articlePath: options.path, readFile: options.readFile }));
  const siteLinks = collectSiteLinks(mdast, file);
  if (meta.cta && isRelativeLink(meta.cta.href)) reportRelativeLink(file, meta.cta.href, frontmatter.ctaHrefPosition);
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
  return finishArticle(file, meta, { hast, references, toc: data.toc, keyPoints: data.keyPoints, careCards: data.careCards, wordCount, dependencies, readability, siteLinks });
}

/**
 * Markdown + YAML frontmatter → a validated, typed Article. Never throws: every failure, including
 * internal ones, becomes a diagnostic and `ok: false`.
 */
export function compileArticle(source: string | Uint8Array, options: CompileOptions): Article {
  const file = new VFile({ path: options.path });
  let meta = fallbackMeta(options.path);
  try {
    const now = options.now ?? new Date();
    const guarded = guardSource(source, file, now);
    if ('refused' in guarded) {
      meta = guarded.refused;
      return finishArticle(file, meta, {});
    }
    const frontmatter = readFrontmatter(guarded.text, file, now);
    meta = frontmatter.meta;
    // Without its references the body would only report follow-on errors (every citation "unknown").
    if (frontmatter.tooLarge) return finishArticle(file, meta, {});
    return compileBody(guarded.text, frontmatter, file, options);
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
    return finishArticle(file, meta, {});
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
