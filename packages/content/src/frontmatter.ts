// The frontmatter block: found at the start of the file, parsed as YAML (one plain error where the
// mistake is), and its fields validated into ArticleMeta. Its references: frontmatter-references.ts.
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { report } from './diagnostics.js';
import { excessFlowNesting, maxFrontmatterChars, maxFrontmatterFlowDepth } from './source.js';
import { explainYamlError } from './yaml-errors.js';
import { didYouMean } from './suggest.js';
import { readReferences, type SourceReference } from './frontmatter-references.js';
import type { RuleId } from './diagnostics.js';
import { dateMetaFields, metaFieldSchemas, requiredMetaFields, slugPattern } from './schema.js';
import type { MetaField } from './schema.js';
import type { ArticleMeta } from './types.js';
import type { BibliographyPath } from './bibliography/load.js';

export interface FrontmatterResult {
  meta: ArticleMeta;
  references: SourceReference[];
  /** True when a frontmatter block was found (even if invalid). */
  present: boolean;
  /** True when the block was too large to parse: the body cannot be checked against it. */
  tooLarge?: boolean;
  /** Where the slug was declared (for slug-duplicate), else the start of the file. */
  slugPosition: Position;
  /** `bibliography:` files, relative to the article, in the order given. */
  bibliography: BibliographyPath[];
  /** The YAML could not be read: nothing that depends on it (references, fields) is checked. */
  failed?: boolean;
  /** Where the frontmatter CTA's href was written, for link checks. */
  ctaHrefPosition?: Position;
  /** Where each `redirectFrom:` slug was written (redirect-shadows-article). */
  redirectFromPositions?: Position[];
}

const frontmatterOpen = /^---[ \t]*(?:\r\n|\n|\r)/;
const frontmatterClose = /^---[ \t]*$/m;

/** Splits `---\n yaml \n---` off the start of the text; offsets are into `text`. */
export function splitFrontmatter(text: string): { yaml: string; yamlOffset: number; end: number } | undefined {
  const open = frontmatterOpen.exec(text);
  if (!open) return undefined;
  const yamlOffset = open[0].length;
  // An empty frontmatter block closes on the very next line.
  const rest = text.slice(yamlOffset);
  const close = frontmatterClose.exec(rest);
  if (!close) return undefined;
  const yamlEnd = yamlOffset + close.index;
  return { yaml: text.slice(yamlOffset, yamlEnd), yamlOffset, end: yamlEnd + close[0].length };
}

const startOfFile: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } };

