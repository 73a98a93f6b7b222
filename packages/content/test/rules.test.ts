import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticles, compileArticle, maxSourceChars, rules, ruleIds } from '../src/index.js';
import { maxFrontmatterChars } from '../src/source.js';
import { article, fixturesDir, now, packageDir } from './helpers.js';

interface Expected {
  line: number;
  column: number;
  message: string;
}

/** One fixture per rule: test/fixtures/<rule-id>.md must produce exactly this one diagnostic. */
const fixtureExpectations: Record<string, Expected> = {
  'source-invalid-utf8': { line: 16, column: 4, message: 'not valid UTF-8' },
  'source-too-deep': { line: 16, column: 1, message: 'nested too deeply' },
  'source-too-complex': { line: 16, column: 1, message: 'too many emphasis markers or brackets' },
  'frontmatter-missing': { line: 1, column: 1, message: 'Expected a YAML frontmatter block' },
  'frontmatter-invalid': { line: 3, column: 14, message: 'Invalid YAML: a `[` or `{` is opened here but never closed' },
  'frontmatter-missing-title': { line: 2, column: 1, message: 'The frontmatter has no `title`' },
  'frontmatter-invalid-date': { line: 6, column: 10, message: '`updated` "2024-02-30" must be a real calendar date' },
  'frontmatter-invalid-slug': { line: 6, column: 7, message: '`slug` "Not A Slug!" must be URL-safe' },
  'frontmatter-unknown-key': { line: 6, column: 1, message: 'Unknown frontmatter key `publised`' },
  'reference-duplicate-id': { line: 12, column: 9, message: 'Duplicate reference id "a2020"' },
  'reference-missing-title': { line: 12, column: 5, message: 'Reference "b2021" has neither a title nor a URL or DOI' },
  'reference-invalid-doi': { line: 12, column: 10, message: '`doi` "https://doi.org/10.1000/xyz" must look like 10.NNNN/suffix' },
  'reference-invalid-pmid': { line: 12, column: 11, message: '`pmid` "PMC12345" must be digits only' },
  'reference-invalid-url': { line: 12, column: 10, message: '`url` "javascript:alert(1)" must be an http(s) URL' },
  'reference-invalid': { line: 12, column: 5, message: 'Reference 2 has no `id`' },
  'reference-unused': { line: 12, column: 5, message: 'Reference "b2021" is never cited' },
  'reference-incomplete': { line: 12, column: 5, message: 'Reference "b2021" has no authors or year' },
  'cite-unknown-key': { line: 16, column: 23, message: 'Citation key "a2021" is not in the frontmatter references' },
  'cite-missing-key': { line: 16, column: 18, message: 'needs at least one reference key' },
  'cite-prefix-ignored': { line: 16, column: 35, message: '"see" before @a2020 is not shown in a numbered citation' },
  'bibliography-not-found': { line: 6, column: 15, message: 'Bibliography "references.bib" cannot be read' },
  'bibliography-invalid': { line: 6, column: 15, message: 'Bibliography "references.docx" has an unknown extension' },
  'directive-unknown': { line: 16, column: 1, message: 'Unknown directive ":::warning"' },
  'directive-missing-attribute': { line: 16, column: 1, message: ':::study needs a `figure` attribute' },
  'directive-invalid-attribute': { line: 16, column: 1, message: ':::study tone must be one of finding, caution, info, not "loud"' },
  'directive-unsafe-url': { line: 16, column: 1, message: ':::cta href "javascript:alert(1)" is not' },
  'directive-unclosed': { line: 16, column: 1, message: '`:::pullquote` is never closed: add a line with just `:::`' },
  'link-broken': { line: 16, column: 5, message: 'Link "#outcome" points at no heading or anchor on this page (did you mean `#outcomes`?)' },
  'link-unsafe-url': { line: 16, column: 3, message: 'Link URL with scheme "javascript:" is removed' },
  'image-offsite': { line: 16, column: 9, message: 'Image "https://evil.example/pixel.png" is not served from this site' },
  'html-ignored': { line: 16, column: 1, message: 'Raw HTML is not rendered' },
  'claim-without-citation': { line: 16, column: 1, message: 'Paragraph states "25%" without a citation' },
  'review-overdue': { line: 8, column: 16, message: 'The medical review was due on 2024-01-01' },
};

