/**
 * Where things are in this workspace, read from configuration rather than spelled out in tests:
 * the content root is the root package.json's `cited.content` (the same setting @cited/content's
 * layout discovery reads), so no package's tests name the app that happens to hold the content.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// String paths, not `new URL()` at call sites: under jsdom the global URL is not Node's.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface RootManifest {
  cited?: { content?: string };
}

/** The site's content folder (articles/, people.yml, site.yml), from the root package.json. */
export function contentRoot(): string {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as RootManifest;
  const content = manifest.cited?.content;
  if (!content) throw new Error(`${path.join(repoRoot, 'package.json')}: no "cited": { "content": … } setting to find the site's content`);
  return path.resolve(repoRoot, content);
}

/** The seed article every component was modelled on (see the seed's README). */
export function seedArticlePath(): string {
  return path.join(contentRoot(), 'articles', 'failed-back-surgery-syndrome.md');
}
