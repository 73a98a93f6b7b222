import { splitFrontmatter } from './frontmatter.js';

/**
 * Splitting long articles for parsing. micromark keeps every event of the document alive until it
 * builds the tree, so one 1.5 MB parse holds hundreds of MB and its garbage collection grows faster
 * than the input (the benchmark showed 100× the seed costing ~3× more per KB). Parsing section by
 * section keeps memory per parse bounded and the total linear.
 *
 * A split is only made where it cannot change the result: before an ATX heading at column 0 that
 * follows a blank line, outside fenced code and ::: containers (such a heading closes every open list,
 * quote and paragraph anyway). Documents with link/footnote definitions or HTML blocks are parsed
 * whole: definitions are resolved across the document, and HTML blocks such as comments can span
 * blank lines.
 */
export const minChunkChars = 64 * 1024;

export interface Chunk {
  text: string;
  /** Character offset of the chunk in the document. */
  offset: number;
  /** 1-based line of the chunk's first line. */
  line: number;
}

const unsplittable = /^[ \t]{0,3}(?:\[[^\]\n]+\]:|<)/m;

export function splitIntoChunks(text: string, chunkChars = minChunkChars): Chunk[] {
  if (text.length < chunkChars * 2 || unsplittable.test(text)) return [{ text, offset: 0, line: 1 }];
  const chunks: Chunk[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let chunkStart = 0;
  let chunkLine = 1;
  let lineStart = 0;
  let lineNumber = 1;
  let previousBlank = true;
  let fence: string | undefined;
  let containerDepth = 0;
  const bodyStart = splitFrontmatter(text)?.end ?? 0;

  while (lineStart < text.length) {
    lineBreak.lastIndex = lineStart;
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    const next = match ? match.index + match[0].length : text.length;
    const line = text.slice(lineStart, lineEnd);

    if (lineStart >= bodyStart) {
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence !== undefined) {
        if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      } else if (fenceMatch?.[1]) {
        fence = fenceMatch[1];
      } else if (/^:{3,}\s*[A-Za-z]/.test(line)) {
        containerDepth += 1;
      } else if (/^:{3,}\s*$/.test(line) && containerDepth > 0) {
        containerDepth -= 1;
      } else if (
        previousBlank &&
        containerDepth === 0 &&
        /^#{1,6}(?:[ \t]|$)/.test(line) &&
        lineStart - chunkStart >= chunkChars
      ) {
        chunks.push({ text: text.slice(chunkStart, lineStart), offset: chunkStart, line: chunkLine });
        chunkStart = lineStart;
        chunkLine = lineNumber;
      }
    }
    previousBlank = line.trim() === '';
    lineStart = next;
    lineNumber += 1;
  }
  chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine });
  return chunks;
}
