/**
 * Dev preview (CITED_PREVIEW=1, what `npm run dev` gets from NODE_ENV=development) on the
 * production build: a broken article shows its diagnostics server-rendered (rule id, message,
 * file:line:column, the source with the spot marked); fixing the file shows the article; drafts
 * and scheduled articles show with a banner and noindex; /_content lists every problem.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, scriptTags, setClock, settle, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'fine', title: 'Fine', published: '2024-01-01' });
  writeFileSync(
    path.join(dir, 'broken.md'),
    articleSource({ slug: 'broken', title: 'Broken', published: '2024-01-02' }).replace('Staying active helps', 'Staying active:cite[hayden2005] helps'),
  );
  writeFileSync(
    path.join(dir, 'draft.md'),
    articleSource({ slug: 'draft', title: 'A draft', published: '2024-01-03' }).replace('\n---\n', '\ndraft: true\n---\n'),
  );
  writeArticle(dir, { slug: 'later', title: 'Later', published: '2027-03-01' });
  // Review dates around the injected today (2026-11-27), and a paragraph far above grade 8.
  writeFileSync(
    path.join(dir, 'due-for-review.md'),
    articleSource({ slug: 'due-for-review', title: 'Due for review', published: '2024-01-04', lastReviewed: '2025-06-01', nextReviewDue: '2026-06-01' }).replace(
      'Staying active helps more than bed rest.',
      'Intervertebral disc degeneration, characterised by progressive extracellular matrix deterioration, necessitates comprehensive multidisciplinary evaluation incorporating radiological investigations. Most people get better.',
    ),
  );
  writeArticle(dir, { slug: 'not-yet-due', title: 'Not yet due', published: '2024-01-05', lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' });
  process.env.CITED_ARTICLES_DIR = dir;
  process.env.CITED_PREVIEW = '1';
  handler = await loadHandler();
  setClock(new Date('2026-11-27T12:00:00Z'));
});

afterAll(async () => {
  delete process.env.CITED_PREVIEW;
  setClock(null);
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('dev diagnostics', () => {
  it('shows a broken article’s problems in the page, without JavaScript', async () => {
    const response = await get(handler, '/articles/broken');
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(scriptTags(html)).toEqual([]);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const text = mainText(html);
    expect(text).toContain('This article has errors');
    expect(text).toContain('cite-unknown-key');
    expect(text).toContain('Citation key "hayden2005" is not in the frontmatter references');
    expect(text).toContain(`${path.join(dir, 'broken.md')}:13:15`);
    // Its readability report too, as `cited-content check` prints it.
    expect(text).toMatch(/Readability .* Broken|Readability .*broken\.md/);
    expect(text).toMatch(/Grade [\d.]+ \(reading age \d+\)/);
    // The source line, marked, with a caret under the column.
    expect(html).toMatch(/<mark>13 \| Staying active:cite\[hayden2005\] helps more than bed rest\.<\/mark>\n {19}\^+ here/);
  });

  it('shows a bibliography file’s problem with that file’s name and lines, the field marked', async () => {
    writeFileSync(
      path.join(dir, 'refs.bib'),
      ['@article{hayden2005,', '  author = {Hayden, J. A.},', '  title = {Exercise therapy for low back pain},', '  year = {2005},', '  doi = {10.7326 bad}', '}', ''].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'cites-bib.md'),
      articleSource({ slug: 'cites-bib', title: 'Cites a bib', published: '2024-01-06' })
        .replace('\n---\n', '\nbibliography: refs.bib\n---\n')
        .replace('Staying active helps', 'Staying active [@hayden2005] helps'),
    );
    await settle();
    const response = await get(handler, '/articles/cites-bib');
    expect(response.status).toBe(500);
    const html = await response.text();
    const text = mainText(html);
    expect(text).toContain('reference-invalid-doi');
    expect(text).toContain('In refs.bib, a bibliography file of this article');
    expect(text).toContain(`${path.join(dir, 'refs.bib')}:5:9`);
    // The bibliography's lines, not the article's `---`, with carets under the DOI's value.
    expect(html).toContain('aria-label="refs.bib around line 5"');
    expect(html).toMatch(/<mark>5 \| {3}doi = \{10\.7326 bad\}<\/mark>\n {12}\^{13} here/);
    expect(html).not.toMatch(/<mark>\d+ \| ---<\/mark>/);
  });

  it('shows the article once the file is fixed and the page reloaded', async () => {
    writeArticle(dir, { slug: 'broken', title: 'Broken no more', published: '2024-01-02' });
    await settle();
    const response = await get(handler, '/articles/broken');
    expect(response.status).toBe(200);
    expect(mainText(await response.text())).toContain('Broken no more');
  });

  it('lists every problem, draft and scheduled article on /_content', async () => {
    writeFileSync(path.join(dir, 'bad-yaml.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
    await settle();
    const response = await get(handler, '/_content');
    expect(response.status).toBe(200);
    const text = mainText(await response.text());
    expect(text).toContain(`${path.join(dir, 'bad-yaml.md')}:`);
    expect(text).toContain('Not published: readers get a 404 until this is fixed.');
    expect(text).toContain('A draft: draft');
    expect(text).toContain('Later: scheduled for 1 March 2027');
  });

  it('lists the overdue medical reviews on /_content by the injected clock’s day', async () => {
    const text = mainText(await (await get(handler, '/_content')).text());
    expect(text).toContain('Medical reviews overdue or soon due review-overdue (warning), as of 27 November 2026');
    expect(text).toContain('Due for review (due-for-review.md): review was due on 1 June 2026');
    expect(text).not.toContain('Not yet due (not-yet-due.md): review was due');
    expect(text).not.toContain('Not yet due (not-yet-due.md): review due on');
    setClock(new Date('2026-12-15T12:00:00Z'));
    try {
      const soon = mainText(await (await get(handler, '/_content')).text());
      expect(soon).toContain('Not yet due (not-yet-due.md): review due on 1 January 2027 (within 30 days)');
    } finally {
      setClock(new Date('2026-11-27T12:00:00Z'));
    }
    setClock(new Date('2027-02-01T12:00:00Z'));
    try {
      const later = mainText(await (await get(handler, '/_content')).text());
      expect(later).toContain('Not yet due (not-yet-due.md): review was due on 1 January 2027');
    } finally {
      setClock(new Date('2026-11-27T12:00:00Z'));
    }
  });

  it('shows the readability report on /_content, each flagged paragraph with its hardest sentence', async () => {
    const html = await (await get(handler, '/_content')).text();
    const text = mainText(html);
    expect(text).toMatch(/Readability Flesch–Kincaid grade of the prose you wrote/);
    expect(text).toMatch(/Due for review \(due-for-review\.md\) Grade [\d.]+ \(reading age \d+\), above the target grade 8/);
    expect(text).toMatch(/due-for-review\.md:\d+: grade/);
    expect(text).toContain('Hardest sentence (grade');
    expect(html).toContain('<q>Intervertebral disc degeneration, characterised by progressive extracellular matrix deterioration');
  });
});

describe('drafts and scheduled articles in dev', () => {
  it('shows a draft with a banner and noindex, and never lists it', async () => {
    const html = await (await get(handler, '/articles/draft')).text();
    expect(mainText(html)).toContain('Draft: not published.');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await (await get(handler, '/')).text()).not.toContain('/articles/draft"');
  });

  it('shows a scheduled article with its date', async () => {
    const html = await (await get(handler, '/articles/later')).text();
    expect(mainText(html)).toContain('Scheduled for 1 March 2027: not published yet.');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('indexes a published article as usual', async () => {
    const html = await (await get(handler, '/articles/fine')).text();
    expect(html).not.toContain('noindex');
  });
});
