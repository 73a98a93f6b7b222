import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBibliographyPath } from '../src/bibliography/load.js';
import { compileArticle, referenceTypes } from '../src/index.js';
import type { Article } from '../src/index.js';
import { fixturesDir, now } from './helpers.js';

const library = (name: string): string => readFileSync(join(fixturesDir, 'bibliography', name), 'utf8');

/** A reader over an in-memory folder, as compileArticle's readFile option expects. */
function reader(files: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
}

function compile(frontmatter: string, body: string, files: Record<string, string> = {}): Article {
  const source = `---\ntitle: T\ndescription: D\ncategory: C\npublished: 2024-01-01\n${frontmatter}---\n\n${body}\n`;
  return compileArticle(source, { path: 'articles/a.md', now, readFile: reader(files) });
}

const allTypes = '[@epstein2013; @sackett2000; @meltzer2002; @nice2016; @nhsbackpain]';

describe('bibliography files', () => {
  it('reads a Zotero CSL-JSON export: every reference type, the journal abbreviation, the PMID kept in Extra', () => {
    const article = compile('bibliography: zotero-library.json\n', `Claims ${allTypes} and [@example2019].`, { 'articles/zotero-library.json': library('zotero-library.json') });
    expect(article.references.map((reference) => [reference.number, reference.id, reference.type])).toEqual([
      [1, 'epstein2013', 'article-journal'],
      [2, 'sackett2000', 'book'],
      [3, 'meltzer2002', 'chapter'],
      [4, 'nice2016', 'report'],
      [5, 'nhsbackpain', 'webpage'],
      [6, 'example2019', 'article-journal'],
    ]);
    expect(new Set(article.references.map((reference) => reference.type))).toEqual(new Set(referenceTypes));
    expect(article.references[0]).toMatchObject({
      authors: ['Epstein NE'],
      journal: 'Surg Neurol Int',
      year: 2013,
      month: 'Oct 29',
      volume: '4',
      issue: 'Suppl 5',
      pages: 'S353-358',
      doi: '10.4103/2152-7806.120774',
    });
    expect(article.references[5]).toMatchObject({ pmid: '31000000', journal: 'Ex J Med', month: 'Apr', note: expect.stringContaining('illustrative') });
    expect(article.references[2]).toMatchObject({ authors: ['Meltzer PS', 'Kallioniemi A', 'Trent JM'], journal: 'The genetic basis of human cancer', pages: '93-113' });
    expect(article.references[3]?.authors).toEqual(['National Institute for Health and Care Excellence']);
    // The item Zotero exported without a Citation Key is one warning in the library file, at its line.
    expect(article.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'bibliography-entry-skipped', severity: 'warning', file: 'articles/zotero-library.json', line: 196, column: 2 }),
    ]);
    expect(article.ok).toBe(true);
    expect(article.dependencies).toEqual(['articles/zotero-library.json']);
  });

  it('reads BibLaTeX (Better BibTeX export): protected capitals, "--" ranges, shortjournal', () => {
    const article = compile('bibliography: ../shared/library.bib\n', `Claims ${allTypes}.`, { 'shared/library.bib': library('library.bib') });
    expect(article.diagnostics).toEqual([]);
    expect(article.references.map((reference) => reference.type)).toEqual(['article-journal', 'book', 'chapter', 'report', 'webpage']);
    expect(article.references[0]).toMatchObject({
      title: 'Are Recommended Spine Operations Either Unnecessary or Too Complex? Evidence from Second Opinions',
      journal: 'Surg Neurol Int',
      pages: 'S353-S358',
      month: 'Oct 29',
    });
    expect(article.references[1]).toMatchObject({ authors: ['Sackett DL', 'Straus SE', 'Richardson WS', 'Rosenberg W', 'Haynes RB'], year: 2000 });
    expect(article.references[4]).toMatchObject({ url: 'https://www.nhs.uk/conditions/back-pain/', authors: ['NHS'], year: 2023 });
  });

  it('reads RIS: ID as the key, or first author + year when a record has none', () => {
    const article = compile(
      'bibliography: library.ris\n',
      'Claims [@verwoerd2013; @sackett2000; @meltzer2002; @nationalinstituteforhealthandcareexcellence2016; @nhs2023].',
      { 'articles/library.ris': library('library.ris') },
    );
    expect(article.diagnostics).toEqual([]);
    expect(article.references.map((reference) => reference.type)).toEqual(['article-journal', 'book', 'chapter', 'report', 'webpage']);
    expect(article.references[0]).toMatchObject({
      authors: ['Verwoerd AJH', 'Peul WC', 'Willemsen SP', 'Koes BW', 'Vleggeert-Lankamp CLA', 'El Barzouhi A', 'Luijsterburg PAJ', 'Verhagen AP'],
      journal: 'Spine J',
      month: 'Dec 7',
      doi: '10.1016/j.spinee.2013.11.049',
    });
  });

  it('mixes inline references with several files; uncited file entries stay out of the list, uncited inline ones warn', () => {
    const article = compile(
      'bibliography:\n  - library.bib\n  - library.ris\nreferences:\n  - id: a2020\n    authors: [Doe J]\n    title: Inline\n    year: 2020\n  - id: b2021\n    authors: [Roe R]\n    title: Inline, uncited\n    year: 2021\n',
      'First [@verwoerd2013], then :cite[a2020] and [@epstein2013].',
      { 'articles/library.bib': library('library.bib'), 'articles/library.ris': library('library.ris').split(/(?<=^ER {2}- *\n)/m)[0] ?? '' },
    );
    expect(article.references.map((reference) => `${reference.number} ${reference.id}`)).toEqual(['1 verwoerd2013', '2 a2020', '3 epstein2013', '4 b2021']);
    expect(article.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['reference-unused']);
    expect(article.dependencies).toEqual(['articles/library.bib', 'articles/library.ris']);
  });

  it('a key defined twice is an error naming both places', () => {
    const inlineAndFile = compile(
      'bibliography: library.bib\nreferences:\n  - id: epstein2013\n    authors: [Epstein NE]\n    title: Inline copy\n    year: 2013\n',
      '[@epstein2013]',
      { 'articles/library.bib': library('library.bib') },
    );
    expect(inlineAndFile.ok).toBe(false);
    expect(inlineAndFile.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'reference-duplicate-id', file: 'articles/library.bib', line: 2, column: 1, message: expect.stringContaining('already defined at articles/a.md:8:5') }),
    ]);
    // The inline definition wins, so the article still shows what the editor wrote inline.
    expect(inlineAndFile.references[0]?.title).toBe('Inline copy');

    const twoFiles = compile('bibliography: [library.bib, copy.bib]\n', '[@sackett2000]', {
      'articles/library.bib': library('library.bib'),
      'articles/copy.bib': `% a second export\n\n${library('library.bib')}`,
    });
    const duplicates = twoFiles.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'reference-duplicate-id');
    expect(duplicates.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)).toEqual([
      'articles/copy.bib:4:1',
      'articles/copy.bib:18:1',
      'articles/copy.bib:27:1',
      'articles/copy.bib:38:1',
      'articles/copy.bib:49:1',
    ]);
    expect(duplicates[1]?.message).toBe('Duplicate reference id "sackett2000": already defined at articles/library.bib:16:1');
  });

  it.each([
    ['broken.bib', '@article{a,\n  title = {Unclosed,\n  year = 2000\n}\n@book{b, title = {B}}\n', 5, 1, 'Invalid BibTeX'],
    ['broken.bib', '@article{a, title = {A} year = 2000}\n', 1, 25, 'Invalid BibTeX: expected "rbrace"'],
    ['broken.json', '[\n  {"id": "a", "title": "A",}\n]\n', 2, 28, 'Invalid JSON'],
    ['broken.json', '{"id": "a"}', 1, 1, 'must be a list of items'],
    ['broken.ris', 'TY  - JOUR\nTI  - A title\nthis line lost its tag\nER  - \n', 3, 1, 'expected a "XX  - value" tag line'],
    ['broken.ris', 'TY  - JOUR\nTI  - A title\n', 1, 1, 'never ends with "ER  - "'],
  ])('a malformed %s is an error at its own line:column, and the article is not published', (name, text, line, column, message) => {
    const article = compile(`bibliography: ${name}\n`, 'Text.', { [`articles/${name}`]: text });
    expect(article.ok).toBe(false);
    expect(article.diagnostics).toEqual([expect.objectContaining({ ruleId: 'bibliography-invalid', file: `articles/${name}`, line, column })]);
    expect(article.diagnostics[0]?.message).toContain(message);
  });

  it('a missing file, an unknown extension, an absolute path and a missing reader are errors at the frontmatter line', () => {
    const missing = compile('bibliography: nowhere.bib\n', 'Text.');
    expect(missing.diagnostics).toEqual([expect.objectContaining({ ruleId: 'bibliography-not-found', file: 'articles/a.md', line: 6, column: 15 })]);
    expect(missing.diagnostics[0]?.message).toContain('no file at articles/nowhere.bib');
    expect(compile('bibliography: refs.txt\n', 'Text.').diagnostics[0]?.message).toContain('unknown extension');
    expect(compile('bibliography: /etc/refs.bib\n', 'Text.').diagnostics[0]?.message).toContain('relative to the article');
    const noReader = compileArticle('---\ntitle: T\ndescription: D\ncategory: C\npublished: 2024-01-01\nbibliography: refs.bib\n---\n\nText.\n', { path: 'a.md' });
    expect(noReader.diagnostics).toEqual([expect.objectContaining({ ruleId: 'bibliography-not-found', message: expect.stringContaining('CompileOptions.readFile') })]);
    expect(noReader.ok).toBe(false);
  });

  it('reports invalid fields of cited entries in the bibliography file, and ignores uncited ones', () => {
    const bib = '@article{good, author = {Doe, J.}, title = {Good}, date = {2020}}\n@article{bad, author = {Doe, J.}, title = {Bad}, date = {2020}, doi = {not-a-doi}}\n';
    const citingGood = compile('bibliography: refs.bib\n', '[@good]', { 'articles/refs.bib': bib });
    expect(citingGood.diagnostics).toEqual([]);
    const citingBad = compile('bibliography: refs.bib\n', '[@bad]', { 'articles/refs.bib': bib });
    expect(citingBad.diagnostics).toEqual([expect.objectContaining({ ruleId: 'reference-invalid-doi', file: 'articles/refs.bib', line: 2, column: 71 })]);
  });

  it('resolves paths relative to the article without node:path', () => {
    expect(resolveBibliographyPath('content/articles/a.md', 'refs.bib')).toBe('content/articles/refs.bib');
    expect(resolveBibliographyPath('content/articles/a.md', '../refs/./x.json')).toBe('content/refs/x.json');
    expect(resolveBibliographyPath('/srv/articles/a.md', '../x.ris')).toBe('/srv/x.ris');
    expect(resolveBibliographyPath('a.md', 'x.bib')).toBe('x.bib');
    expect(resolveBibliographyPath('a.md', 'https://example.org/x.bib')).toBeUndefined();
    expect(resolveBibliographyPath('a.md', '/x.bib')).toBeUndefined();
  });
});
