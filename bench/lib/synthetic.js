// Synthetic content from the real seed article: longer articles (body repeated) and whole
// sites (many distinct articles). Generated into os.tmpdir(), never into the repo.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { random, word } from './synthetic-search.js';

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

/** Tags of the short site: a pool as a real site has (a few shared by many articles). */
const SHORT_TAG_POOL = 200;

/**
 * Writes `count` short articles into a new temp dir (the 100,000-article site: a real site of that
 * size is mostly short pages). Each has the seed's trust metadata (author, category, disclosure),
 * its own title, description, three tags from a pool of 200 and a date, and a body of two sections
 * (one heading) of 200 words and the seed's two care cards, drawn Zipf-like from a vocabulary that grows with the site, as the
 * search bench's documents are. One article in 20 is on the seed's topic: the seed's title and
 * tags, and its tags' words in the text. No citations: citing needs references, which the seed's
 * long articles already exercise. Slugs and file names follow generateSite's.
 */
export function generateShortSite(source, count, { now = new Date('2026-01-01T00:00:00Z') } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `cited-bench-short-${count}-`));
  const { frontmatter } = splitFrontmatter(source);
  const kept = ['author', 'category', 'disclosure'].map((key) => topLevelBlock(frontmatter, key)).filter(Boolean);
  // The site asks every Back pain article for an urgent or emergency care card: the seed's own
  // cards, with the two NHS references they cite.
  const { body: seedBody } = splitFrontmatter(source);
  const careCards = [...seedBody.matchAll(/^:::care\[[\s\S]*?^:::[ \t]*$/gm)].map((match) => match[0]).join('\n\n');
  const cited = new Set([...careCards.matchAll(/:cite\[([^\]]+)\]/g)].map((match) => match[1]));
  const references = (topLevelBlock(frontmatter, 'references') ?? '').split(/\n(?= {2}- id: )/).slice(1).filter((entry) => cited.has(/id: (\S+)/.exec(entry)?.[1]));
  if (references.length) kept.push(`references:\n${references.join('\n')}`);
  const seedTitle = /^title:\s*(.+)$/m.exec(frontmatter)?.[1].replace(/^["']|["']$/g, '') ?? 'Synthetic article';
  const seedTags = [...frontmatter.matchAll(/^tags:\n((?:\s+- .+\n?)+)/gm)].flatMap((match) => match[1].split('\n').map((line) => line.replace(/^\s*-\s*/, '').trim()).filter(Boolean));
  const next = random(7);
  const vocabulary = Math.max(5000, count * 4);
  const zipfWord = () => word(Math.floor(Math.exp(next() * Math.log(vocabulary))) - 1);
  const words = (n) => Array.from({ length: n }, zipfWord);
  for (let index = 0; index < count; index += 1) {
    const onSeedTopic = index % 20 === 0;
    const title = onSeedTopic ? `${seedTitle} (synthetic ${index + 1})` : `${words(3).join(' ')} (synthetic ${index + 1})`;
    const tags = onSeedTopic ? seedTags : Array.from({ length: 3 }, () => `topic ${word(Math.floor(next() * SHORT_TAG_POOL))}`);
    const meta = [
      `title: ${JSON.stringify(title)}`,
      `slug: synthetic-${index + 1}`,
      `description: ${JSON.stringify(`What the evidence says about ${words(5).join(' ')}.`)}`,
      `published: ${daysBefore(now, index)}`,
      `tags:\n${[...new Set(tags)].map((tag) => `  - ${JSON.stringify(tag)}`).join('\n')}`,
      ...kept,
    ].join('\n');
    const sentence = () => `${capitalise(words(10).join(' '))}${onSeedTopic ? ` and ${tags[Math.floor(next() * tags.length)]}` : ''}.`;
    const paragraph = () => Array.from({ length: 10 }, sentence).join(' ');
    const body = `${paragraph()}\n\n${careCards}\n\n## About ${zipfWord()}\n\n${paragraph()}\n`;
    writeFileSync(path.join(dir, `synthetic-${String(index + 1).padStart(4, '0')}.md`), `---\n${meta}\n---\n\n${body}`);
  }
  return dir;
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** A top-level YAML key with its indented continuation lines (a folded string, a list), or undefined. */
function topLevelBlock(frontmatter, key) {
  const match = new RegExp(`^${key}:.*(?:\\n(?:[ \\t]+.*|[ \\t]*))*`, 'm').exec(frontmatter);
  return match?.[0].replace(/\s+$/, '');
}
