import { fleschKincaid } from 'flesch-kincaid';
import type { Root as NlcstRoot, Sentence, Word } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import { syllable } from 'syllable';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isFalseSwap } from './false-swaps.js';

/** Counts behind the figures, so paragraphs add up to an article. */
export interface ReadabilityCounts {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of three syllables or more (the "hard words" of SMOG and Gunning fog). */
  longWords: number;
  /** Passive constructions found by retext-passive ("were included"). */
  passive: number;
}

export interface TextMeasure extends ReadabilityCounts {
  /** Flesch–Kincaid grade level (US school grade); NaN when there is no word. */
  grade: number;
  passivePhrases: string[];
  longWordList: string[];
  /** retext-simplify: wordy phrases with their plainer replacements ("`approximately` → `about`"). */
  simpler: string[];
  /** The sentence with the highest grade, where an editor should start. */
  hardestSentence?: { text: string; grade: number };
}

export interface MeasureOptions {
  /**
   * Words the text cannot avoid (a site's medical terms), lower-case: never hard words, and
   * counted as at most two syllables, like an everyday word. A plural ("injections") counts too.
   */
  allow?: ReadonlySet<string>;
}

/** Lower-cased words of an allow list ("platelet-rich plasma" → platelet, rich, plasma). */
export function allowedWords(allow: Iterable<string> = []): Set<string> {
  const words = new Set<string>();
  for (const entry of allow) for (const word of entry.toLowerCase().split(/[^\p{L}\p{N}']+/u)) if (word !== '') words.add(word);
  return words;
}

function isAllowed(word: string, allow: ReadonlySet<string> | undefined): boolean {
  if (!allow || allow.size === 0) return false;
  const lower = word.toLowerCase();
  return allow.has(lower) || (lower.endsWith('s') && allow.has(lower.slice(0, -1))) || (lower.endsWith('es') && allow.has(lower.slice(0, -2)));
}

const beVerbs = new Set(['am', 'are', 'is', 'was', 'were', 'be', 'been', 'being']);
const analyser = unified().use(retextEnglish).use(retextPassive).use(retextSimplify).freeze();

/** Flesch–Kincaid grade from counts, rounded to one decimal (NaN without words or sentences). */
export function gradeOf(counts: Pick<ReadabilityCounts, 'sentences' | 'words' | 'syllables'>): number {
  const grade = fleschKincaid({ sentence: counts.sentences, word: counts.words, syllable: counts.syllables });
  return Number.isFinite(grade) ? Math.round(grade * 10) / 10 : Number.NaN;
}

/** US grade → UK-style reading age: a grade-8 text suits a reader of 13 to 14, conventionally grade + 5. */
export function readingAgeOf(grade: number): number {
  return Number.isFinite(grade) ? Math.max(5, Math.round(grade + 5)) : Number.NaN;
}

/** Measures plain prose: sentences, words and syllables (words with a letter), long words, passive voice. */
export function measureText(text: string, options: MeasureOptions = {}): TextMeasure {
  const file = new VFile(text);
  const tree = analyser.parse(file) as NlcstRoot;
  analyser.runSync(tree, file);
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  const longWordList: string[] = [];
  let hardestSentence: TextMeasure['hardestSentence'];
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    let counted = 0;
    let sentenceSyllables = 0;
    visit(sentence, 'WordNode', (word: Word) => {
      const value = nlcstToString(word);
      // "274" or "44.5" are words to a reader, but their syllables are not what makes text hard.
      if (!/\p{L}/u.test(value)) return;
      counted += 1;
      const allowed = isAllowed(value, options.allow);
      const count = allowed ? Math.min(2, Math.max(1, syllable(value))) : Math.max(1, syllable(value));
      sentenceSyllables += count;
      if (count >= 3) longWordList.push(value);
    });
    if (counted > 0) {
      sentences += 1;
      words += counted;
      syllables += sentenceSyllables;
      const grade = gradeOf({ sentences: 1, words: counted, syllables: sentenceSyllables });
      if (hardestSentence === undefined || grade > hardestSentence.grade) hardestSentence = { text: nlcstToString(sentence).trim(), grade };
    }
  });
  const passivePhrases = file.messages.filter((message) => message.source === 'retext-passive').map((message) => String(message.actual));
  // retext-passive knows irregular participles ("sent", "told"); regular ones ("were included") are
  // found here: a form of "to be", at most one adverb, then a word in -ed.
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    const words = sentence.children.filter((child): child is Word => child.type === 'WordNode').map((word) => nlcstToString(word));
    words.forEach((word, index) => {
      if (!beVerbs.has(word.toLowerCase())) return;
      const next = words[index + 1]?.toLowerCase().endsWith('ly') ? words[index + 2] : words[index + 1];
      if (next && /^[a-z]{2,}ed$/i.test(next) && !passivePhrases.includes(next)) passivePhrases.push(next);
    });
  });
  const simpler = file.messages
    .filter((message) => message.source === 'retext-simplify')
    .filter((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined;
      const start = place?.start.offset;
      const end = place?.end.offset;
      return start === undefined || end === undefined || !isFalseSwap(text.slice(start, end), text.slice(0, start), text.slice(end));
    })
    .map((message) => `${String(message.actual)} → ${(message.expected ?? []).join(' / ') || 'omit'}`);
  const counts = { sentences, words, syllables, longWords: longWordList.length, passive: passivePhrases.length };
  return { ...counts, grade: gradeOf(counts), passivePhrases, longWordList, simpler, ...(hardestSentence ? { hardestSentence } : {}) };
}
