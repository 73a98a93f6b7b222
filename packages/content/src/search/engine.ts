import SearchableMap from 'minisearch/SearchableMap';
import { PostingStore } from './postings.js';
import { detached } from './terms.js';

// MiniSearch's search (BM25+ over fields, prefix and fuzzy expansion through its SearchableMap,
// AND/OR combination) reproduced step for step over compact storage: the same additions in the
// same order, so scores are equal to the last bit. Kept in step with minisearch 7.2's
// executeQuerySpec, termResults, calcBM25Score and combinators; the parity test compares both.

export interface EngineOptions {
  fields: readonly string[];
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
}

export interface EngineQuery {
  boost: Readonly<Record<string, number>>;
  prefix: (term: string, index: number, terms: string[]) => boolean;
  fuzzy: (term: string, index: number, terms: string[]) => number | boolean;
  maxFuzzy: number;
  weights: { fuzzy: number; prefix: number };
  combineWith: 'AND' | 'OR';
}

/** As MiniSearch's SearchResult: `terms` are the index terms matched, `queryTerms` the query's. */
export interface EngineResult {
  id: string;
  score: number;
  terms: string[];
  queryTerms: string[];
  match: Record<string, string[]>;
}

interface RawResult {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}
type RawResults = Map<number, RawResult>;

/** MiniSearch's BM25+ parameters (its defaults). */
const k = 1.2;
const b = 0.7;
const d = 0.5;

/** Deleted documents stay in the postings until they pass this share of the index (or `compact`). */
const tombstoneShare = 0.1;
const minTombstones = 64;

