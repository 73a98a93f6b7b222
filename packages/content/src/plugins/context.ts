import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { SourceReference } from '../frontmatter-references.js';
import type { ArticleKeyPoints, CareCardEntry, TocEntry } from '../types.js';

/** Per-file state shared by the plugins through `file.data.cited` (the processor itself is reused). */
export interface CitedFileData {
  references: SourceReference[];
  /** Ids of `references`, for constant-time lookups per citation. */
  referenceIds: Set<string>;
  /** Reference key → number, in order of first citation. */
  numbers: Map<string, number>;
  /** Reference key → citation marker ids, in document order. */
  backlinks: Map<string, string[]>;
  markerCount: number;
  toc: TocEntry[];
  /** Where each reference was first cited, for diagnostics. */
  firstCitation: Map<string, Position | undefined>;
  /** Line of the first `:::key-points` (a second one is an error). */
  keyPointsAt?: number;
  /** The key points, taken out of the body by rehypeKeyPoints. */
  keyPoints?: ArticleKeyPoints;
  /** Care cards in document order, given ids by rehypeCitedHeadings. */
  careCards: CareCardEntry[];
}

export function createCitedData(references: SourceReference[]): CitedFileData {
  return { references, referenceIds: new Set(references.map((reference) => reference.id)), numbers: new Map(), backlinks: new Map(), markerCount: 0, toc: [], firstCitation: new Map(), careCards: [] };
}

export function citedData(file: VFile): CitedFileData {
  const data = (file.data as { cited?: CitedFileData }).cited;
  if (!data) throw new Error('cited-content plugins need file.data.cited (use compileArticle)');
  return data;
}

export { citationIdPrefix, referenceIdPrefix } from '../ids.js';
