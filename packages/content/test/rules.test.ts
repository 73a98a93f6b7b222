import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticles, compileArticle, maxSourceChars, rules, ruleIds } from '../src/index.js';
import { maxFrontmatterChars } from '../src/source.js';
import { article, elements, fixturesDir, now, packageDir } from './helpers.js';
import { source } from './store/fixtures.js';

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
  'link-relative': { line: 16, column: 11, message: 'Link "contact" is relative, so where it leads depends on the page showing the article (on the article\'s own page, a 404); write it from the site\'s root or as a full address (did you mean `/contact` for a page of the site, or `/articles/contact` for an article?)' },
  'title-too-long': { line: 2, column: 8, message: 'The title is 233 characters long; keep it to 200 at most' },
  'link-unsafe-url': { line: 16, column: 3, message: 'Link URL with scheme "javascript:" is removed' },
  'image-offsite': { line: 16, column: 9, message: 'Image "https://evil.example/pixel.png" is not served from this site' },
  'html-ignored': { line: 16, column: 1, message: 'Raw HTML is not rendered' },
  'heading-level-skipped': { line: 18, column: 1, message: 'Heading "Nerves" is level 4 (`####`) after a level-2 heading' },
  'claim-without-citation': { line: 16, column: 1, message: 'Paragraph states "25%" without a citation' },
  'review-overdue': { line: 8, column: 16, message: 'The medical review was due on 2024-01-01' },
  'care-level-unknown': { line: 16, column: 1, message: ':::care level "urgnet" is not one of non-urgent, urgent, emergency (did you mean `urgent`?)' },
  'study-certainty-unknown': { line: 16, column: 1, message: ':::study certainty must be one of high, moderate, low, very-low, not "very low" (did you mean `very-low`?)' },
  'study-certainty-missing': { line: 16, column: 1, message: ':::study does not say how certain its evidence is' },
  'study-design-unknown': { line: 16, column: 1, message: ':::study design "Second-opinion review" is not one of the study designs' },
  'study-figure-not-outcome': { line: 16, column: 1, message: ':::study figure "2 ml" is not a result (it is a dose or volume)' },
  'key-points-too-many': { line: 16, column: 1, message: ':::key-points has 7 points; keep to 6 or fewer' },
  'key-point-too-long': { line: 18, column: 1, message: 'This key point has 28 words; keep each to 25 or fewer' },
  'key-points-duplicate': { line: 20, column: 1, message: 'An article has one :::key-points list; the first is at line 16' },
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
    // Neither is published at the URL yet (no server state): the first by date, then by file name, gets it.
    expect(duplicates[0]?.message).toMatch(/Slug "same-slug" is also the slug of .*first\.md, which gets the URL: neither is published there yet and .*first\.md has the same date and its file name comes first/);
    expect(result.errorCount).toBe(1);
    expect(result.report).toContain('6:7');
    expect(result.report).toContain('slug-duplicate');
  });

  it('slug-duplicate without the server\u2019s state: says which file gets the URL and why (its earlier date), not that it had it first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cited-slug-order-'));
    try {
      writeFileSync(join(dir, 'zz-original.md'), source({ slug: 'twin', title: 'Original', published: '2024-03-01' }));
      writeFileSync(join(dir, 'aa-newcomer.md'), source({ slug: 'twin', title: 'Newcomer', published: '2024-01-01' }));
      const result = await checkArticles(dir, { now, site: null });
      const duplicates = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'slug-duplicate');
      expect(duplicates.map((d) => [d.file.split('/').pop(), d.message])).toEqual([
        ['zz-original.md', expect.stringMatching(/^Slug "twin" is also the slug of .*aa-newcomer\.md, which gets the URL: neither is published there yet and .*aa-newcomer\.md is dated earlier \(2024-01-01\): this file is not published/)],
      ]);
      // An earlier file with errors of its own: the later one gets the URL, and the message says why.
      writeFileSync(join(dir, 'aa-newcomer.md'), source({ slug: 'twin', title: 'Newcomer', published: '2024-01-01', body: 'See [nothing](/articles/nothing-here).' }));
      const withErrors = await checkArticles(dir, { now, site: null });
      const told = withErrors.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'slug-duplicate');
      expect(told.map((d) => [d.file.split('/').pop(), d.message])).toEqual([
        ['aa-newcomer.md', expect.stringMatching(/^Slug "twin" is also the slug of .*zz-original\.md, which gets the URL while this file has errors: this file is not published/)],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    // site-rules.test.ts and store/site-rules.test.ts (they need site.yml and people.yml)
    for (const ruleId of ['care-card-missing', 'reviewer-missing', 'disclosure-missing']) tested.add(ruleId);
    // cli.test.ts (it needs a site's folders)
    tested.add('article-not-read');
    // verdict.test.ts (they need the server's earlier state, or several files)
    for (const ruleId of ['redirect-shadows-article', 'article-withdrawn']) tested.add(ruleId);
    // images.test.ts (they need image files)
    for (const ruleId of ['image-not-found', 'image-alt-missing']) tested.add(ruleId);
    // categories.test.ts
    for (const ruleId of ['title-duplicate', 'category-unknown']) tested.add(ruleId);
    expect(ruleIds.filter((ruleId) => !tested.has(ruleId))).toEqual([]);
    const authoring = readFileSync(join(packageDir, 'AUTHORING.md'), 'utf8');
    expect(ruleIds.filter((ruleId) => !authoring.includes(`\`${ruleId}\``))).toEqual([]);
  });

  it('rule ids are kebab-case', () => {
    for (const ruleId of ruleIds) expect(ruleId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('frontmatter values in a list', () => {
  it('names the bad item by its value and place, not by an index', () => {
    const result = compileArticle(article('Text.:cite[a2020]', 'redirectFrom: [old-guide, "Old Guide!"]\n'), { path: 'list.md', now });
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('`redirectFrom` "Old Guide!" (item 2) must be URL-safe')]);
  });
});

describe('relative links', () => {
  it.each([
    ['./contact', '`/contact` for a page of the site, or `/articles/contact` for an article'],
    ['failed-back-surgery-syndrome', '`/failed-back-surgery-syndrome` for a page of the site, or `/articles/failed-back-surgery-syndrome` for an article'],
    ['../../images/x-ray.png', '`/images/x-ray.png`'],
    ['articles/sciatica#treatment', '`/articles/sciatica#treatment`'],
    ['www.nhs.uk/conditions/sciatica/', '`https://www.nhs.uk/conditions/sciatica/`'],
    ['nhs.uk', '`https://nhs.uk`'],
    ['leaflet.pdf', '`/leaflet.pdf`'],
  ])('"%s" is an error that suggests %s, in the body and in a :::cta', (href, instead) => {
    const body = `See [this](${href}).\n\n:::cta{href="${href}" label="Go"}\nNow.\n:::\n`;
    const result = compileArticle(article(body), { path: 'relative.md', now });
    const relative = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'link-relative');
    expect(relative).toHaveLength(2);
    for (const diagnostic of relative) expect(diagnostic.message).toContain(`(did you mean ${instead}?)`);
    expect(result.ok).toBe(false);
  });

  it('checks a reference-style link by its definition', () => {
    const result = compileArticle(article('See [the contact page][contact] and [the top][top].\n\n[contact]: contact\n[top]: #nowhere\n'), { path: 'refs.md', now });
    expect(result.diagnostics.find((d) => d.ruleId === 'link-relative')?.message).toContain('Link "contact" is relative');
    expect(result.diagnostics.find((d) => d.ruleId === 'link-broken')?.message).toContain('Link "#nowhere" points at no heading or anchor');
  });

  it('leaves site paths, anchors, queries and addresses with a scheme alone', () => {
    const body = ['/contact', '#when-to-get-help', '?page=2', 'https://www.nhs.uk', 'HTTPS://www.nhs.uk', 'MAILTO:clinic@example.org', 'tel:+441234567890', '//cdn.example.org/x'].map((href) => `[x](${href})`).join(' ');
    const result = compileArticle(article(`${body}\n\n## When to get help\n\nNow.\n`), { path: 'fine.md', now });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'link-relative')).toEqual([]);
  });
});

