/**
 * The store judges what site.yml and people.yml ask of articles like it judges links and people:
 * an error holds a new version back, an edited config applies to the next judgement.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readPeopleRegistry, type PeopleRegistry } from '../../src/people/index.js';
import type { SiteRules } from '../../src/site/trust.js';
import { makeSite, type Site } from './fixtures.js';

let site: Site;
afterEach(async () => {
  await site?.cleanup();
});

const people = readPeopleRegistry('the-clinic:\n  type: organization\n  name: The Clinic\n  offers: [prolotherapy]\n', 'people.yml').registry as PeopleRegistry;
const rules: SiteRules = {
  publisher: { name: 'The Clinic', id: 'the-clinic' },
  careCards: { require: [{ categories: ['Back pain'], level: ['urgent', 'emergency'] }] },
};
const card = ':::care[Get help urgently if you have]{level=urgent}\n- a fever with back pain\n:::\n\nStaying active helps.';

describe('site rules in the store', () => {
  it('publishes an article that meets them, with what the rules need in its listing, and holds back one that does not', async () => {
    site = makeSite();
    site.write({ slug: 'carded', body: card, extra: 'nextReviewDue: 2030-01-01\ndisclosure: The Clinic offers prolotherapy.\n' });
    site.write({ slug: 'no-card' });
    const store = site.open({ site: () => rules, people: () => people });
    await store.ready;
    const snapshot = store.snapshot();
    expect(snapshot.articles.map((article) => article.slug)).toEqual(['carded']);
    expect(snapshot.articles[0]).toMatchObject({ careLevels: ['urgent'], nextReviewDue: '2030-01-01', disclosed: true });
    const report = snapshot.reports.find((r) => r.file === 'no-card.md');
    expect(report?.state).toBe('unpublished');
    // `category:` is line 5 of the fixture; its value starts at column 11.
    expect(report?.diagnostics).toEqual([expect.objectContaining({ ruleId: 'care-card-missing', severity: 'error', line: 5, column: 11 })]);
    expect(site.logs.join('\n')).toMatch(/not publishing no-card\.md\n {2}no-card\.md:5:11 error .*care-card-missing/);
  });

  it('holds back an article whose publisher sells what it discusses until it discloses it, and applies an edited config', async () => {
    site = makeSite();
    site.write({ slug: 'sells', body: `${card}\n\nProlotherapy may help.` });
    let current = rules;
    const store = site.open({ site: () => current, people: () => people });
    await store.ready;
    expect(store.snapshot().articles).toHaveLength(0);
    expect(store.snapshot().reports[0]?.diagnostics.map((d) => d.ruleId)).toEqual(['disclosure-missing']);
    // The publisher is no longer the clinic: nothing to disclose.
    current = { ...rules, publisher: { name: 'Someone else' } };
    expect((await store.refresh()).articles.map((article) => article.slug)).toEqual(['sells']);
  });

  it('holds back an article without a medical reviewer when site.yml requires review', async () => {
    site = makeSite();
    site.write({ slug: 'unreviewed', body: card });
    site.write({ slug: 'reviewed', body: card, extra: 'reviewedBy: jane-doe\nlastReviewed: 2024-01-01\n' });
    const store = site.open({ site: () => ({ ...rules, review: { required: true } }) });
    await store.ready;
    expect(store.snapshot().articles.map((article) => article.slug)).toEqual(['reviewed']);
    // No author line in the fixture: the error is at the title, line 2.
    expect(store.snapshot().reports.find((r) => r.file === 'unreviewed.md')?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'reviewer-missing', severity: 'error', line: 2, column: 1 }),
    ]);
  });

  it('keeps serving the last good version when an edit removes the required care card', async () => {
    site = makeSite();
    site.write({ slug: 'live', title: 'With a card', body: card });
    const store = site.open({ site: () => rules });
    await store.ready;
    site.write({ slug: 'live', title: 'Card removed' });
    const after = await store.refresh();
    expect(after.articles[0]?.title).toBe('With a card');
    expect(after.entry('live')?.servingLastGood).toBe(true);
    expect(after.reports.find((r) => r.file === 'live.md')?.diagnostics.map((d) => d.ruleId)).toEqual(['care-card-missing']);
  });
});
