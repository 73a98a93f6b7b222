import { describe, expect, it } from 'vitest';
import { compileArticle, formatDiagnostics } from '../src/index.js';
import type { Article, Diagnostic } from '../src/index.js';
import { now } from './helpers.js';

/** An article citing `cite` from one bibliography file, `refs.<extension>` beside it. */
function compileWith(file: string, text: string, cite: string): Article {
  const source = `---\ntitle: T\ndescription: D\ncategory: C\npublished: 2024-01-01\nbibliography: ${file}\n---\n\n${cite}\n`;
  const files: Record<string, string> = { [`articles/${file}`]: text };
  return compileArticle(source, {
    path: 'articles/a.md',
    now,
    readFile: (path) => {
      const found = files[path];
      if (found === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return found;
    },
  });
}

const where = (diagnostic: Diagnostic | undefined): string => `${diagnostic?.file}:${diagnostic?.line}:${diagnostic?.column}`;
const only = (article: Article, ruleId: string): Diagnostic[] => article.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);

describe('bibliography diagnostics point at the field, in the bibliography file', () => {
  it('a malformed BibTeX DOI is shown at its value, not at the entry or the article', () => {
    const bib = ['@article{bad,', '  author = {Doe, J.},', '  title = {A title},', '  journal = {J},', '  year = {2020},', '  doi = {10.1000 bad}', '}', ''].join('\n');
    const article = compileWith('refs.bib', bib, 'Claim [@bad].');
    const [doi] = only(article, 'reference-invalid-doi');
    expect(where(doi)).toBe('articles/refs.bib:6:9');
    expect(doi).toMatchObject({ endLine: 6, endColumn: 22 });
    expect(formatDiagnostics(article.diagnostics)).toContain('6:9-6:22');
  });

  it('finds BibTeX fields whatever their formatting: quotes, upper case, several lines, concatenation, comments', () => {
    const bib = [
      '@string{ jn = "Spine" }', // 1
      '% a comment with doi = {10.1/x}', // 2
      '@Article{ odd ,', // 3
      '  TITLE = "A title',  // 4
      '    over two lines",', // 5
      '  Journal = jn # { J},', // 6
      '  Author = {Doe, J.},  Year = 2020, Url', // 7
      '    =', // 8
      '      {ftp://example.org/x}, DOI = "10.1000/ok",', // 9
      '  note = {has {braces} and doi = {not this}}', // 10
      '}', // 11
      '@misc{other, doi = {also bad}}', // 12
      '',
    ].join('\n');
    const article = compileWith('refs.bib', bib, 'Claims [@odd; @other].');
    expect(only(article, 'reference-invalid-url').map(where)).toEqual(['articles/refs.bib:9:7']);
    expect(only(article, 'reference-invalid-doi').map(where)).toEqual(['articles/refs.bib:12:20']);
  });

  it('a date without a year is shown at the date; a missing author at the entry key', () => {
    const bib = '@article{undated,\n  author = {Doe, J.},\n  title = {T},\n  year = {20xx}\n}\n@article{anonymous,\n  title = {T},\n  year = {2020}\n}\n';
    const article = compileWith('refs.bib', bib, 'Claims [@undated; @anonymous].');
    const incomplete = only(article, 'reference-incomplete');
    expect(incomplete.map(where)).toEqual(['articles/refs.bib:4:10', 'articles/refs.bib:6:10']);
    expect(incomplete[0]?.message).toContain('has no readable year');
    expect(incomplete[1]?.message).toMatch(/"anonymous" has no authors \(/);
  });

  it('a malformed CSL-JSON DOI, URL and year are shown at their values', () => {
    const json = [
      '[', // 1
      '  {', // 2
      '    "id": "bad2",', // 3
      '    "type": "article-journal",', // 4
      '    "title": "X",', // 5
      '    "author": [{ "family": "Roe", "given": "R" }],', // 6
      '    "issued": { "date-parts": [[20]] },', // 7
      '    "URL": "javascript:alert(1)",', // 8
      '    "DOI": "not-a-doi"', // 9
      '  },', // 10
      '  { "id": "nameless", "type": "article-journal", "title": "Y", "issued": { "raw": "n.d." } },', // 11
      '  { "type": "article-journal", "title": "Z", "issued": { "date-parts": [[2020]] }, "id": "anon" }', // 12
      ']',
      '',
    ].join('\n');
    const article = compileWith('refs.json', json, 'Claims [@bad2; @nameless; @anon].');
    expect(only(article, 'reference-invalid-doi').map(where)).toEqual(['articles/refs.json:9:12']);
    expect(only(article, 'reference-invalid-url').map(where)).toEqual(['articles/refs.json:8:12']);
    expect(only(article, 'reference-invalid').map(where)).toEqual(['articles/refs.json:7:15']);
    // A date that gives no year is shown at "issued"; no author at all at the item's "id" value.
    const incomplete = only(article, 'reference-incomplete');
    expect(incomplete.map(where)).toEqual(['articles/refs.json:7:15', 'articles/refs.json:11:74', 'articles/refs.json:12:90']);
    expect(incomplete[1]?.message).toContain('"nameless" has no authors or readable year');
    expect(incomplete[2]?.message).toContain('"anon" has no authors (');
  });

  it('a CSL-JSON file with `items` and a DOI in Zotero\'s note is shown at the note', () => {
    const json = '{\n  "items": [\n    {\n      "id": "z",\n      "title": "Z",\n      "author": [{ "literal": "WHO" }],\n      "issued": { "date-parts": [[2020]] },\n      "note": "DOI: nope"\n    }\n  ]\n}\n';
    const article = compileWith('refs.json', json, '[@z]');
    expect(only(article, 'reference-invalid-doi').map(where)).toEqual(['articles/refs.json:8:15']);
  });

  it('an RIS record\'s bad URL is shown at its UR line, after the "UR  - " tag; a missing author at its ID', () => {
    const ris = ['TY  - JOUR', 'ID  - ris1', 'TI  - A title', 'PY  - 2020', 'UR  - ftp://example.org/paper', 'ER  - ', ''].join('\n');
    const article = compileWith('refs.ris', ris, '[@ris1]');
    expect(only(article, 'reference-invalid-url').map(where)).toEqual(['articles/refs.ris:5:7']);
    expect(only(article, 'reference-incomplete').map(where)).toEqual(['articles/refs.ris:2:7']);
  });
});

describe('reference-incomplete for web pages', () => {
  const page = (fields: string) => `@online{page, title = {Sciatica}, url = {https://www.nhs.uk/conditions/sciatica/}${fields}}\n`;

  it('a web page published by an organisation, with no named person, is complete', () => {
    expect(only(compileWith('refs.bib', page(', organization = {NHS}'), '[@page]'), 'reference-incomplete')).toEqual([]);
    const json = '[{ "id": "who", "type": "webpage", "title": "Low back pain", "container-title": "World Health Organization", "URL": "https://www.who.int/news-room/fact-sheets/detail/low-back-pain" }]';
    expect(only(compileWith('refs.json', json, '[@who]'), 'reference-incomplete')).toEqual([]);
  });

  it('a web page with neither an author nor a site still warns', () => {
    const [warning] = only(compileWith('refs.bib', page(''), '[@page]'), 'reference-incomplete');
    expect(warning?.message).toContain('has no author or site name (publisher)');
    expect(where(warning)).toBe('articles/refs.bib:1:9');
  });

  it('inline references share the rule', () => {
    const source = (reference: string) =>
      `---\ntitle: T\ndescription: D\ncategory: C\npublished: 2024-01-01\nreferences:\n  - id: page\n    type: webpage\n    title: Sciatica\n${reference}---\n\n[@page]\n`;
    const incomplete = (reference: string) => only(compileArticle(source(reference), { path: 'articles/a.md', now }), 'reference-incomplete');
    expect(incomplete('    journal: NHS\n')).toEqual([]);
    // In the frontmatter, the site is written as `journal:` (a `publisher:` field is unknown there).
    expect(incomplete('')[0]?.message).toContain('has no author or site name (`journal:`)');
  });
});
