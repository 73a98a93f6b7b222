import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
// Brings the directive node types (containerDirective…) into mdast's content unions.
import type {} from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { allowedWords, gradeOf, measureText, readingAgeOf } from './measure.js';
import type { ReadabilityCounts } from './measure.js';

export interface ReadabilityOptions {
  /** Highest acceptable Flesch–Kincaid grade (US school grade); default 8, a reading age of about 13. */
  targetGrade?: number;
  /** Paragraphs shorter than this are measured but never warned about (a grade from one sentence is noise). */
  minWords?: number;
  /** Words the site cannot avoid (medical terms, from site.yml `readability.allow`): not hard words. */
  allow?: readonly string[];
}

export const defaultTargetGrade = 8;
export const defaultMinWords = 20;
/**
 * Prose measured per article and per paragraph (about 0.1 ms a word): articles are a few thousand
 * words, so only broken or hostile files reach these, and `check` stays fast on them.
 */
export const maxReadabilityChars = 100_000;
export const maxParagraphChars = 10_000;

export interface ParagraphReadability extends ReadabilityCounts {
  line: number;
  column: number;
  grade: number;
  /** The paragraph's hardest sentence (highest grade), where a rewrite should start. */
  hardestSentence?: string;
  hardestSentenceGrade?: number;
}

/** The article's plain-language figures (headings, quotations, citations and references excluded). */
export interface ArticleReadability extends ReadabilityCounts {
  grade: number;
  readingAge: number;
  wordsPerSentence: number;
  /** Share of words with three syllables or more, in percent. */
  longWordPercent: number;
  targetGrade: number;
  paragraphs: ParagraphReadability[];
  /** Paragraphs above the target grade (and at least minWords long). */
  paragraphsAboveTarget: number;
  /** False when the article was too long to measure whole (see maxReadabilityChars). */
  complete: boolean;
}

/** A quoted passage of four words or more is the source's wording, not the editor's: left out. */
const quotation = /“[^”]*”|"[^"]*"/g;
function withoutQuotations(text: string): string {
  return text.replace(quotation, (quoted) => (quoted.split(/\s+/).length >= 4 ? ' ' : quoted));
}

/** The prose of a paragraph: citation markers, code and images left out. */
function proseOf(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'break') text += ' ';
    else if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference') text += ' ';
    else if ((node.type as string) === 'textDirective') text += '';
    else if ('children' in node) text += proseOf(node.children as PhrasingContent[]);
  }
  return text;
}

/** Paragraphs an editor wrote for patients: not in block quotes or pull quotes (quotations), tables or code. */
function proseParagraphs(tree: Root): Paragraph[] {
  const found: Paragraph[] = [];
  const stack: RootContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type === 'paragraph') {
      found.push(node);
      continue;
    }
    if (node.type === 'blockquote' || node.type === 'table' || node.type === 'heading') continue;
    if (node.type === 'containerDirective' && node.name === 'pullquote') continue;
    if ('children' in node) stack.push(...[...(node.children as RootContent[])].reverse());
  }
  return found;
}

function round(value: number, places = 1): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** A sentence quoted in a message: long ones keep their start and end. */
function shorten(sentence: string, limit = 160): string {
  const text = sentence.replace(/\s+/g, ' ');
  return text.length <= limit ? text : `${text.slice(0, limit * 0.6).trimEnd()} … ${text.slice(-limit * 0.3).trimStart()}`;
}

function list(items: readonly string[], limit = 3): string {
  const unique = [...new Set(items)];
  return unique.slice(0, limit).map((item) => `“${item}”`).join(', ') + (unique.length > limit ? '…' : '');
}

/**
 * Measures the article's prose paragraph by paragraph and warns where a paragraph (readability-paragraph)
 * or the whole article (readability-article) reads above the target grade.
 */
