import { describe, expect, it } from 'vitest';
import { coldTarget, pipelineSites, sharedSeed } from '../lib/sections/pipeline.js';
import { splitFrontmatter } from '../lib/synthetic.js';
import { allPublished } from '../lib/pipeline-measure.js';

describe('pipeline section', () => {
  it('reads the sites to measure: seed copies by default, short articles on request', () => {
    expect(pipelineSites(undefined)).toEqual([
      { kind: 'seed', count: 1000 },
      { kind: 'seed', count: 10000 },
    ]);
    expect(pipelineSites('10000, short:100000,seed:300')).toEqual([
      { kind: 'seed', count: 10000 },
      { kind: 'short', count: 100000 },
      { kind: 'seed', count: 300 },
    ]);
    expect(pipelineSites('5,long:100,abc')).toEqual([]);
  });

  it('knows every article is published from the count the index page shows', () => {
    expect(allPublished(1)('<p>1 article, newest first</p>')).toBe(true);
    expect(allPublished(12)('<p>12 articles, newest first</p>')).toBe(true);
    expect(allPublished(100000)('<p>100000 articles, newest first</p>')).toBe(true);
    expect(allPublished(100000)('<p>99999 articles, newest first</p>')).toBe(false);
    expect(allPublished(100000)('<p>100,000 articles, newest first</p>')).toBe(true);
    expect(allPublished(100000)('<p>99,999 articles, newest first</p>')).toBe(false);
    expect(allPublished(1000)('<p>11,000 articles, newest first</p>')).toBe(false);
  });

  it('gives both checkouts one article: the earlier seed, today\u2019s disclosure, a category of its own', () => {
    const before = '---\ntitle: A\ncategory: Back pain\nauthor: x\n---\nBody.\n';
    const today = '---\ntitle: A\ncategory: Back pain\ndisclosure: >-\n  We sell it.\n  Really.\n---\n:::care[x]\n:::\n';
    const { frontmatter, body } = splitFrontmatter(sharedSeed(before, today));
    expect(frontmatter).toContain('category: "Pain research"');
    expect(frontmatter).toContain('disclosure: >-\n  We sell it.\n  Really.');
    expect(frontmatter).toContain('author: x');
    expect(body).toBe('Body.\n');
  });

  it('judges the cold pass of seed copies on 63 articles/s and of short articles on the earlier checkout in the same run', () => {
    const run = (kind, today, before) => ({ kind, beforeLabel: 'main before #25', today: { coldThroughput: today }, before: { coldThroughput: before } });
    expect(coldTarget(run('seed', 64, 100)).passed).toBe(true);
    expect(coldTarget(run('seed', 62, 10)).passed).toBe(false);
    expect(coldTarget(run('short', 120, 119)).passed).toBe(true);
    expect(coldTarget(run('short', 118, 119)).passed).toBe(false);
  });
});
