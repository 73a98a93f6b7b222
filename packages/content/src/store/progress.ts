/**
 * How far a store's cold pass is (ContentStore.progress). A cold pass is a pass over more new
 * files than `eagerLimit` (a fresh deploy without the build-time database, a large import): the
 * store serves at once and publishes as it goes, so editors and operators want to know how far
 * it is. Counted as the pass goes: reading it parses and compiles nothing.
 */
export interface ContentProgress {
  /** 'cold-pass': one is running (readers get what is published so far); 'settled': none is. */
  phase: 'cold-pass' | 'settled';
  /** Files the running cold pass (or, settled, the last one) has looked at: hashed, compiled or taken from the cache. */
  looked: number;
  /** Files that pass looks at in all. 0 (and `looked` 0) when the store has had no cold pass. */
  total: number;
  /** Articles readers can get now: the current snapshot's published ones. */
  published: number;
  /** When that pass started, by the store's clock; undefined when there was none. */
  startedAt?: Date;
  /** When it ended (all its files looked at, judged and published, or the store closed); undefined while it runs. */
  finishedAt?: Date;
}

/** The counts behind ContentProgress, kept by the pass (pass.ts) and read by the store. */
export class PassProgress {
  private looked = 0;
  private total = 0;
  private running = false;
  private startedAt: Date | undefined;
  private finishedAt: Date | undefined;

  constructor(private readonly clock: () => Date) {}

  /** A cold pass over `total` files begins. */
  start(total: number): void {
    this.running = true;
    this.looked = 0;
    this.total = total;
    this.startedAt = this.clock();
    this.finishedAt = undefined;
  }

  /** One more file looked at; returns how many so far. */
  lookedAt(): number {
    this.looked += 1;
    return this.looked;
  }

  get filesLooked(): number {
    return this.looked;
  }

  /** The pass is over (done, failed or the store closed). Nothing when no cold pass runs. */
  finish(): void {
    if (!this.running) return;
    this.running = false;
    this.finishedAt = this.clock();
  }

  read(published: number): ContentProgress {
    return {
      phase: this.running ? 'cold-pass' : 'settled',
      looked: this.looked,
      total: this.total,
      published,
      ...(this.startedAt ? { startedAt: this.startedAt } : {}),
      ...(this.finishedAt ? { finishedAt: this.finishedAt } : {}),
    };
  }
}
