/**
 * What site.yml and people.yml ask of every article (site/trust.ts): care cards by category, a
 * medical reviewer, a disclosure when the author or publisher sells what the article discusses.
 * Judged by `cited-content check` (checkArticles) and by the content store, at file:line:column.
 */
import { basename } from 'node:path';
import { temporaryDirectories } from '@cited/test-utils/temporary';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArticles, checkSiteRules, offerPattern, overdueReviews, readPeopleRegistry, readSiteConfig, rules } from '../src/index.js';
import type { PeopleRegistry, SiteRules } from '../src/index.js';
import { now } from './helpers.js';

const temporary = temporaryDirectories();
afterEach(() => temporary.removeAll());

const people: PeopleRegistry = readPeopleRegistry(
  `clinic:
  type: organization
  name: Example Clinic
  offers: [prolotherapy, platelet-rich plasma]
jane-doe:
  type: person
  name: Jane Doe
  credentials: MD
`,
  'people.yml',
).registry as PeopleRegistry;

const siteYaml = `name: Example
tagline: Evidence, plainly
description: Articles.
url: https://example.org/
locale: en-US
publisher:
  name: Example Clinic
  id: clinic
contact:
  email: hello@example.org
footer: About us.
disclaimer: Not advice.
emergencyNumber: "911"
careCards:
  require:
    - categories: [Back pain, Neck pain]
      level: [urgent, emergency]
review:
  required: true
`;
const site = readSiteConfig(siteYaml, 'site.yml').config as SiteRules;

/** An article whose frontmatter lines are fixed: title 2, category 5, author 7, extra from 8. */
function source(body: string, { category = 'Back pain', author = 'jane-doe', extra = '' } = {}): string {
  return `---
title: Test article
description: A test.
published: 2024-01-01
category: ${category}
tags: [back]
author: ${author}
${extra}---

${body}
`;
}

const reviewed = 'reviewedBy: jane-doe\nlastReviewed: 2024-01-01\nnextReviewDue: 2030-01-01\n';
const urgentCard = ':::care[See a doctor urgently if you have]{level=urgent}\n- a fever with back pain\n:::';

async function check(files: Record<string, string>, options: { siteRules?: SiteRules; people?: PeopleRegistry } = { siteRules: site, people }) {
  // Each its own title: these tests are about other rules than title-duplicate.
  const titled = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replace('title: Test article', `title: Article ${name}`)]));
  const dir = temporary.make('site-rules', titled);
  // The folder on its own (no site found around it), with these rules and people.
  const result = await checkArticles(dir, { now, readability: false, site: null, ...options });
  return (name: string) => result.diagnostics.filter((d) => basename(d.file) === name).map((d) => ({ ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, message: d.message }));
}

describe('care-card-missing', () => {
  it('is an error at the category when a required category has no urgent or emergency card', async () => {
    const found = await check({
      'none.md': source('Rest helps.', { extra: reviewed }),
      'soft.md': source(':::care[See a GP if]{level=non-urgent}\n- it lasts\n:::', { extra: reviewed }),
      'neck.md': source('Rest helps.', { category: 'neck PAIN', extra: reviewed }),
      'ok.md': source(urgentCard, { extra: reviewed }),
      'other.md': source('Rest helps.', { category: 'Knees', extra: reviewed }),
    });
    for (const name of ['none.md', 'soft.md']) {
      expect(found(name)).toEqual([
        { ruleId: 'care-card-missing', severity: 'error', line: 5, column: 11, message: expect.stringContaining('"Back pain" need a care card of level urgent or emergency (site.yml careCards.require)') },
      ]);
    }
    // Category names match without regard to case.
    expect(found('neck.md').map((d) => d.ruleId)).toEqual(['care-card-missing']);
    expect(found('ok.md')).toEqual([]);
    expect(found('other.md')).toEqual([]);
  });
});

describe('reviewer-missing', () => {
  it('is an error at the author line when site.yml requires review and no reviewer is named', async () => {
    const found = await check({ 'unreviewed.md': source(urgentCard), 'reviewed.md': source(urgentCard, { extra: reviewed }) });
    expect(found('unreviewed.md')).toEqual([
      { ruleId: 'reviewer-missing', severity: 'error', line: 7, column: 1, message: expect.stringContaining('site.yml requires a medical reviewer (review.required)') },
    ]);
    expect(found('reviewed.md')).toEqual([]);
  });

  it('is not required unless site.yml says so', async () => {
    const found = await check({ 'unreviewed.md': source(urgentCard) }, { siteRules: { ...site, review: { required: false } }, people });
    expect(found('unreviewed.md')).toEqual([]);
  });
});

