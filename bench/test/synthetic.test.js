import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedInputs, parseTurboSummary } from '../lib/app.js';
import { median } from '../lib/stats.js';
import { generateShortSite, generateSite, repeatArticle, setFrontmatterKey, splitFrontmatter } from '../lib/synthetic.js';

const SOURCE = `---
title: "Back pain"
slug: back-pain
published: "2024-05-01"
updated: "2024-06-01"
---

# Back pain

Intro.

## Options

Text.
`;

describe('synthetic content', () => {
  it('repeats the body under Part headings, keeping one frontmatter', () => {
    const long = repeatArticle(SOURCE, 3);
    expect(long.match(/^---$/gm)).toHaveLength(2);
    expect(long.match(/^## Part \d$/gm)).toEqual(['## Part 1', '## Part 2', '## Part 3']);
    expect(long.match(/^Intro\.$/gm)).toHaveLength(3);
    expect(repeatArticle(SOURCE, 1)).not.toContain('Part 1');
  });

  it('keeps the key points once, in the first copy, as an article has one list', () => {
    const withKeyPoints = SOURCE.replace('Intro.', ':::key-points\n- First point.\n- Second point.\n:::\n\nIntro.');
    const long = repeatArticle(withKeyPoints, 3);
    expect(long.match(/^:::key-points$/gm)).toHaveLength(1);
    expect(long.indexOf(':::key-points')).toBeLessThan(long.indexOf('## Part 2'));
    expect(long.match(/^Intro\.$/gm)).toHaveLength(3);
  });

  it('sets or adds frontmatter keys', () => {
    const { frontmatter } = splitFrontmatter(SOURCE);
    expect(setFrontmatterKey(frontmatter, 'slug', 'x')).toMatch(/^slug: "x"$/m);
    expect(setFrontmatterKey(frontmatter, 'author', 'A')).toMatch(/^author: "A"$/m);
    expect(() => splitFrontmatter('no frontmatter')).toThrow(/frontmatter/);
  });

  it('writes N distinct articles with their own slug, title and descending dates', () => {
    const dir = generateSite(SOURCE, 3, { now: new Date('2026-01-10T00:00:00Z') });
    try {
      const files = readdirSync(dir).sort();
      expect(files).toEqual(['synthetic-0001.md', 'synthetic-0002.md', 'synthetic-0003.md']);
      const third = readFileSync(path.join(dir, files[2]), 'utf8');
      expect(third).toMatch(/^slug: "synthetic-3"$/m);
      expect(third).toMatch(/^title: "Back pain \(synthetic 3\)"$/m);
      expect(third).toMatch(/^published: "2026-01-08"$/m);
      expect(third).not.toMatch(/^updated:/m);
      expect(third).toContain('## Options');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseTurboSummary', () => {
  it('reads task and cache counts through ANSI colours', () => {
    const output = '\u001b[1m Tasks:\u001b[0m    3 successful, 3 total\n\u001b[1mCached:\u001b[0m    3 cached, 3 total\n  Time:    120ms >>> FULL TURBO\n';
    expect(parseTurboSummary(output)).toEqual({ tasks: 3, cachedTasks: 3, fullTurbo: true });
    expect(parseTurboSummary('Tasks: 3 successful, 3 total\nCached: 0 cached, 3 total')).toEqual({ tasks: 3, cachedTasks: 0, fullTurbo: false });
  });
});

describe('median', () => {
  it('handles odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('changedInputs', () => {
  it('lists the input files whose hashes differ, per package, only for tasks whose hash changed', () => {
    const before = { 'ui#build': { hash: 'a', inputs: { 'src/x.ts': '1', 'src/y.ts': '2' } }, 'blog#build': { hash: 'b', inputs: { 'app/r.ts': '3' } } };
    const after = { 'ui#build': { hash: 'c', inputs: { 'src/x.ts': '1', 'src/y.ts': '9', 'src/z.ts': '4' } }, 'blog#build': { hash: 'b', inputs: { 'app/r.ts': '3' } } };
    expect(changedInputs(before, after)).toEqual(['ui/src/y.ts', 'ui/src/z.ts']);
    expect(changedInputs(before, before)).toEqual([]);
    expect(changedInputs(null, after)).toEqual([]);
  });
});

describe('the short site (100,000-article bench)', () => {
  const seed = `---
title: "Back pain"
category: Back pain
author: the-clinic
disclosure: >-
  The clinic offers this.
references:
  - id: nhs
    type: webpage
    title: Back pain
  - id: other
    type: webpage
    title: Other
---

Intro.

:::care[Get help urgently if]{level=urgent}
- a fever

Based on NHS advice.:cite[nhs]
:::
`;

  it('writes distinct short articles with the seed\u2019s trust metadata, care cards and only the references they cite', () => {
    const dir = generateShortSite(seed, 41);
    try {
      const names = readdirSync(dir).sort();
      expect(names).toHaveLength(41);
      const first = readFileSync(path.join(dir, 'synthetic-0001.md'), 'utf8');
      const second = readFileSync(path.join(dir, 'synthetic-0002.md'), 'utf8');
      expect(first).toContain('slug: synthetic-1\n');
      expect(second).toContain('slug: synthetic-2\n');
      for (const text of [first, second]) {
        expect(text).toMatch(/^author: the-clinic$/m);
        expect(text).toMatch(/^disclosure: >-\n {2}The clinic offers this\.$/m);
        expect(text).toContain(':::care[Get help urgently if]{level=urgent}');
        expect(text).toContain('- id: nhs');
        expect(text).not.toContain('- id: other');
      }
      // One in 20 is on the seed's topic (its title); the others have titles of their own.
      expect(first).toContain('title: "Back pain (synthetic 1)"');
      expect(second).not.toContain('Back pain (synthetic');
      expect(splitFrontmatter(second).body.split(/\s+/).length).toBeGreaterThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
