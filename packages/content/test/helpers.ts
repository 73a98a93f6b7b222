import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedArticlePath } from '@cited/test-utils/workspace';
import type { Element, Root, RootContent } from 'hast';

// String paths, not `new URL()`: under jsdom the global URL is not Node's, which fileURLToPath rejects.
const here = dirname(fileURLToPath(import.meta.url));
export const packageDir = join(here, '..');
export const fixturesDir = join(here, 'fixtures');
/** The seed article, in the site's content folder (root package.json `cited.content`). */
export const seedPath = seedArticlePath();
export const seedSource = (): Uint8Array => new Uint8Array(readFileSync(seedPath));
export const now = new Date('2026-11-24T12:00:00Z');

/** Every element in document order (iterative, so deep trees are fine). */
export function elements(tree: Root): Element[] {
  const found: Element[] = [];
  const stack: RootContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type !== 'element') continue;
    found.push(node);
    stack.push(...[...node.children].reverse());
  }
  return found;
}

/** A minimal valid article around `body`. */
export function article(body: string, frontmatterExtra = ''): string {
  return `---
title: Test article
description: A test.
category: Test
published: 2024-01-01
${frontmatterExtra}references:
  - id: a2020
    authors: [Doe J]
    title: A study of backs
    journal: J Backs
    year: 2020
---

${body}
`;
}

function newestSource(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => statSync(join(dir, entry)).mtimeMs));
}

/**
 * The package as other processes run it (dist/, what the bin and importers load): compiled again
 * when missing or older than the sources. Throws with tsc's output when the build fails.
 */
export function builtPackage(): string {
  const dist = join(packageDir, 'dist');
  const entry = join(dist, 'cli.js');
  if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(join(packageDir, 'src'))) {
    const build = spawnSync(process.execPath, [join(packageDir, '../../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${build.stdout}${build.stderr}`);
  }
  return dist;
}
