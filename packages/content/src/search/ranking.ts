import type SearchableMap from 'minisearch/SearchableMap';
import type { PostingStore } from './postings.js';

// MiniSearch 7.2's search (executeQuery, executeQuerySpec, termResults, calcBM25Score, the AND/OR
// combinators) reproduced over compact storage, with the same additions in the same order so the
// scores are equal to the last bit. What MiniSearch builds per result (an object with the matched
// terms and fields, for every document of every query word) is the costly part when a query
// matches a whole site, so scores are summed in typed arrays here and the matched terms worked
// out afterwards, for the few results that are shown. The parity test holds both to MiniSearch.

/** What ranking reads of the index. */
export interface IndexView {
  fields: readonly string[];
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
  vocabulary: SearchableMap<number>;
  postings: PostingStore;
  /** Id per document number; undefined for a deleted one. */
  ids: readonly (string | undefined)[];
  /** Document numbers are below this. */
  docLimit: number;
  documentCount: number;
  hasDeleted: boolean;
  /** Distinct words per document and field (document × fields + field). */
  fieldLength: Uint32Array;
  avgFieldLength: readonly number[];
  /** Changes whenever the index does. */
  version: number;
}

export interface EngineQuery {
  boost: Readonly<Record<string, number>>;
  prefix: (term: string, index: number, terms: string[]) => boolean;
  fuzzy: (term: string, index: number, terms: string[]) => number | boolean;
  maxFuzzy: number;
  weights: { fuzzy: number; prefix: number };
  combineWith: 'AND' | 'OR';
}

export interface EngineResult {
  id: string;
  score: number;
  /** The document's number in the index at the time of the search. */
  doc: number;
}

/** As MiniSearch's SearchResult: index terms matched (`terms`), query words matched, fields per term. */
export interface MatchDetail {
  terms: string[];
  queryTerms: string[];
  match: Record<string, string[]>;
}

export interface EngineSearch {
  /** In MiniSearch's order before its sort (the order ties keep). */
  results: EngineResult[];
  /** The match details of some of the results; only while the index is unchanged since the search. */
  details(results: readonly EngineResult[]): MatchDetail[];
}

/** One index term a query word matched: itself, a longer word (prefix) or a near spelling. */
interface Derived {
  term: string;
  number: number;
  weight: number;
}

/** MiniSearch's BM25+ parameters (its defaults). */
const k = 1.2;
const b = 0.7;
const d = 0.5;