const getOwn = <T>(object: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

function addUnique(target: string[], terms: readonly string[]): void {
  for (const term of terms) if (!target.includes(term)) target.push(term);
}

const combinators = {
  OR: (a: RawResults, b: RawResults): RawResults => {
    for (const doc of b.keys()) {
      const existing = a.get(doc);
      if (existing == null) {
        a.set(doc, b.get(doc)!);
      } else {
        const { score, terms, match } = b.get(doc)!;
        existing.score = existing.score + score;
        existing.match = Object.assign(existing.match, match);
        addUnique(existing.terms, terms);
      }
    }
    return a;
  },
  AND: (a: RawResults, b: RawResults): RawResults => {
    const combined: RawResults = new Map();
    for (const doc of b.keys()) {
      const existing = a.get(doc);
      if (existing == null) continue;
      const { score, terms, match } = b.get(doc)!;
      addUnique(existing.terms, terms);
      combined.set(doc, {
        score: existing.score + score,
        terms: existing.terms,
        match: Object.assign(existing.match, match),
      });
    }
    return combined;
  },
};

/**
 * A full-text index with MiniSearch's ranking: the vocabulary in MiniSearch's SearchableMap (term →
 * term number; typo and prefix lookups are the library's), postings in a PostingStore, per-field
 * lengths in a typed array. Deleting marks the document dead; postings are rewritten without the
 * dead ones once they pass a tenth of the index.
 */
export class CompactEngine {
  private readonly fields: readonly string[];
  private readonly tokenize: (text: string) => string[];
  private readonly processTerm: (term: string) => string | null;
  private readonly vocabulary = new SearchableMap<number>();
  private readonly postings = new PostingStore();
  private termCount = 0;
  private nextDoc = 0;
  private documentCount = 0;
  private tombstones = 0;
  private ids: (string | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  private fieldLength = new Uint32Array(0);
  private readonly avgFieldLength: number[] = [];

  constructor(options: EngineOptions) {
    this.fields = options.fields;
    this.tokenize = options.tokenize;
    this.processTerm = options.processTerm;
  }

  get size(): number {
    return this.documentCount;
  }

  /** Deleted documents whose postings are still in the store (until the next compaction). */
  get deletedCount(): number {
    return this.tombstones;
  }

  /** Distinct terms in the vocabulary (including those only deleted documents had, until compaction). */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Bytes of typed arrays held (postings and field lengths): memory outside the JS heap's objects. */
  get byteLength(): number {
    return this.postings.byteLength + this.fieldLength.byteLength;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  /** Indexes a document (one text per field, in the order of `fields`); the id must be new. */
  add(id: string, texts: readonly string[]): void {
    if (this.numbers.has(id)) throw new Error(`search: duplicate id ${id}`);
    const F = this.fields.length;
    const doc = this.nextDoc++;
    this.ensureDocs(doc + 1);
    this.ids[doc] = detached(id);
    this.numbers.set(this.ids[doc]!, doc);
    this.documentCount += 1;
    for (let field = 0; field < F; field += 1) {
      const tokens = this.tokenize(texts[field] ?? '');
      // As MiniSearch: a field's length is its distinct words before processing; the average is
      // updated incrementally in the same arithmetic order, so it rounds the same way.
      const length = new Set(tokens).size;
      const count = this.documentCount - 1;
      this.avgFieldLength[field] = ((this.avgFieldLength[field] || 0) * count + length) / (count + 1);
      this.fieldLength[doc * F + field] = length;
      const freqs = new Map<string, number>();
      for (const token of tokens) {
        const term = this.processTerm(token);
        if (term) freqs.set(term, (freqs.get(term) ?? 0) + 1);
      }
      for (const [term, freq] of freqs) this.postings.append(this.termNumber(term) * F + field, doc, freq);
    }
  }

  /** Marks the document deleted; its postings go at the next compaction. False when absent. */
  remove(id: string): boolean {
    const doc = this.numbers.get(id);
    if (doc === undefined) return false;
    const F = this.fields.length;
    const count = this.documentCount;
    for (let field = 0; field < F; field += 1) {
      if (count === 1) this.avgFieldLength[field] = 0;
      else this.avgFieldLength[field] = (this.avgFieldLength[field]! * count - this.fieldLength[doc * F + field]!) / (count - 1);
    }
    this.numbers.delete(id);
    this.ids[doc] = undefined;
    this.documentCount -= 1;
    this.tombstones += 1;
    if (this.tombstones >= minTombstones && this.tombstones > tombstoneShare * this.nextDoc) this.compact();
    return true;
  }

  /**
   * Drops deleted documents and terms no document has any more, renumbers what stays (in the
   * same order) and rewrites the postings tightly. Also worth calling after a bulk build.
   */
  compact(): void {
    const F = this.fields.length;
    const docMap = new Int32Array(this.nextDoc).fill(-1);
    let docs = 0;
    for (let doc = 0; doc < this.nextDoc; doc += 1) {
      if (this.ids[doc] === undefined) continue;
      docMap[doc] = docs;
      this.ids[docs] = this.ids[doc];
      this.numbers.set(this.ids[doc]!, docs);
      this.fieldLength.copyWithin(docs * F, doc * F, doc * F + F);
      docs += 1;
    }
    this.ids.length = docs;
    this.fieldLength = this.fieldLength.slice(0, Math.max(docs, 16) * F);
    this.nextDoc = docs;
    this.tombstones = 0;
    this.postings.rewrite(docMap);

    // Terms left without postings leave the vocabulary; the others are renumbered densely.
    const termMap = new Int32Array(this.termCount).fill(-1);
    const renumbered: [string, number][] = [];
    const gone: string[] = [];
    for (const [term, number] of this.vocabulary) {
      let empty = true;
      for (let field = 0; field < F && empty; field += 1) empty = this.postings.isEmpty(number * F + field);
      if (empty) gone.push(term);
      else renumbered.push([term, number]);
    }
    renumbered.sort((x, y) => x[1] - y[1]);
    renumbered.forEach(([, number], index) => (termMap[number] = index));
    for (const term of gone) this.vocabulary.delete(term);
    for (const [term, number] of renumbered) this.vocabulary.set(term, termMap[number]!);
    const slotMap = new Int32Array(this.termCount * F).fill(-1);
    for (let term = 0; term < this.termCount; term += 1) {
      if (termMap[term]! < 0) continue;
      for (let field = 0; field < F; field += 1) slotMap[term * F + field] = termMap[term]! * F + field;
    }
    this.termCount = renumbered.length;
    this.postings.renumberSlots(slotMap, this.termCount * F);
  }

  /**
   * Compacts when it pays: when more than a quarter of the postings arena is room (left by runs
   * that grew, as after a bulk build) rather than postings.
   */
  tidy(): void {
    if (this.postings.wastedBytes > Math.max(1 << 20, this.postings.byteLength / 4)) this.compact();
  }

  /** Ranked as MiniSearch's `search(query, options)` (before its sort by score). */
  search(query: string, options: EngineQuery): EngineResult[] {
    const terms = this.tokenize(query)
      .map((word) => this.processTerm(word))
      .filter((term): term is string => !!term);
    const perTerm = terms.map((term, index) =>
      this.termQuery(term, options.prefix(term, index, terms), options.fuzzy(term, index, terms), options),
    );
    const combined = perTerm.length === 0 ? new Map() : perTerm.reduce(combinators[options.combineWith]);
    const results: EngineResult[] = [];
    for (const [doc, { score, terms: queryTerms, match }] of combined) {
      results.push({
        id: this.ids[doc]!,
        score: score * (queryTerms.length || 1),
        terms: Object.keys(match),
        queryTerms,
        match,
      });
    }
    return results;
  }

  /** MiniSearch's executeQuerySpec: the exact term, then prefix extensions, then near spellings. */
  private termQuery(term: string, prefix: boolean, fuzzy: number | boolean, options: EngineQuery): RawResults {
    const boosts = this.fields.map((field) => getOwn(options.boost, field) || 1);
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = options.weights;
    const results: RawResults = new Map();
    const exact = this.vocabulary.get(term);
    if (exact !== undefined) this.termResults(term, term, 1, exact, boosts, results);
    const prefixMatches = prefix ? this.vocabulary.atPrefix(term) : undefined;
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (fuzzy) {
      const share = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = share < 1 ? Math.min(options.maxFuzzy, Math.round(term.length * share)) : share;
      if (maxDistance) fuzzyMatches = this.vocabulary.fuzzyGet(term, maxDistance);
    }
    if (prefixMatches) {
      for (const [match, number] of prefixMatches) {
        const distance = match.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(match);
        const weight = (prefixWeight * match.length) / (match.length + 0.3 * distance);
        this.termResults(term, match, weight, number, boosts, results);
      }
    }
    if (fuzzyMatches) {
      for (const match of fuzzyMatches.keys()) {
        const [number, distance] = fuzzyMatches.get(match)!;
        if (!distance) continue;
        const weight = (fuzzyWeight * match.length) / (match.length + distance);
        this.termResults(term, match, weight, number, boosts, results);
      }
    }
    return results;
  }

  /** MiniSearch's termResults: BM25+ of one index term in each field, added to `results`. */
  private termResults(
    sourceTerm: string,
    derivedTerm: string,
    termWeight: number,
    termNumber: number,
    boosts: readonly number[],
    results: RawResults,
  ): void {
    const F = this.fields.length;
    const totalCount = this.documentCount;
    for (let field = 0; field < F; field += 1) {
      const slot = termNumber * F + field;
      if (this.postings.isEmpty(slot)) continue;
      let matchingCount = 0;
      this.postings.forEach(slot, (doc) => {
        if (this.ids[doc] !== undefined) matchingCount += 1;
      });
      if (matchingCount === 0) continue;
      const fieldName = this.fields[field]!;
      const fieldBoost = boosts[field]!;
      const avgFieldLength = this.avgFieldLength[field]!;
      const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
      this.postings.forEach(slot, (doc, termFreq) => {
        if (this.ids[doc] === undefined) return;
        const fieldLength = this.fieldLength[doc * F + field]!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = termWeight * fieldBoost * rawScore;
        const result = results.get(doc);
        if (result) {
          result.score += weightedScore;
          if (!result.terms.includes(sourceTerm)) result.terms.push(sourceTerm);
          const fieldsMatched = getOwn(result.match, derivedTerm);
          if (fieldsMatched) fieldsMatched.push(fieldName);
          else result.match[derivedTerm] = [fieldName];
        } else {
          results.set(doc, {
            score: weightedScore,
            terms: [sourceTerm],
            match: { [derivedTerm]: [fieldName] },
          });
        }
      });
    }
  }

  private termNumber(term: string): number {
    const known = this.vocabulary.get(term);
    if (known !== undefined) return known;
    const number = this.termCount++;
    this.postings.ensureSlots(this.termCount * this.fields.length);
    this.vocabulary.set(detached(term), number);
    return number;
  }

  private ensureDocs(count: number): void {
    const F = this.fields.length;
    if (count * F <= this.fieldLength.length) return;
    const next = new Uint32Array(Math.max(count, (this.fieldLength.length / F) * 2, 16) * F);
    next.set(this.fieldLength);
    this.fieldLength = next;
  }
}
