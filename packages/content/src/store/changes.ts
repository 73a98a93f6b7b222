export const articleExtension = '.md';

/** Article files the store reads: `.md` files directly in the articles directory. */
export const isArticleName = (name: string): boolean => name.endsWith(articleExtension) && !name.includes('/');

export interface ChangeHandlers {
  /** Looks at every file (the platform could not say which one changed). */
  fullPass: () => Promise<void>;
  /** Looks at these article files. */
  filesChanged: (names: string[]) => Promise<void>;
  /** The articles that read a non-article file (a bibliography). */
  dependents: (relative: string) => Iterable<string>;
  log: (message: string) => void;
}

/**
 * The store's one line of work (compiles, passes, state writes run one after another, never
 * racing each other) and the changes waiting for it: watched files, debounced, and editors'
 * saves, which a long pass takes between its files instead of keeping them waiting for minutes.
 */
export class ChangeQueue {
  private work: Promise<unknown> = Promise.resolve();
  private pendingNames = new Set<string>();
  private pendingFull = false;
  private debounce: NodeJS.Timeout | undefined;
  /** A long pass is running: watched saves go to `saves`, which it takes between files. */
  private bulk = false;
  private saves: string[] = [];

  constructor(private readonly handlers: ChangeHandlers) {}

  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.work.then(task, task);
    this.work = next.catch((error: unknown) => this.handlers.log(`[content] ${String(error)}`));
    return next;
  }

  /** Waits until no work is queued or running (work queued meanwhile included). */
  async settled(): Promise<void> {
    for (let previous; previous !== this.work; ) {
      previous = this.work;
      await this.work;
    }
  }

  /** Article files changed themselves; any other file changed is a dependency of some articles. */
  onWatched(relative: string | null): void {
    if (relative === null) this.pendingFull = true;
    else if (isArticleName(relative)) this.pendingNames.add(relative);
    else for (const file of this.handlers.dependents(relative)) this.pendingNames.add(file);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.flush(), 20);
  }

  private flush(): void {
    if (this.pendingFull) {
      this.pendingNames = new Set();
      this.pendingFull = false;
      void this.enqueue(this.handlers.fullPass);
      return;
    }
    this.saves.push(...this.pendingNames);
    this.pendingNames = new Set();
    // Behind a long pass a save would wait for all of it (minutes on a large site): a running pass
    // takes it before its next file, and so does one that starts before this task's turn comes.
    if (!this.bulk) void this.enqueue(() => (this.saves.length > 0 ? this.handlers.filesChanged(this.takeSaves()) : Promise.resolve()));
  }

  /** A long pass (a cold start, a re-key after a compiler upgrade) starts: it takes saves between its files. */
  startBulk(): void {
    this.bulk = true;
  }

  /** The saves waiting, article files only, once each. */
  takeSaves(): string[] {
    return [...new Set(this.saves.splice(0))].filter(isArticleName);
  }

  /** The long pass ended: saves that came after its last file are an ordinary watched change. */
  endBulk(closed: boolean): void {
    this.bulk = false;
    if (this.saves.length > 0 && !closed) {
      const late = this.takeSaves();
      void this.enqueue(() => this.handlers.filesChanged(late));
    }
  }

  close(): void {
    clearTimeout(this.debounce);
  }
}
