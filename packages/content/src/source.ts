/**
 * Turning untrusted bytes into text the markdown parser can digest quickly and without overflowing the stack.
 * micromark's container handling is recursive and superlinear in nesting depth (10,000 nested lists take
 * minutes and then overflow), its emphasis and link matching is quadratic in the markers of one block, and
 * even escaped markers cost it a token each. So the guards decide here, in one linear scan of the lines,
 * before the parser sees the text: excess list/quote nesting is flattened, and blocks it could only parse
 * slowly (too many inline markers, containers nested past the limit) are left out of what it is given.
 */

export const maxSourceChars = 2_000_000;
/** Estimated container nesting (quotes, list items, indentation, ::: containers) allowed per line. */
export const maxNestingDepth = 32;
/**
 * Nested ::: containers allowed. Articles never need more than one level (a quote inside a callout at
 * most), and micromark re-tokenizes a container's content once per level, so the cost grows with depth.
 */
export const maxContainerDepth = 4;
/**
 * Emphasis delimiter runs, or brackets, allowed in one paragraph-like block. Matching is quadratic in them:
 * a block at the limit costs about as much as compiling the seed article; a real paragraph has a handful.
 */
export const maxInlineMarkersPerBlock = 200;
/**
 * Largest frontmatter block parsed (characters). The seed's, with nine references, is ~4,000; YAML parsing
 * is linear but slow per character, so a 1 MB title would cost more than a whole article.
 */
export const maxFrontmatterChars = 100_000;
/** `[ ]` / `{ }` nesting allowed in the frontmatter: the YAML parser's cost grows steeply past it. */
export const maxFrontmatterFlowDepth = 32;

export interface SourceIssue {
  /** too-deep: list/quote nesting flattened; too-deep-containers and too-complex: the body is refused. */
  kind: 'invalid-utf8' | 'too-deep' | 'too-deep-containers' | 'too-complex';
  line: number;
  column: number;
  detail?: string;
}

export interface DecodedSource {
  text: string;
  issues: SourceIssue[];
  /** Set when the bytes are too many to be an article whatever they decode to: only a prefix was decoded. */
  oversizedBytes?: number;
}

/** UTF-8 takes at most 3 bytes per UTF-16 code unit, so more bytes than this are over `maxSourceChars`. */
const maxSourceBytes = maxSourceChars * 3;

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** Decodes bytes strictly; on invalid UTF-8 reports where, then decodes with replacement characters. */
export function decodeSource(source: string | Uint8Array): DecodedSource {
  if (typeof source === 'string') {
    return { text: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, issues: [] };
  }
  if (source.length > maxSourceBytes) {
    // Decoding 100 MB only to refuse it would cost more than any article: the frontmatter is enough.
    return { text: lenientDecoder.decode(source.subarray(0, maxFrontmatterChars * 3)), issues: [], oversizedBytes: source.length };
  }
  try {
    return { text: fatalDecoder.decode(source), issues: [] };
  } catch {
    const offset = firstInvalidUtf8Offset(source);
    const before = lenientDecoder.decode(source.subarray(0, offset));
    const lines = before.split(/\r\n|\n|\r/);
    const line = lines.length;
    const column = (lines[lines.length - 1] ?? '').length + 1;
    return {
      text: lenientDecoder.decode(source),
      issues: [{ kind: 'invalid-utf8', line, column, detail: `byte offset ${offset}` }],
    };
  }
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead < 0x80) {
      index += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset += 1) {
      const continuation = bytes[index + offset];
      const low = offset === 1 ? min : 0x80;
      const high = offset === 1 ? max : 0xbf;
      if (continuation === undefined || continuation < low || continuation > high) return index;
    }
    index += length;
  }
  return bytes.length;
}

interface LinePrefix {
  /** Length in characters of the container prefix (indentation, `>`, list markers). */
  length: number;
  markers: number;
  indentColumns: number;
  /** The line starts a list item: its text is a new paragraph, parsed on its own. */
  listItem: boolean;
}

function scanPrefix(line: string): LinePrefix {
  let index = 0;
  let column = 0;
  let markers = 0;
  let indentColumns = 0;
  let listItem = false;
  while (index < line.length) {
    const char = line[index];
    if (char === ' ') {
      column += 1;
      indentColumns += 1;
      index += 1;
    } else if (char === '\t') {
      const width = 4 - (column % 4);
      column += width;
      indentColumns += width;
      index += 1;
    } else if (char === '>') {
      markers += 1;
      column += 1;
      index += 1;
    } else {
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(index, index + 11));
      if (!marker) break;
      markers += 1;
      listItem = true;
      column += marker[0].length;
      index += marker[0].length;
    }
  }
  return { length: index, markers, indentColumns, listItem };
}