describe('one fixture per rule', () => {
  it.each(Object.entries(fixtureExpectations))('%s', (ruleId, expected) => {
    const source = new Uint8Array(readFileSync(join(fixturesDir, `${ruleId}.md`)));
    const result = compileArticle(source, { path: `${ruleId}.md`, now });
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([ruleId]);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({
      ruleId,
      severity: rules[ruleId as keyof typeof rules].severity,
      file: `${ruleId}.md`,
      line: expected.line,
      column: expected.column,
    });
    expect(diagnostic?.message).toContain(expected.message);
    expect(result.ok).toBe(diagnostic?.severity !== 'error');
  });

  it('slug-duplicate: the second file with a slug is an error at its slug', async () => {
    const result = await checkArticles(join(fixturesDir, 'slug-duplicate'), { now, site: null });
    const duplicates = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'slug-duplicate');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ severity: 'error', line: 6, column: 7 });
    expect(duplicates[0]?.file).toMatch(/second\.md$/);
    expect(duplicates[0]?.message).toMatch(/Slug "same-slug" is already used by .*first\.md/);
    expect(result.errorCount).toBe(1);
    expect(result.report).toContain('6:7');
    expect(result.report).toContain('slug-duplicate');
  });

  it('source-too-large: over the limit, the body is not parsed but the frontmatter is read', () => {
    const source = article('Word '.repeat(maxSourceChars / 5 + 10));
    const result = compileArticle(source, { path: 'large.md' });
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['source-too-large']);
    expect(result.meta.title).toBe('Test article');
    expect(result.hast.children).toEqual([]);
  });

  it('frontmatter-too-large: over the limit, the YAML is not parsed', () => {
    const source = article('Text.:cite[a2020]', `summary: "${'x'.repeat(maxFrontmatterChars)}"\n`);
    const result = compileArticle(source, { path: 'large-frontmatter.md' });
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['frontmatter-too-large']);
    expect(result.diagnostics[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(result.diagnostics[0]?.message).toContain(`maximum is ${maxFrontmatterChars}`);
  });

  it('compile-failed: an internal failure becomes a diagnostic, not an exception', () => {
    // An invalid `now` makes the review-date check throw inside the pipeline.
    const source = article('Text.:cite[a2020]', 'nextReviewDue: 2024-01-01\n');
    const result = compileArticle(source, { path: 'broken.md', now: new Date(Number.NaN) });
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['compile-failed']);
    expect(result.diagnostics[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(result.ok).toBe(false);
  });

  it('every rule has a test here, and is documented in AUTHORING.md', () => {
    const tested = new Set([...Object.keys(fixtureExpectations), 'slug-duplicate', 'source-too-large', 'frontmatter-too-large', 'compile-failed']);
    // Tested where they need files or options: bibliography.test.ts, readability.test.ts.
    for (const ruleId of ['bibliography-entry-skipped', 'readability-paragraph', 'readability-article']) tested.add(ruleId);
    // people-site.test.ts
    for (const ruleId of ['person-unknown', 'people-invalid', 'site-config-invalid']) tested.add(ruleId);
    // cli.test.ts (it needs a site's folders)
    tested.add('article-not-read');
    expect(ruleIds.filter((ruleId) => !tested.has(ruleId))).toEqual([]);
    const authoring = readFileSync(join(packageDir, 'AUTHORING.md'), 'utf8');
    expect(ruleIds.filter((ruleId) => !authoring.includes(`\`${ruleId}\``))).toEqual([]);
  });

  it('rule ids are kebab-case', () => {
    for (const ruleId of ruleIds) expect(ruleId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('directive requirements', () => {
  it.each([
    [':::study{figure="50%"}\nHalf improved.\n:::', ':::study needs a `cite` attribute'],
    [':::study{cite=a2020 figure="50%"}\n:::', ':::study needs a body'],
    [':::study{cite=a2020 figure="50%" n=many}\nHalf improved.\n:::', ':::study n must be a positive whole number, not "many"'],
    [':::pullquote{cite=a2020}\n:::', ':::pullquote needs a body: the quotation'],
    [':::cta{label="Go"}\nHeading\n:::', ':::cta needs an `href` attribute'],
    [':::cta{href="/contact"}\nHeading\n:::', ':::cta needs a `label` attribute'],
    [':::cta{href="/contact" label="Go"}\n:::', ':::cta needs a heading'],
    [':::cta{href="/contact" label="Go" secondary-href="/more"}\nHeading\n:::', 'needs both `secondary-href` and `secondary-label`'],
  ])('%j', (body, message) => {
    const result = compileArticle(article(`Cited.:cite[a2020]\n\n${body}`), { path: 'directives.md', now });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.column])).toEqual([[16, 1]]);
    expect(result.diagnostics[0]?.message).toContain(message);
    expect(result.ok).toBe(false);
  });

  it('review-overdue uses the current date when no `now` is given', () => {
    const result = compileArticle(article('Cited.:cite[a2020]', 'nextReviewDue: 2000-01-01\n'), { path: 'review.md' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'review-overdue' })]);
  });
});
