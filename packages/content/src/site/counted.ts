// Counted sets for the site index (site-index.ts): keys counted over the records that contribute
// them, so one record's contribution can be taken out and put back, and sets read as those counts
// with a few records' contributions swapped.

export interface Counts {
  slugs: Map<string, number>;
  categories: Map<string, number>;
  tags: Map<string, number>;
}

export const newCounts = (): Counts => ({ slugs: new Map(), categories: new Map(), tags: new Map() });

export function count(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** The same keys, counted or not. */
export function sameKeys(a: Counts, b: Counts): boolean {
  const same = (x: Map<string, number>, y: Map<string, number>) => x.size === y.size && [...x.keys()].every((key) => y.has(key));
  return same(a.slugs, b.slugs) && same(a.categories, b.categories) && same(a.tags, b.tags);
}

/**
 * Records by a key. Most keys (a slug, a title) have one record, kept as itself: an array per key
 * would cost a site of 100,000 articles tens of megabytes. Records are objects, never arrays.
 */
export class Holders<R extends object> {
  private readonly map = new Map<string, R | R[]>();
  add(key: string, record: R): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, record);
    else if (!Array.isArray(held)) {
      if (held !== record) this.map.set(key, [held, record]);
    } else if (!held.includes(record)) held.push(record);
  }
  remove(key: string, record: R): void {
    const held = this.map.get(key);
    if (held === record) this.map.delete(key);
    else if (Array.isArray(held)) {
      const rest = held.filter((other) => other !== record);
      this.map.set(key, rest.length === 1 ? (rest[0] as R) : rest);
    }
  }
  get(key: string): readonly R[] | undefined {
    const held = this.map.get(key);
    return held === undefined ? undefined : Array.isArray(held) ? held : [held];
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

/**
 * A set read as the site-wide counts with a few records' contributions replaced. Iterating it (a
 * "did you mean" for a broken link) builds the whole set, in the records' order (so the suggestion
 * is the one a judgement from scratch makes).
 */
export class CountedSet implements ReadonlySet<string> {
  private built: Set<string> | undefined;
  constructor(
    private readonly base: Map<string, number>,
    readonly delta: Map<string, number>,
    private readonly build: () => Set<string>,
  ) {}
  has(key: string): boolean {
    return (this.base.get(key) ?? 0) + (this.delta.get(key) ?? 0) > 0;
  }
  private whole(): Set<string> {
    this.built ??= this.build();
    return this.built;
  }
  get size(): number {
    return this.whole().size;
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const value of this.whole()) callback(value, value, this);
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.whole()[Symbol.iterator]();
  }
  keys(): SetIterator<string> {
    return this.whole().keys();
  }
  values(): SetIterator<string> {
    return this.whole().values();
  }
  entries(): SetIterator<[string, string]> {
    return this.whole().entries();
  }
}
