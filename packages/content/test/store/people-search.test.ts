/**
 * What the store adds for readers' features: author/reviewer ids judged against a people registry
 * (like links, against the rest of the site), and each served version's searchable text.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPeopleRegistry, type PeopleRegistry } from '../../src/people/index.js';
import { searchDocFromMarkdown } from '../../src/search/text.js';
import { makeSite, source, type Site } from './fixtures.js';

let site: Site;
afterEach(async () => {
  await site?.cleanup();
});

function registry(yaml: string): PeopleRegistry {
  const { registry: read, diagnostics } = readPeopleRegistry(yaml, 'people.yml');
  if (!read) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return read;
}

const people = registry(`
jane-doe:
  type: person
  name: Jane Doe
the-clinic:
  type: organization
  name: The Clinic
`);

describe('people registry', () => {
  it('publishes articles whose author and reviewer are in the registry, and not one with an unknown id', async () => {
    site = makeSite();
    site.write({ slug: 'known', extra: 'author: the-clinic\nreviewedBy: jane-doe\n' });
    site.write({ slug: 'unknown', extra: 'author: the-clinc\n' });
    const store = site.open({ people: () => people });
    await store.ready;
    const snapshot = store.snapshot();
    expect(snapshot.articles.map((article) => article.slug)).toEqual(['known']);
    expect(snapshot.articles[0]).toMatchObject({ author: 'the-clinic', reviewedBy: 'jane-doe' });
    const report = snapshot.reports.find((r) => r.file === 'unknown.md');
    expect(report?.state).toBe('unpublished');
    // `author:` is line 8 of the fixture; the value starts at column 9.
    expect(report?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'person-unknown', severity: 'error', file: 'unknown.md', line: 8, column: 9 }),
    ]);
    expect(report?.diagnostics[0]?.message).toContain('"the-clinc" is not in the people registry');
    expect(site.logs.join('\n')).toMatch(/not publishing unknown\.md\n {2}unknown\.md:8:9 error .*person-unknown/);
  });

  it('keeps the last good version when an edit names an unknown reviewer', async () => {
    site = makeSite();
    site.write({ slug: 'live', title: 'Reviewed', extra: 'reviewedBy: jane-doe\n' });
    const store = site.open({ people: () => people });
    await store.ready;
    site.write({ slug: 'live', title: 'Typo in the reviewer', extra: 'reviewedBy: jane-do\n' });
    const after = await store.refresh();
    expect(after.articles[0]?.title).toBe('Reviewed');
    expect(after.entry('live')?.servingLastGood).toBe(true);
    expect(after.reports.find((r) => r.file === 'live.md')?.diagnostics[0]?.ruleId).toBe('person-unknown');
  });

  it('applies an edited registry to the next judgement: a new person makes the article publishable', async () => {
    site = makeSite();
    let current = people;
    site.write({ slug: 'new-author', extra: 'author: sam-new\n' });
    const store = site.open({ people: () => current });
    await store.ready;
    expect(store.snapshot().articles).toHaveLength(0);
    current = registry('sam-new:\n  type: person\n  name: Sam New\n');
    expect((await store.refresh()).articles.map((article) => article.slug)).toEqual(['new-author']);
  });

  it('judges every article at the next start when the registry changed while it ran, though an edit was saved since', async () => {
    site = makeSite();
    let current = people;
    site.write({ slug: 'reviewed', extra: 'reviewedBy: jane-doe\n' });
    site.write({ slug: 'other' });
    const first = site.open({ people: () => current, watch: true });
    await first.ready;
    expect(first.snapshot().reports).toEqual([]);
    // Jane leaves the registry while the server runs; then another article is edited and saved.
    current = registry('the-clinic:\n  type: organization\n  name: The Clinic\n');
    const updated = new Promise((resolve) => first.subscribe(resolve));
    site.write({ slug: 'other', title: 'Other, edited' });
    await updated;
    await first.close();

    const second = site.open({ people: () => current });
    await second.settled();
    expect(second.snapshot().reports.find((r) => r.file === 'reviewed.md')?.diagnostics.map((d) => d.ruleId)).toEqual(['person-unknown']);
  });

  it('judges every article again when the ids in the registry change while it runs, and not for an edited bio', async () => {
    site = makeSite();
    const clinic = 'the-clinic:\n  type: organization\n  name: The Clinic\n';
    let current = registry(clinic);
    site.write({ slug: 'by-sam', extra: 'author: sam-new\n' });
    const store = site.open({ people: () => current });
    await store.ready;
    expect(store.snapshot().articles).toHaveLength(0);
    current = registry(`${clinic}  description: A clinic for back pain.\n`);
    expect(await store.rulesChanged()).toBe(false);
    current = registry(`${clinic}sam-new:\n  type: person\n  name: Sam New\n`);
    expect(await store.rulesChanged()).toBe(true);
    expect(store.snapshot().articles.map((article) => article.slug)).toEqual(['by-sam']);
    expect(site.logs.join('\n')).toContain("[content] the site's rules changed (people.yml, site.yml or the routes): every article is judged again");
    expect(await store.rulesChanged()).toBe(false);
  });

  it('judges every article again when the registry goes back to the one most were judged against, after a save judged under another', async () => {
    site = makeSite();
    const clinic = 'the-clinic:\n  type: organization\n  name: The Clinic\n';
    const withoutSam = registry(clinic);
    let current = withoutSam;
    site.write({ slug: 'by-sam', extra: 'author: sam-new\n' });
    const store = site.open({ people: () => current, watch: true });
    await store.ready;
    expect(store.snapshot().articles).toHaveLength(0);
    // Sam is added, and an edit of the article is judged under that registry (a save, not every file).
    current = registry(`${clinic}sam-new:\n  type: person\n  name: Sam New\n`);
    const updated = new Promise((resolve) => store.subscribe(resolve));
    site.write({ slug: 'by-sam', title: 'By Sam, edited', extra: 'author: sam-new\n' });
    await updated;
    expect(store.snapshot().articles.map((article) => article.slug)).toEqual(['by-sam']);
    // Then the registry goes back: the rest were judged under it, the edit was not.
    current = withoutSam;
    expect(await store.rulesChanged()).toBe(true);
    expect(store.snapshot().reports.find((r) => r.file === 'by-sam.md')?.diagnostics.map((d) => d.ruleId)).toEqual(['person-unknown']);
  });

  it('checks nothing without a registry (free-text authors stay valid)', async () => {
    site = makeSite();
    site.write({ slug: 'free', extra: 'author: Some Clinic Name\n' });
    const store = site.open();
    await store.ready;
    expect(store.snapshot().articles.map((article) => article.slug)).toEqual(['free']);
  });
});

describe('searchable text', () => {
  it('gives each served version its headings and prose, from the cache or rebuilt from the file', async () => {
    site = makeSite();
    site.write({ slug: 'findable', title: 'Sciatica basics', body: 'Prolotherapy is an *injection* treatment.' });
    const store = site.open({ workers: 1 });
    await store.ready;
    const entry = store.snapshot().entry('findable');
    if (!entry) throw new Error('not published');
    const doc = await store.searchDoc(entry);
    expect(doc).toMatchObject({ id: 'findable', title: 'Sciatica basics', tags: ['back'], headings: ['When to get help'] });
    expect(doc?.body).toContain('Prolotherapy is an injection treatment.');
    expect(doc?.body).not.toContain('*');

    rmSync(path.join(site.cacheDir, 'objects'), { recursive: true });
    expect(await store.searchDoc(entry)).toEqual(doc);

    // A version no longer on disk (edited since) is not invented.
    site.write({ slug: 'findable', title: 'Renamed' });
    expect(await store.searchDoc(entry)).toBeNull();
  });

  it('indexes what the public searchDocFromMarkdown gives for the file: table cells as words, no frontmatter, HTML or code', async () => {
    site = makeSite();
    const body = [
      'Prolotherapy is an *injection* treatment.',
      '',
      '| Treatment | Evidence |',
      '| --- | --- |',
      '| Spinal cord stimulation | Moderate certainty |',
      '',
      '<div>raw html words</div>',
      '',
      '```',
      'code words',
      '```',
    ].join('\n');
    const fixture = { slug: 'tabled', body };
    site.write(fixture);
    const store = site.open({ workers: 1 });
    await store.ready;
    const entry = store.snapshot().entry('tabled');
    if (!entry) throw new Error('not published');
    const doc = await store.searchDoc(entry);
    expect(doc?.body.split('\n')).toEqual([
      'Prolotherapy is an injection treatment.',
      'Treatment',
      'Evidence',
      'Spinal cord stimulation',
      'Moderate certainty',
      'See a clinician if the pain is severe.',
    ]);
    const article = await store.article('tabled');
    if (!article) throw new Error('no article');
    expect(doc).toEqual(searchDocFromMarkdown(article.meta, source(fixture)));
  });
});
