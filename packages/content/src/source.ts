/**
 * Turning untrusted bytes into text the markdown parser can digest quickly and without overflowing the stack.
 * micromark's container handling is recursive and superlinear in nesting depth (10,000 nested lists take
 * minutes and then overflow), so nesting is bounded here, before parsing, by a cheap line scan.
 */

export const maxSourceChars = 2_000_000;
/** Estimated container nesting (quotes, list items, indentation, ::: containers) allowed per line. */
export const maxNestingDepth = 32;
/**
 * Nested ::: containers allowed. Articles never need more than one level (a quote inside a callout at
 * most), and micromark re-tokenizes a container's content once per level, so the cost grows with depth.
 */
export const maxContainerDepth = 4;
/** Emphasis delimiter runs or brackets allowed in one paragraph-like block before they are escaped. */
export const maxInlineMarkersPerBlock = 1000;

export interface SourceIssue {
  kind: 'invalid-utf8' | 'too-deep' | 'too-complex';
  line: number;
  column: number;
  detail?: string;
}

export interface DecodedSource {
  text: string;
  issues: SourceIssue[];
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** Decodes bytes strictly; on invalid UTF-8 reports where, then decodes with replacement characters. */
export function decodeSource(source: string | Uint8Array): DecodedSource {
  if (typeof source === 'string') {
    return { text: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, issues: [] };
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
}

function scanPrefix(line: string): LinePrefix {
  let index = 0;
  let column = 0;
  let markers = 0;
  let indentColumns = 0;
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
      column += marker[0].length;
      index += marker[0].length;
    }
  }
  return { length: index, markers, indentColumns };
}

const fencePattern = /^(`{3,}|~{3,})/;
const containerOpenPattern = /^:{3,}\s*[A-Za-z]/;
const containerClosePattern = /^:{3,}\s*$/;

/**
 * Bounds block nesting and inline marker counts. Lines nested deeper than `maxNestingDepth` lose their
 * container prefix (their text stays, un-nested); directive containers deeper than the limit are escaped;
 * blocks with pathological numbers of emphasis markers or brackets get those characters escaped.
 */
export function limitComplexity(text: string): DecodedSource {
  const parts = text.split(/(\r\n|\n|\r)/);
  const issues: SourceIssue[] = [];
  let fence: string | undefined;
  let containerDepth = 0;
  let reportedDeep = false;
  let blockStart = -1; // index into parts of the first line of the current block
  let blockMarkers = 0;
  let blockBrackets = 0;

  const closeBlock = (endIndex: number) => {
    if (blockStart >= 0 && (blockMarkers > maxInlineMarkersPerBlock || blockBrackets > maxInlineMarkersPerBlock)) {
      issues.push({ kind: 'too-complex', line: blockStart / 2 + 1, column: 1 });
      for (let index = blockStart; index < endIndex; index += 2) {
        parts[index] = (parts[index] ?? '').replace(/(?<!\\)([*_[\]])/g, '\\$1');
      }
    }
    blockStart = -1;
    blockMarkers = 0;
    blockBrackets = 0;
  };

  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index] ?? '';
    const lineNumber = index / 2 + 1;
    const prefix = scanPrefix(line);
    let rest = line.slice(prefix.length);

    if (prefix.markers + Math.floor(prefix.indentColumns / 2) > maxNestingDepth) {
      if (!reportedDeep) {
        issues.push({ kind: 'too-deep', line: lineNumber, column: 1 });
        reportedDeep = true;
      }
      parts[index] = rest;
    }

    const fenceMatch = fencePattern.exec(rest);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch?.[1]) {
      closeBlock(index);
      fence = fenceMatch[1];
      continue;
    }

    if (containerOpenPattern.test(rest)) {
      containerDepth += 1;
      if (containerDepth > maxContainerDepth) {
        if (!reportedDeep) {
          issues.push({ kind: 'too-deep', line: lineNumber, column: 1 });
          reportedDeep = true;
        }
        rest = `\\${rest}`;
        parts[index] = rest;
      }
    } else if (containerClosePattern.test(rest) && containerDepth > 0) {
      containerDepth -= 1;
    }

    if (rest.trim() === '') {
      closeBlock(index);
      continue;
    }
    if (blockStart < 0) blockStart = index;
    blockMarkers += (rest.match(/[*_]+/g) ?? []).length;
    blockBrackets += (rest.match(/[[\]]/g) ?? []).length;
  }
  closeBlock(parts.length);
  return { text: parts.join(''), issues };
}