describe('disclosure-missing', () => {
  it('is an error at the author line when the author offers what the body discusses', async () => {
    const body = `${urgentCard}\n\nSome had Platelet Rich Plasma injections.`;
    const found = await check({
      'undisclosed.md': source(body, { author: 'clinic', extra: reviewed }),
      'disclosed.md': source(body, { author: 'clinic', extra: `${reviewed}disclosure: The clinic sells PRP.\n` }),
    });
    expect(found('undisclosed.md')).toEqual([
      {
        ruleId: 'disclosure-missing',
        severity: 'error',
        line: 7,
        column: 1,
        message: expect.stringContaining('The article discusses platelet-rich plasma, which Example Clinic offers'),
      },
    ]);
    expect(found('disclosed.md')).toEqual([]);
  });

  it('counts the publisher’s offers and the tags too, and only whole words', async () => {
    const found = await check({
      // Another author, but site.yml's publisher (clinic) offers prolotherapy.
      'publisher.md': source(`${urgentCard}\n\nProlotherapy is an injection.`, { extra: reviewed }),
      'tag.md': source(urgentCard, { extra: `${reviewed}` }).replace('tags: [back]', 'tags: [back, prolotherapy]'),
      'part-of-a-word.md': source(`${urgentCard}\n\nNot prolotherapyish at all.`, { extra: reviewed }),
    });
    expect(found('publisher.md').map((d) => d.ruleId)).toEqual(['disclosure-missing']);
    expect(found('tag.md').map((d) => d.ruleId)).toEqual(['disclosure-missing']);
    expect(found('part-of-a-word.md')).toEqual([]);
    expect(offerPattern('platelet-rich plasma').test('PLATELET RICH\nPLASMA')).toBe(true);
    expect(offerPattern('PRP').test('PRPs')).toBe(false);
  });

  it('checks nothing without a site or registry', async () => {
    const found = await check({ 'any.md': source('Prolotherapy.', { author: 'clinic' }) }, {});
    expect(found('any.md')).toEqual([]);
  });
});

describe('site rules in one call', () => {
  it('reads the source only when it must (a rule fires, or the body is searched for an offer)', () => {
    let reads = 0;
    const read = () => {
      reads += 1;
      return source('Nothing sold here.', { extra: reviewed });
    };
    const facts = { category: 'Knees', tags: [], author: 'jane-doe', reviewedBy: 'jane-doe', careLevels: [] };
    expect(checkSiteRules(facts, { file: 'a.md', site, people: readPeopleRegistry('jane-doe:\n  type: person\n  name: J\n', 'p.yml').registry, source: read })).toEqual([]);
    expect(reads).toBe(0);
    expect(checkSiteRules({ ...facts, category: 'Back pain' }, { file: 'a.md', site, source: read })).toEqual([
      expect.objectContaining({ ruleId: 'care-card-missing', severity: rules['care-card-missing'].severity, line: 5, column: 11 }),
    ]);
    expect(reads).toBe(1);
  });

  it('overdueReviews lists what is overdue on the given day, oldest first', () => {
    const listings = [{ slug: 'a', nextReviewDue: '2026-11-25' }, { slug: 'b', nextReviewDue: '2026-01-01' }, { slug: 'c' }, { slug: 'd', nextReviewDue: '2025-06-30' }];
    expect(overdueReviews(listings, now).map((listing) => listing.slug)).toEqual(['d', 'b']);
    expect(overdueReviews(listings, new Date('2026-11-26T00:00:00Z')).map((listing) => listing.slug)).toEqual(['d', 'b', 'a']);
  });
});

describe('site.yml', () => {
  it('validates the care card requirements, the review switch, the emergency number and the readability settings', () => {
    expect(readSiteConfig(siteYaml, 'site.yml').diagnostics).toEqual([]);
    const bad = readSiteConfig(
      siteYaml.replace('level: [urgent, emergency]', 'level: [urgnet]').replace('"911"', 'call us').replace('required: true', 'required: yes please'),
      'site.yml',
    );
    expect(bad.config).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['site-config-invalid', 13],
      ['site-config-invalid', 17],
      ['site-config-invalid', 19],
    ]);
    expect(readSiteConfig(`${siteYaml}readability:\n  allow: [prolotherapy]\n  targetGrade: 9\n`, 'site.yml').config?.readability).toEqual({ allow: ['prolotherapy'], targetGrade: 9 });
  });
});
