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

/** Records by a key, in a plain array per key (most keys have one record). */
export class Holders<R> {
  private readonly map = new Map<string, R[]>();
  add(key: string, record: R): void {
    const list = this.map.get(key);
    if (!list) this.map.set(key, [record]);
    else if (!list.includes(record)) list.push(record);
  }
  remove(key: string, record: R): void {
    const list = this.map.get(key);
    const at = list?.indexOf(record) ?? -1;
    if (!list || at < 0) return;
    if (list.length === 1) this.map.delete(key);
    else list.splice(at, 1);
  }
  get(key: string): readonly R[] | undefined {
    return this.map.get(key);
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
