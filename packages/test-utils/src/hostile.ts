/**
 * The committed hostile corpus (fixtures/hostile, written by its generate.mjs): hostile articles the
 * content package compiles and renders, and the blog serves as whole pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOSTILE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
export const CONTROL_FIXTURE = path.join(HOSTILE_DIR, 'control.md');
/** People the hostile cases name as authors and reviewers (some of them hostile too). */
export const HOSTILE_PEOPLE_FILE = path.join(HOSTILE_DIR, 'people.yml');
export const CONTROL_SLUG = 'control-article';
export const CONTROL_MARKER = 'CONTROL-MARKER';

export type HostilePage = 'article' | 'index' | 'category' | 'rss' | 'sitemap';

export interface HostileCase {
  id: string;
  category: 'raw-html' | 'url-scheme' | 'reference' | 'directive' | 'frontmatter' | 'blns';
  description: string;
  /** Relative to HOSTILE_DIR. */
  file: string;
  slug: string;
  startMarker: string;
  /** null when the hostile part legitimately swallows the rest of its block (unclosed <script>…). */
  endMarker: string | null;
  pages: HostilePage[];
}

export const hostileCases: HostileCase[] = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'manifest.json'), 'utf8'));

export function readCase(entry: HostileCase): string {
  return readFileSync(path.join(HOSTILE_DIR, entry.file), 'utf8');
}
