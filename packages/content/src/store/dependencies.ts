import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dependency } from './types.js';

/** sha-256 of a dependency's bytes (null: it could not be read): part of the version key. */
export function dependencyDigest(bytes: Uint8Array | undefined): string | null {
  return bytes ? createHash('sha256').update(bytes).digest('hex') : null;
}

/** A dependency as last seen on disk: its stat tells cheaply whether it may have changed. */
export interface DependencyState extends Dependency {
  /** -1: missing when seen; -2: unknown (changed while the article compiled: rehash next time). */
  mtimeMs: number;
  size: number;
}

/**
 * Reads dependencies (bibliography files) for one pass over the directory: each file is stat'ed
 * and hashed at most once per pass, however many articles cite it.
 */
export class DependencyReader {
  private readonly stats = new Map<string, Promise<Stats | undefined>>();
  private readonly states = new Map<string, Promise<DependencyState>>();

  constructor(private readonly dir: string) {}

  private stat(relative: string): Promise<Stats | undefined> {
    let pending = this.stats.get(relative);
    if (!pending) {
      pending = stat(path.resolve(this.dir, relative)).then(
        (info) => (info.isFile() ? info : undefined),
        () => undefined,
      );
      this.stats.set(relative, pending);
    }
    return pending;
  }

  /** The dependency's digest now (stat first, so a change during the read shows up next time). */
  state(relative: string): Promise<DependencyState> {
    let pending = this.states.get(relative);
    if (!pending) {
      pending = (async () => {
        const info = await this.stat(relative);
        const bytes = info ? await readFile(path.resolve(this.dir, relative)).catch(() => undefined) : undefined;
        return bytes && info
          ? { path: relative, digest: dependencyDigest(bytes), mtimeMs: info.mtimeMs, size: info.size }
          : { path: relative, digest: null, mtimeMs: -1, size: -1 };
      })();
      this.states.set(relative, pending);
    }
    return pending;
  }

  /** True when any dependency may differ from what was recorded (then its digest decides). */
  async changed(dependencies: readonly DependencyState[]): Promise<boolean> {
    for (const dependency of dependencies) {
      const info = await this.stat(dependency.path);
      const mtimeMs = info?.mtimeMs ?? -1;
      const size = info?.size ?? -1;
      if (mtimeMs !== dependency.mtimeMs || size !== dependency.size) return true;
    }
    return false;
  }
}
