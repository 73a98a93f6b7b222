import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContentStore } from '../../src/store/index.js';
import type { ContentStore, ContentStoreOptions } from '../../src/store/index.js';

export interface Fixture {
  slug: string;
  title?: string;
  published?: string;
  extra?: string;
  body?: string;
}

/** A small valid article; `body` replaces the default paragraph. */
export function source({ slug, title = `Article ${slug}`, published = '2024-01-01', extra = '', body }: Fixture): string {
  return `---
title: ${JSON.stringify(title)}
description: About ${slug}.
slug: ${slug}
category: Back pain
tags: [back]
published: ${published}
${extra}---

${body ?? 'Staying active helps more than bed rest.'}

## When to get help

See a clinician if the pain is severe.
`;
}

export interface Site {
  dir: string;
  cacheDir: string;
  logs: string[];
  write: (fixture: Fixture, fileName?: string) => void;
  writeRaw: (fileName: string, text: string) => void;
  open: (options?: Partial<ContentStoreOptions>) => ContentStore;
  cleanup: () => Promise<void>;
}

/** A temporary articles directory and cache; stores opened on it log into `logs` (never the console). */
export function makeSite(): Site {
  const root = mkdtempSync(path.join(tmpdir(), 'cited-store-'));
  const dir = path.join(root, 'articles');
  const cacheDir = path.join(root, 'cache');
  const logs: string[] = [];
  const stores: ContentStore[] = [];
  const writeRaw = (fileName: string, text: string): void => {
    writeFileSync(path.join(dir, fileName), text);
  };
  mkdirSync(dir);
  return {
    dir,
    cacheDir,
    logs,
    write: (fixture, fileName = `${fixture.slug}.md`) => writeRaw(fileName, source(fixture)),
    writeRaw,
    open(options = {}) {
      const store = createContentStore({
        dir,
        cacheDir,
        workers: 0,
        watch: false,
        routes: ['/', '/contact', '/rss.xml'],
        log: (message) => logs.push(message),
        ...options,
      });
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.map((store) => store.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
