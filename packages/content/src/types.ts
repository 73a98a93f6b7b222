import type { Root } from 'hast';
import type { Root as MarkdownRoot } from 'mdast';
import type { CareLevel } from './plugins/care.js';
import type { ArticleReadability, ReadabilityOptions } from './readability/report.js';

/** One finding about an article, positioned in its source file (1-based line and column). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface ArticleCta {
  heading: string;
  body?: string;
  href: string;
  label: string;
}

export interface ArticleMeta {
  title: string;
  description: string;
  slug: string;
  category: string;
  tags: string[];
  /** ISO date 'YYYY-MM-DD'. */
  published: string;
  updated?: string;
  author?: string;
  reviewedBy?: string;
  lastReviewed?: string;
  nextReviewDue?: string;
  cta?: ArticleCta;
  /** A conflict of interest, in plain words (required when the author or publisher offers what the article discusses). */
  disclosure?: string;
  /** Never listed, fed, mapped or served in production; previewed with a banner in dev. */
  draft?: boolean;
  /** Earlier URLs (slugs) of the article: each answers a 301 to it (`redirectFrom:`). */
  redirectFrom?: string[];
}

export const referenceTypes = ['article-journal', 'book', 'chapter', 'report', 'webpage'] as const;
export type ReferenceType = (typeof referenceTypes)[number];

/**
 * Structurally identical to @cited/ui's ReferenceData, declared here so the core has no UI dependency.
 */
export interface NumberedReference {
  id: string;
  number: number;
  type?: ReferenceType;
  authors?: readonly string[];
  title?: string;
  journal?: string;
  year?: number | string;
  month?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  pmid?: string;
  url?: string;
  note?: string;
  /** DOM ids of the citation markers citing this reference, in document order. */
  backlinks?: readonly string[];
}

/** A same-site link written in an article (markdown link or CTA href), where it was written. */
export interface SiteLink {
  href: string;
  line: number;
  column: number;
}

/** A care card in the body (`:::care`), for the table of contents and the site's care-card rules. */
export interface CareCardEntry {
  id: string;
  level: CareLevel;
  heading: string;
}

/** The article's `:::key-points`, taken out of the body so the page can show them before the contents. */
export interface ArticleKeyPoints {
  /** The container's label, when it has one (the component's default heading otherwise). */
  heading?: string;
  /** Sanitized hast of the list, rendered like the body. */
  hast: Root;
}

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface Article {
  meta: ArticleMeta;
  /** Cited references numbered by first citation (Vancouver), then uncited ones in frontmatter order. */
  references: NumberedReference[];
  toc: TocEntry[];
  /** `:::key-points`, when the article has them (not part of `hast`). */
  keyPoints?: ArticleKeyPoints;
  /** Every `:::care` card, in document order (they are also in `toc` when at the top level). */
  careCards: CareCardEntry[];
  wordCount: number;
  readingTimeMinutes: number;
  /** Sanitized hast, ready to render (custom `cited-*` elements for the components). */
  hast: Root;
  diagnostics: Diagnostic[];
  /** Same-site links (paths and anchors), for site-wide link checks; anchors are checked by the compile. */
  siteLinks: SiteLink[];
  /** True when there is no error diagnostic. */
  ok: boolean;
  sourcePath: string;
  /** Plain-language figures, when CompileOptions.readability asked for them. */
  readability?: ArticleReadability;
  /** Other files the article was compiled from (its `bibliography:` files), as passed to readFile. */
  dependencies?: string[];
}

export interface CompileOptions {
  path: string;
  /** Reference time for date checks such as review-overdue (default: the current time). */
  now?: Date;
  /**
   * Reads a `bibliography:` file (path resolved against `path`); throw when it cannot. Without it an
   * article naming a bibliography reports bibliography-not-found. Kept as an option so compiling stays
   * pure and runs anywhere (tests pass a map, the CLI and the blog pass readFileSync).
   */
  readFile?: (path: string) => string | Uint8Array;
  /**
   * Measure readability and warn above a target grade (readability-paragraph, readability-article).
   * Off by default (it is for editors, not for rendering); `cited-content check` turns it on.
   */
  readability?: boolean | ReadabilityOptions;
  /**
   * Called once with the parsed markdown (frontmatter included as a `yaml` node), before the
   * transform changes it, so a caller can read the tree without parsing the source again (the
   * store takes each article's searchable text from it). Must not change the tree.
   */
  onMarkdownTree?: (tree: Readonly<MarkdownRoot>) => void;
}