const fencePattern = /^(`{3,}|~{3,})/;
const containerOpenPattern = /^:{3,}\s*[A-Za-z]/;
const containerClosePattern = /^:{3,}\s*$/;

/**
 * Bounds what the parser is given, in one pass over the lines (frontmatter excluded: YAML is bounded by
 * `maxFrontmatterChars`). Lines nested deeper than `maxNestingDepth` lose their container prefix (their
 * text stays, un-nested: cheap to parse). `:::` containers nested deeper than `maxContainerDepth` and
 * blocks with more than `maxInlineMarkersPerBlock` emphasis markers or brackets are reported as
 * `refusing` issues: the parser would spend seconds on them, even escaped or blanked, so the body is not
 * parsed at all (see compileArticle).
 */
export function limitComplexity(text: string, bodyStart = 0): DecodedSource {
  const parts = text.split(/(\r\n|\n|\r)/);
  const issues: SourceIssue[] = [];
  const reported = new Set<SourceIssue['kind']>();
  const add = (issue: SourceIssue) => {
    if (reported.has(issue.kind)) return;
    reported.add(issue.kind);
    issues.push(issue);
  };
  let fence: string | undefined;
  let containerDepth = 0;
  let blockStart = 0; // line number of the first line of the current block; 0 outside blocks
  let blockMarkers = 0;
  let blockBrackets = 0;
  let offset = 0;

  const closeBlock = () => {
    if (blockStart > 0 && (blockMarkers > maxInlineMarkersPerBlock || blockBrackets > maxInlineMarkersPerBlock)) {
      const brackets = blockBrackets > blockMarkers;
      add({ kind: 'too-complex', line: blockStart, column: 1, detail: `${brackets ? blockBrackets : blockMarkers} ${brackets ? 'brackets' : 'emphasis markers'}` });
    }
    blockStart = 0;
    blockMarkers = 0;
    blockBrackets = 0;
  };

  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index] ?? '';
    const lineStart = offset;
    offset += line.length + (parts[index + 1]?.length ?? 0);
    if (lineStart < bodyStart) continue;
    const lineNumber = index / 2 + 1;
    const prefix = scanPrefix(line);
    const rest = line.slice(prefix.length);

    if (prefix.markers + Math.floor(prefix.indentColumns / 2) > maxNestingDepth) {
      add({ kind: 'too-deep', line: lineNumber, column: 1 });
      parts[index] = rest;
    }

    const fenceMatch = fencePattern.exec(rest);
    if (fence !== undefined) {
      if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch?.[1]) {
      closeBlock();
      fence = fenceMatch[1];
      continue;
    }
    if (containerOpenPattern.test(rest)) {
      containerDepth += 1;
      if (containerDepth > maxContainerDepth) add({ kind: 'too-deep-containers', line: lineNumber, column: 1 });
    } else if (containerClosePattern.test(rest) && containerDepth > 0) {
      containerDepth -= 1;
    }

    if (rest.trim() === '' || prefix.listItem) closeBlock();
    if (rest.trim() === '') continue;
    if (blockStart === 0) blockStart = lineNumber;
    blockMarkers += countMatches(rest, /[*_]+/g);
    blockBrackets += countMatches(rest, /[[\]]/g);
  }
  closeBlock();
  return { text: parts.join(''), issues };
}

/** Issues that stop the body from being parsed at all. */
export const refusingIssueKinds: ReadonlySet<SourceIssue['kind']> = new Set(['too-deep-containers', 'too-complex']);

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) count += 1;
  return count;
}

/**
 * Offset of the first `[` or `{` in `yaml` nested deeper than `maxFrontmatterFlowDepth` (outside quotes
 * and comments), or -1. A linear scan, so 10,000 nested brackets are refused before the YAML parser sees them.
 */
export function excessFlowNesting(yaml: string, maxDepth = maxFrontmatterFlowDepth): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < yaml.length; index += 1) {
    const char = yaml[index];
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") {
      // A quote starts a quoted scalar only where a value can start (not inside a plain word: it's).
      const before = yaml[index - 1];
      if (before === undefined || /[\s:,[{-]/.test(before)) quote = char;
    } else if (char === '#' && (index === 0 || /\s/.test(yaml[index - 1] ?? ''))) {
      const end = yaml.indexOf('\n', index);
      index = end < 0 ? yaml.length : end;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth -= 1;
    }
  }
  return -1;
}