/** The file name without folders or extension ("a/b/my-article.md" → "my-article"); no node:path, so compiling also runs in a browser (Storybook). */
function slugFromPath(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

type FrontmatterBlock = NonNullable<ReturnType<typeof splitFrontmatter>>;

/** The parsed YAML mapping, with where each of its nodes was written in the file. */
interface ParsedYaml {
  doc: Document;
  record: Record<string, unknown>;
  toPosition: (range: readonly number[] | undefined) => Position;
  rootPosition: Position;
  nodePosition: (path: readonly (string | number)[]) => Position;
}

/**
 * Parses the block as a YAML mapping, or reports why it cannot be read (`failed`: the YAML itself
 * is invalid, so nothing that depends on it is checked).
 */
function parseYamlBlock(text: string, block: FrontmatterBlock, file: VFile): ParsedYaml | { failed: boolean } {
  const place = location(text.slice(0, block.end));
  const toPosition = (range: readonly number[] | undefined): Position => {
    const start = place.toPoint(block.yamlOffset + (range?.[0] ?? 0));
    const end = place.toPoint(block.yamlOffset + (range?.[1] ?? range?.[0] ?? 0));
    return start && end ? { start, end } : startOfFile;
  };

  const tooDeep = excessFlowNesting(block.yaml);
  if (tooDeep >= 0) {
    report(file, 'frontmatter-invalid', `Brackets are nested more than ${maxFrontmatterFlowDepth} levels deep here; the frontmatter is not parsed`, toPosition([tooDeep, tooDeep + 1]));
    return { failed: false };
  }
  const doc = parseDocument(block.yaml, { prettyErrors: false, uniqueKeys: true });
  const [firstError] = doc.errors;
  if (firstError) {
    const explained = explainYamlError(block.yaml, firstError);
    if ('line' in explained.place) {
      const yamlStart = place.toPoint(block.yamlOffset);
      const line = (yamlStart?.line ?? 2) + explained.place.line - 1;
      report(file, 'frontmatter-invalid', `Invalid YAML: ${explained.message}`, { line, column: explained.place.column });
    } else {
      report(file, 'frontmatter-invalid', `Invalid YAML: ${explained.message}`, toPosition(explained.place.range));
    }
    return { failed: true };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report(file, 'frontmatter-invalid', `Invalid YAML: ${(error as Error).message}`, startOfFile);
    return { failed: false };
  }
  const rootPosition = toPosition(doc.contents?.range ?? [0, 0]);
  if (data === null || data === undefined) data = {};
  const contentsIsMap = doc.contents === null || isMap(doc.contents);
  if (typeof data !== 'object' || Array.isArray(data) || !contentsIsMap) {
    report(file, 'frontmatter-invalid', 'The frontmatter must be a mapping of `key: value` lines', rootPosition);
    return { failed: false };
  }
  const record = data as Record<string, unknown>;
  const nodePosition = (path: readonly (string | number)[]): Position => {
    const node = doc.getIn(path, true) as YamlNode | undefined;
    return node?.range ? toPosition(node.range) : rootPosition;
  };
  return { doc, record, toPosition, rootPosition, nodePosition };
}

/** Unknown keys, required fields, and each known field parsed into `meta` (or reported where it was written). */
function readMetaFields(yaml: ParsedYaml, file: VFile, result: FrontmatterResult): void {
  const { doc, record, toPosition, rootPosition, nodePosition } = yaml;
  const meta = result.meta;
  for (const key of Object.keys(record)) {
    if (!(key in metaFieldSchemas)) {
      report(file, 'frontmatter-unknown-key', `Unknown frontmatter key \`${key}\` (ignored)${didYouMean(key, Object.keys(metaFieldSchemas))}`, keyPosition(doc, key, toPosition) ?? rootPosition);
    }
  }

  for (const field of requiredMetaFields) {
    const value = record[field];
    if (value === undefined || value === null || value === '') {
      const ruleId: RuleId = field === 'title' ? 'frontmatter-missing-title' : 'frontmatter-invalid';
      report(file, ruleId, `The frontmatter has no \`${field}\``, rootPosition);
    }
  }

  const metaRecord = meta as unknown as Record<string, unknown>;
  for (const field of Object.keys(metaFieldSchemas) as MetaField[]) {
    const value = record[field];
    if (value === undefined || value === null || field === 'references') continue;
    const parsed = metaFieldSchemas[field].safeParse(value);
    if (parsed.success && field === 'bibliography') {
      const paths = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
      result.bibliography = paths.map((path, index) => ({ path: String(path), position: nodePosition(Array.isArray(value) ? [field, index] : [field]) }));
      continue;
    }
    if (parsed.success && field === 'redirectFrom') {
      const slugs = Array.isArray(parsed.data) ? parsed.data.map(String) : [String(parsed.data)];
      meta.redirectFrom = slugs;
      result.redirectFromPositions = slugs.map((_slug, index) => nodePosition(Array.isArray(value) ? [field, index] : [field]));
      continue;
    }
    if (parsed.success) {
      metaRecord[field] = parsed.data;
      continue;
    }
    const issue = parsed.error.issues[0];
    const ruleId: RuleId =
      field === 'slug' || field === 'redirectFrom' ? 'frontmatter-invalid-slug' : dateMetaFields.has(field) ? 'frontmatter-invalid-date' : 'frontmatter-invalid';
    // Inside a list or mapping: the item's value and place ("item 2"), not an index.
    const inner = (issue?.path ?? []).reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), value);
    const where = issue && issue.path.length > 0 ? ` (${issue.path.map((key) => (typeof key === 'number' ? `item ${key + 1}` : String(key))).join(', ')})` : '';
    const shownValue = typeof value === 'string' ? value : typeof inner === 'string' ? inner : undefined;
    const shown = shownValue === undefined ? '' : ` "${shownValue}"`;
    report(file, ruleId, `\`${field}\`${shown}${where} ${issue?.message ?? 'is invalid'}`, nodePosition([field, ...((issue?.path ?? []) as (string | number)[])]));
  }
}

