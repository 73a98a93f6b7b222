// Synthetic content from the real seed article: longer articles (body repeated) and whole
// sites (many distinct articles). Generated into os.tmpdir(), never into the repo.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
/** A `:::key-points` container: it holds one list, so its first closing `:::` line ends it. */
const KEY_POINTS_BLOCK = /^:::key-points[^\n]*\n[\s\S]*?^:::[ \t]*\n?/gm;

/** Splits "---\nyaml\n---\nbody" into its two parts. */
export function splitFrontmatter(source) {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new Error('article has no YAML frontmatter');
  return { frontmatter: match[1], body: source.slice(match[0].length) };
}

/** Replaces (or adds) a top-level scalar key in YAML frontmatter text. */
export function setFrontmatterKey(frontmatter, key, value) {
  const line = `${key}: ${JSON.stringify(value)}`;
  const pattern = new RegExp(`^${key}:.*$`, 'm');
  return pattern.test(frontmatter) ? frontmatter.replace(pattern, line) : `${frontmatter}\n${line}`;
}

/**
 * The seed article with its body repeated `times` times (frontmatter once), each copy after a
 * "Part k" heading so headings stay unique and the document stays well-formed.
 */
export function repeatArticle(source, times) {
  const { frontmatter, body } = splitFrontmatter(source);
  // An article has one key-points list (key-points-duplicate): only the first copy keeps it, so a
  // long article is as valid as the seed.
  const bodyWithoutKeyPoints = body.replace(KEY_POINTS_BLOCK, '');
  const parts = [];
  for (let copy = 1; copy <= times; copy += 1) {
    const copyBody = copy === 1 ? body : bodyWithoutKeyPoints;
    parts.push(times > 1 ? `## Part ${copy}\n\n${copyBody.trim()}\n` : `${copyBody.trim()}\n`);
  }
  return `---\n${frontmatter}\n---\n\n${parts.join('\n')}`;
}

/** ISO date `days` days before `from`. */
function daysBefore(from, days) {
  return new Date(from.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes `count` distinct articles (own slug, title, date) derived from the seed into a new temp
 * dir; returns its path. Dates descend one day per article so the index order is deterministic.
 */
export function generateSite(source, count, { now = new Date('2026-01-01T00:00:00Z') } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `cited-bench-site-${count}-`));
  const { frontmatter, body } = splitFrontmatter(source);
  const titleMatch = /^title:\s*(.+)$/m.exec(frontmatter);
  const baseTitle = titleMatch ? titleMatch[1].replace(/^["']|["']$/g, '') : 'Synthetic article';
  for (let index = 0; index < count; index += 1) {
    let meta = setFrontmatterKey(frontmatter, 'slug', `synthetic-${index + 1}`);
    meta = setFrontmatterKey(meta, 'title', `${baseTitle} (synthetic ${index + 1})`);
    meta = setFrontmatterKey(meta, 'published', daysBefore(now, index));
    meta = meta.replace(/^updated:.*$/m, '');
    writeFileSync(path.join(dir, `synthetic-${String(index + 1).padStart(4, '0')}.md`), `---\n${meta.trim()}\n---\n${body}`);
  }
  return dir;
}
