import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * The articles directory and the directories of the files articles depend on (bibliographies
 * outside it), watched without recursion. Reports each changed path relative to the articles
 * directory ('/' separators), or null when the platform could not say which file changed.
 */
export class DirectoryWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(
    private readonly root: string,
    private readonly onChange: (relative: string | null) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Watches exactly these directories (the root always): new ones are added, unneeded ones closed. */
  watch(directories: Iterable<string>): void {
    const wanted = new Set([this.root, ...directories]);
    for (const [directory, watcher] of this.watchers) {
      if (!wanted.has(directory)) {
        watcher.close();
        this.watchers.delete(directory);
      }
    }
    for (const directory of wanted) {
      if (this.watchers.has(directory)) continue;
      try {
        const watcher = watch(directory, { persistent: false }, (_event, name) => {
          this.onChange(name ? path.relative(this.root, path.join(directory, name.toString())).split(path.sep).join('/') : null);
        });
        watcher.on('error', (error) => {
          this.log(`[content] watching ${directory} stopped: ${String(error)}`);
          this.watchers.delete(directory);
        });
        this.watchers.set(directory, watcher);
      } catch (error) {
        // A missing bibliography's directory: the article reports it; a refresh() finds it later.
        if (directory === this.root) this.log(`[content] cannot watch ${directory} (${String(error)}): changes show after refresh()`);
      }
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