/** Longer is a mistake (body text pasted into it), not a title: every list and result repeats it. */
export const maxTitleChars = 200;

/**
 * Parses and validates the frontmatter, reporting every problem to `file` at the YAML node it concerns.
 * Always returns a usable (possibly placeholder) meta so the body can still be checked and rendered.
 */
export function readFrontmatter(text: string, file: VFile, now: Date | undefined): FrontmatterResult {
  const fallbackSlug = slugFromPath(file.path);
  const meta: ArticleMeta = {
    title: fallbackSlug,
    description: '',
    slug: fallbackSlug,
    category: '',
    tags: [],
    published: '',
  };
  const result: FrontmatterResult = { meta, references: [], present: false, slugPosition: startOfFile, bibliography: [] };
  const block = splitFrontmatter(text);
  if (!block) {
    const message = frontmatterOpen.test(text)
      ? 'The frontmatter block opened with `---` is never closed with a `---` line'
      : 'Expected a YAML frontmatter block (between `---` lines) at the start of the file, with at least a title';
    report(file, 'frontmatter-missing', message, startOfFile);
    checkSlug(meta.slug, undefined, file);
    return result;
  }
  result.present = true;
  if (block.yaml.length > maxFrontmatterChars) {
    // Refused before YAML parsing: a huge block costs more to parse than any article.
    report(file, 'frontmatter-too-large', `The frontmatter is ${block.yaml.length} characters long; the maximum is ${maxFrontmatterChars}. Move long text into the body`, startOfFile);
    result.tooLarge = true;
    return result;
  }
  const yaml = parseYamlBlock(text, block, file);
  if (!('doc' in yaml)) {
    if (yaml.failed) result.failed = true;
    return result;
  }
  const { doc, record, nodePosition } = yaml;
  readMetaFields(yaml, file, result);
  const titleLength = [...meta.title].length;
  if (titleLength > maxTitleChars) {
    report(file, 'title-too-long', `The title is ${titleLength} characters long; keep it to ${maxTitleChars} at most (lists, search results and browser tabs show about 60): is body text in it?`, nodePosition(['title']));
  }

  if (meta.cta) result.ctaHrefPosition = nodePosition(['cta', 'href']);
  if (record.slug === undefined || record.slug === null) checkSlug(meta.slug, undefined, file);
  else result.slugPosition = nodePosition(['slug']);

  if (meta.nextReviewDue && now) {
    const today = now.toISOString().slice(0, 10);
    if (meta.nextReviewDue < today) {
      report(file, 'review-overdue', `The medical review was due on ${meta.nextReviewDue} (today is ${today})`, nodePosition(['nextReviewDue']));
    }
  }

  if (record.references !== undefined && record.references !== null) {
    if (!Array.isArray(record.references) || !isSeq(doc.get('references', true))) {
      report(file, 'frontmatter-invalid', '`references` must be a list of references', nodePosition(['references']));
    } else {
      result.references = readReferences(record.references, file, nodePosition);
    }
  }
  return result;
}

function keyPosition(
  doc: Document,
  key: string,
  toPosition: (range: readonly number[] | undefined) => Position,
): Position | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (keyNode && (keyNode as { value?: unknown }).value === key && keyNode.range) return toPosition(keyNode.range);
  }
  return undefined;
}

function checkSlug(slug: string, position: Position | undefined, file: VFile): void {
  if (!slugPattern.test(slug)) {
    report(
      file,
      'frontmatter-invalid-slug',
      `The file name "${slug}" is not a URL-safe slug: rename the file or set \`slug\` (lower-case letters, digits and single hyphens)`,
      position ?? startOfFile,
    );
  }
}