export function checkReadability(tree: Root, file: VFile, options: ReadabilityOptions = {}): ArticleReadability {
  const targetGrade = options.targetGrade ?? defaultTargetGrade;
  const minWords = options.minWords ?? defaultMinWords;
  const allow = allowedWords(options.allow);
  const totals: ReadabilityCounts = { sentences: 0, words: 0, syllables: 0, longWords: 0, passive: 0 };
  const paragraphs: ParagraphReadability[] = [];
  let aboveTarget = 0;
  let budget = maxReadabilityChars;
  let complete = true;
  for (const paragraph of proseParagraphs(tree)) {
    let prose = withoutQuotations(proseOf(paragraph.children));
    if (prose.length > maxParagraphChars) {
      prose = prose.slice(0, maxParagraphChars);
      complete = false;
    }
    if (prose.length > budget) {
      complete = false;
      break;
    }
    budget -= prose.length;
    const measure = measureText(prose, { allow });
    if (measure.words === 0) continue;
    for (const key of Object.keys(totals) as (keyof ReadabilityCounts)[]) totals[key] += measure[key];
    const start = paragraph.position?.start ?? { line: 1, column: 1 };
    paragraphs.push({
      line: start.line,
      column: start.column,
      grade: measure.grade,
      sentences: measure.sentences,
      words: measure.words,
      syllables: measure.syllables,
      longWords: measure.longWords,
      passive: measure.passive,
      ...(measure.hardestSentence ? { hardestSentence: measure.hardestSentence.text, hardestSentenceGrade: measure.hardestSentence.grade } : {}),
    });
    if (measure.words < minWords || !(measure.grade > targetGrade)) continue;
    aboveTarget += 1;
    const hints = [
      `${round(measure.words / measure.sentences)} words per sentence`,
      measure.longWords > 0 ? `long words ${list(measure.longWordList)}` : '',
      measure.passive > 0 ? `passive voice ${list(measure.passivePhrases, 2)}` : '',
      measure.simpler.length > 0 ? `plainer: ${measure.simpler.slice(0, 2).join('; ')}` : '',
      measure.hardestSentence ? `hardest sentence (grade ${measure.hardestSentence.grade}): “${shorten(measure.hardestSentence.text)}”` : '',
    ].filter(Boolean);
    report(
      file,
      'readability-paragraph',
      `Paragraph reads at grade ${measure.grade} (reading age ${readingAgeOf(measure.grade)}), above the target grade ${targetGrade}: ${hints.join('; ')}`,
      paragraph.position,
    );
  }
  const grade = gradeOf(totals);
  const readability: ArticleReadability = {
    ...totals,
    grade,
    readingAge: readingAgeOf(grade),
    wordsPerSentence: totals.sentences > 0 ? round(totals.words / totals.sentences) : 0,
    longWordPercent: totals.words > 0 ? round((100 * totals.longWords) / totals.words) : 0,
    targetGrade,
    paragraphs,
    paragraphsAboveTarget: aboveTarget,
    complete,
  };
  if (grade > targetGrade) {
    report(
      file,
      'readability-article',
      `The article reads at grade ${grade} (reading age ${readability.readingAge}), above the target grade ${targetGrade}: ${readability.wordsPerSentence} words per sentence, ${readability.longWordPercent}% long words, ${totals.passive} passive constructions`,
      { line: 1, column: 1 },
    );
  }
  return readability;
}

/** One line for reports: "grade 11.2 (reading age 16) · 21.3 words per sentence · 14% long words · 9 passive". */
export function formatReadability(readability: ArticleReadability): string {
  const verdict = readability.grade > readability.targetGrade ? `above the target grade ${readability.targetGrade}` : `within the target grade ${readability.targetGrade}`;
  return `grade ${readability.grade} (reading age ${readability.readingAge}), ${verdict} · ${readability.wordsPerSentence} words per sentence · ${readability.longWordPercent}% long words · ${readability.passive} passive · ${readability.paragraphsAboveTarget} of ${readability.paragraphs.length} paragraphs above target${readability.complete ? '' : ` (only the first ${maxReadabilityChars.toLocaleString('en')} characters measured)`}`;
}