describe('study evidence, care cards and key points', () => {
  const compile = (body: string) => compileArticle(article(`Cited.:cite[a2020]\n\n${body}`), { path: 'evidence.md', now });
  const study = (attributes: string, body = 'What was measured.') => compile(`:::study{cite=a2020 ${attributes}}\n${body}\n:::`);
  const studyElement = (result: ReturnType<typeof compile>) => elements(result.hast).find((element) => element.tagName === 'cited-study');

  it('shows a figure equal to n, or a dose, as a detail with a warning; figure-role says what it is and silences it', () => {
    const sample = study('figure="395" n=395 certainty=low');
    expect(sample.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['study-figure-not-outcome', 16, 1]]);
    expect(sample.diagnostics[0]?.message).toContain('it is the sample size (n=395)');
    expect(studyElement(sample)?.properties.dataFigureRole).toBe('detail');
    for (const figure of ['5 mg', '0.5 mL/kg', '10 units']) {
      expect(study(`figure="${figure}" certainty=low`).diagnostics.map((d) => d.ruleId), figure).toEqual(['study-figure-not-outcome']);
    }
    const declared = study('figure="2 ml" figure-role=detail n=26 certainty=very-low', 'Dose injected');
    expect(declared.diagnostics).toEqual([]);
    expect(studyElement(declared)?.properties.dataFigureRole).toBe('detail');
    const outcome = study('figure="5 mg" figure-role=outcome certainty=low');
    expect(outcome.diagnostics).toEqual([]);
    expect(studyElement(outcome)?.properties.dataFigureRole).toBeUndefined();
    // Results are headlines, however they are written.
    for (const figure of ['44.5%', '17 of 274', '91%']) expect(study(`figure="${figure}" n=274 certainty=low`).diagnostics, figure).toEqual([]);
    expect(study('figure="2 ml" figure-role=minor certainty=low').diagnostics.map((d) => d.ruleId)).toEqual(['directive-invalid-attribute']);
  });

  it('keeps the vocabulary’s spelling of a design, in any case, and the author’s words otherwise', () => {
    expect(studyElement(study('figure="50%" certainty=low design="Case Series"'))?.properties.dataDesign).toBe('case series');
    const other = study('figure="50%" certainty=low design="cohort studies"');
    expect(other.diagnostics[0]?.message).toContain('(did you mean `cohort study`?)');
    expect(studyElement(other)?.properties.dataDesign).toBe('cohort studies');
    expect(studyElement(study('figure="50%" certainty=moderate'))?.properties.dataCertainty).toBe('moderate');
  });

  it('a care card needs a level, a heading and a body; without them it renders as plain text', () => {
    for (const [body, ruleId, message] of [
      [':::care[See a GP if]\n- it lasts\n:::', 'care-level-unknown', ':::care needs a level: level=non-urgent, level=urgent, level=emergency'],
      [':::care{level=urgent}\n- it lasts\n:::', 'directive-missing-attribute', ':::care needs a heading as its label'],
      [':::care[See a GP if]{level=urgent}\n:::', 'directive-missing-attribute', ':::care needs a body'],
      [':::care[See a GP if]{level=urgent tone=red}\n- it lasts\n:::', 'directive-invalid-attribute', ':::care does not accept the attribute `tone` (allowed: level)'],
    ] as const) {
      const result = compile(body);
      expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column]), body).toEqual([[ruleId, 16, 1]]);
      expect(result.diagnostics[0]?.message).toContain(message);
      if (ruleId !== 'directive-invalid-attribute') expect(elements(result.hast).some((element) => element.tagName === 'cited-care')).toBe(false);
    }
  });

  it('gives care cards unique ids and puts top-level ones in the contents, one level below their section', () => {
    const result = compile('## Symptoms\n\n:::care[See a GP if]{level=non-urgent}\n- it lasts\n:::\n\n:::care[See a GP if]{level=urgent}\n- it is worse\n:::\n\n> :::care[Quoted card]{level=emergency}\n> - nested\n> :::');
    expect(result.diagnostics).toEqual([]);
    expect(result.careCards).toEqual([
      { id: 'see-a-gp-if', level: 'non-urgent', heading: 'See a GP if' },
      { id: 'see-a-gp-if-1', level: 'urgent', heading: 'See a GP if' },
      { id: 'quoted-card', level: 'emergency', heading: 'Quoted card' },
    ]);
    expect(result.toc).toEqual([
      { id: 'symptoms', text: 'Symptoms', depth: 2 },
      { id: 'see-a-gp-if', text: 'See a GP if', depth: 3 },
      { id: 'see-a-gp-if-1', text: 'See a GP if', depth: 3 },
    ]);
    const cards = elements(result.hast).filter((element) => element.tagName === 'cited-care');
    expect(cards.map((card) => card.properties.dataHeadingLevel)).toEqual(['3', '3', '3']);
  });

  it('key points are one list, taken out of the body, with citations numbered where they are written', () => {
    const result = compile(':::key-points[In short]\n- Rest helps.:cite[a2020]\n- Walking helps.\n:::\n\nBody text.');
    expect(result.diagnostics).toEqual([]);
    expect(result.keyPoints?.heading).toBe('In short');
    expect(elements(result.keyPoints?.hast ?? { type: 'root', children: [] }).filter((element) => element.tagName === 'li')).toHaveLength(2);
    expect(elements(result.hast).some((element) => element.tagName === 'cited-key-points')).toBe(false);
    expect(result.references[0]?.backlinks).toEqual(['cite-1', 'cite-2']);
    const prose = compile(':::key-points\nNot a list.\n:::');
    expect(prose.diagnostics.map((d) => d.ruleId)).toEqual(['directive-missing-attribute']);
    expect(prose.diagnostics[0]?.message).toContain(':::key-points needs exactly one list');
  });
});

describe('directive requirements', () => {
  it.each([
    [':::study{figure="50%" certainty=low}\nHalf improved.\n:::', ':::study needs a `cite` attribute'],
    [':::study{cite=a2020 figure="50%" certainty=low}\n:::', ':::study needs a body'],
    [':::study{cite=a2020 figure="50%" n=many certainty=low}\nHalf improved.\n:::', ':::study n must be a positive whole number, not "many"'],
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