const getOwn = <T>(object: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/** MiniSearch's executeQuerySpec order: the word itself, then prefix extensions, then near spellings. */
function derivedTerms(view: IndexView, term: string, prefix: boolean, fuzzy: number | boolean, options: EngineQuery): Derived[] {
  const derived: Derived[] = [];
  const exact = view.vocabulary.get(term);
  if (exact !== undefined) derived.push({ term, number: exact, weight: 1 });
  const prefixMatches = prefix ? view.vocabulary.atPrefix(term) : undefined;
  let fuzzyMatches: Map<string, [number, number]> | undefined;
  if (fuzzy) {
    const share = fuzzy === true ? 0.2 : fuzzy;
    const maxDistance = share < 1 ? Math.min(options.maxFuzzy, Math.round(term.length * share)) : share;
    if (maxDistance) fuzzyMatches = view.vocabulary.fuzzyGet(term, maxDistance);
  }
  if (prefixMatches) {
    for (const [match, number] of prefixMatches) {
      const distance = match.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(match);
      derived.push({ term: match, number, weight: (options.weights.prefix * match.length) / (match.length + 0.3 * distance) });
    }
  }
  if (fuzzyMatches) {
    for (const match of fuzzyMatches.keys()) {
      const [number, distance] = fuzzyMatches.get(match)!;
      if (!distance) continue;
      derived.push({ term: match, number, weight: (options.weights.fuzzy * match.length) / (match.length + distance) });
    }
  }
  return derived;
}

/** Live documents in a slot: MiniSearch's `matchingFields`. */
function liveCount(view: IndexView, slot: number): number {
  if (!view.hasDeleted) return view.postings.count(slot);
  let count = 0;
  view.postings.forEach(slot, (doc) => {
    if (view.ids[doc] !== undefined) count += 1;
  });
  return count;
}

/**
 * MiniSearch's termResults for every derived term of one query word: adds each document's score
 * to `score` (in the same order of terms and fields) and lists the documents in the order they
 * were first found.
 */
function scoreWord(
  view: IndexView,
  derived: readonly Derived[],
  boosts: readonly number[],
  score: Float64Array,
  seen: Uint8Array,
): number[] {
  const F = view.fields.length;
  const totalCount = view.documentCount;
  const order: number[] = [];
  for (const { number, weight: termWeight } of derived) {
    for (let field = 0; field < F; field += 1) {
      const slot = number * F + field;
      if (view.postings.isEmpty(slot)) continue;
      const matchingCount = liveCount(view, slot);
      if (matchingCount === 0) continue;
      const fieldBoost = boosts[field]!;
      const avgFieldLength = view.avgFieldLength[field]!;
      const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
      view.postings.forEach(slot, (doc, termFreq) => {
        if (view.ids[doc] === undefined) return;
        const fieldLength = view.fieldLength[doc * F + field]!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = termWeight * fieldBoost * rawScore;
        if (seen[doc]) {
          score[doc] = score[doc]! + weightedScore;
        } else {
          seen[doc] = 1;
          score[doc] = weightedScore;
          order.push(doc);
        }
      });
    }
  }
  return order;
}

/** MiniSearch's `search(query, options)`, before its sort by score. */
export function runQuery(view: IndexView, query: string, options: EngineQuery): EngineSearch {
  const terms = view
    .tokenize(query)
    .map((word) => view.processTerm(word))
    .filter((term): term is string => !!term);
  const boosts = view.fields.map((field) => getOwn(options.boost, field) || 1);
  const words = terms.map((term, index) =>
    derivedTerms(view, term, options.prefix(term, index, terms), options.fuzzy(term, index, terms), options),
  );
  // A repeated query word counts once in a result's "quality" (MiniSearch keeps its terms unique).
  const distinct = [...new Set(terms)];
  const wordOf = terms.map((term) => distinct.indexOf(term));
  const maskWords = Math.ceil(distinct.length / 32);

  const limit = view.docLimit;
  const total = new Float64Array(limit);
  const present = new Uint8Array(limit);
  const wordScore = new Float64Array(limit);
  const seen = new Uint8Array(limit);
  const matchedWords = options.combineWith === 'OR' ? new Uint32Array(limit * maskWords) : null;
  let order: number[] = [];
  words.forEach((derived, w) => {
    seen.fill(0);
    const found = scoreWord(view, derived, boosts, wordScore, seen);
    const bit = 1 << wordOf[w]! % 32;
    const markWord = (doc: number) => {
      if (!matchedWords) return;
      const at = doc * maskWords + Math.floor(wordOf[w]! / 32);
      matchedWords[at] = matchedWords[at]! | bit;
    };
    if (w === 0) {
      for (const doc of found) {
        total[doc] = wordScore[doc]!;
        present[doc] = 1;
        markWord(doc);
      }
      order = found;
    } else if (options.combineWith === 'AND') {
      const kept: number[] = [];
      for (const doc of found) {
        if (!present[doc]) continue;
        total[doc] = total[doc]! + wordScore[doc]!;
        kept.push(doc);
      }
      present.fill(0);
      for (const doc of kept) present[doc] = 1;
      order = kept;
    } else {
      for (const doc of found) {
        if (present[doc]) {
          total[doc] = total[doc]! + wordScore[doc]!;
        } else {
          total[doc] = wordScore[doc]!;
          present[doc] = 1;
          order.push(doc);
        }
        markWord(doc);
      }
    }
  });

  const quality = (doc: number) => {
    if (!matchedWords) return distinct.length;
    let count = 0;
    for (let i = doc * maskWords; i < (doc + 1) * maskWords; i += 1) {
      for (let bits = matchedWords[i]!; bits; bits &= bits - 1) count += 1;
    }
    return count;
  };
  const results = order.map((doc) => ({ id: view.ids[doc]!, score: total[doc]! * (quality(doc) || 1), doc }));
  const version = view.version;
  return {
    results,
    details: (some) => {
      if (view.version !== version) throw new Error('search: the index changed since this search');
      return matchDetails(view, terms, words, options.combineWith, some);
    },
  };
}

/**
 * The terms, query words and fields MiniSearch would report for these results: each query word's
 * match object built in MiniSearch's order, then merged word by word as its combinators do.
 */
function matchDetails(
  view: IndexView,
  terms: readonly string[],
  words: readonly Derived[][],
  combineWith: 'AND' | 'OR',
  results: readonly EngineResult[],
): MatchDetail[] {
  const F = view.fields.length;
  const perWord = words.map((derived) => {
    const matches = new Map<number, Record<string, string[]>>();
    for (const doc of results) matches.set(doc.doc, {});
    const found = new Set<number>();
    for (const { term, number } of derived) {
      for (let field = 0; field < F; field += 1) {
        const slot = number * F + field;
        if (view.postings.isEmpty(slot)) continue;
        view.postings.forEach(slot, (doc) => {
          const match = matches.get(doc);
          if (!match || view.ids[doc] === undefined) return;
          found.add(doc);
          const fieldsMatched = getOwn(match, term);
          if (fieldsMatched) fieldsMatched.push(view.fields[field]!);
          else match[term] = [view.fields[field]!];
        });
      }
    }
    return { matches, found };
  });
  return results.map(({ doc }) => {
    const match: Record<string, string[]> = {};
    const queryTerms: string[] = [];
    perWord.forEach(({ matches, found }, w) => {
      if (combineWith === 'OR' && !found.has(doc)) return;
      Object.assign(match, matches.get(doc));
      if (!queryTerms.includes(terms[w]!)) queryTerms.push(terms[w]!);
    });
    return { terms: Object.keys(match), queryTerms, match };
  });
}
