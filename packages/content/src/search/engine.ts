import SearchableMap from 'minisearch/SearchableMap';
import { PostingStore } from './postings.js';
import { runQuery, type EngineQuery, type EngineSearch, type IndexView } from './ranking.js';
import { detached } from './terms.js';

export type { EngineQuery, EngineResult, EngineSearch, MatchDetail } from './ranking.js';

export interface EngineOptions {
  fields: readonly string[];
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
}

/** Deleted documents stay in the postings until they pass this share of the index (or `compact`). */
const tombstoneShare = 0.1;
const minTombstones = 64;

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
  /** Changes with every add, removal and compaction (a search's details are valid until then). */
  private version = 0;
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
    this.version += 1;
    const F = this.fields.length;
    const doc = this.nextDoc++;
    this.ensureDocs(doc + 1);
    this.ids[doc] = detached(id);
    this.numbers.set(this.ids[doc]!, doc);
    this.documentCount += 1;
    for (let field = 0; field < F; field += 1) {
      // Each distinct word is processed once; its count goes to the term it becomes.
      const words = new Map<string, number>();
      for (const token of this.tokenize(texts[field] ?? '')) words.set(token, (words.get(token) ?? 0) + 1);
      // As MiniSearch: a field's length is its distinct words before processing; the average is
      // updated incrementally in the same arithmetic order, so it rounds the same way.
      const length = words.size;
      const count = this.documentCount - 1;
      this.avgFieldLength[field] = ((this.avgFieldLength[field] || 0) * count + length) / (count + 1);
      this.fieldLength[doc * F + field] = length;
      // Terms in order of first occurrence, as MiniSearch meets them (which orders the vocabulary).
      const freqs = new Map<string, number>();
      for (const [word, occurrences] of words) {
        const term = this.processTerm(word);
        if (term) freqs.set(term, (freqs.get(term) ?? 0) + occurrences);
      }
      for (const [term, freq] of freqs) this.postings.append(this.termNumber(term) * F + field, doc, freq);
    }
  }

  /** Marks the document deleted; its postings go at the next compaction. False when absent. */
  remove(id: string): boolean {
    const doc = this.numbers.get(id);
    if (doc === undefined) return false;
    this.version += 1;
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
    this.version += 1;
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

  /** Ranked as MiniSearch's `search(query, options)` (before its sort by score); see ranking.ts. */
  search(query: string, options: EngineQuery): EngineSearch {
    return runQuery(this.view, query, options);
  }

  private get view(): IndexView {
    return {
      fields: this.fields,
      tokenize: this.tokenize,
      processTerm: this.processTerm,
      vocabulary: this.vocabulary,
      postings: this.postings,
      ids: this.ids,
      docLimit: this.nextDoc,
      documentCount: this.documentCount,
      hasDeleted: this.tombstones > 0,
      fieldLength: this.fieldLength,
      avgFieldLength: this.avgFieldLength,
      version: this.version,
    };
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
