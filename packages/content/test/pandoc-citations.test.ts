import { describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import type { Article } from '../src/index.js';
import { parsePandocCitation } from '../src/plugins/pandoc-citations.js';
import { elements, now } from './helpers.js';

function compile(body: string): Article {
  const source = `---
title: T
description: D
category: C
published: 2024-01-01
references:
  - { id: smith2020, authors: [Smith J], title: One, year: 2020 }
  - { id: doe2021, authors: [Doe J], title: Two, year: 2021 }
  - { id: roe2022, authors: [Roe R], title: Three, year: 2022 }
  - { id: lee2023, authors: [Lee K], title: Four, year: 2023 }
---

${body}
`;
  return compileArticle(source, { path: 'pandoc.md', now });
}

const bodyLine = 13;

function markers(article: Article): { numbers: string; keys: string; locators?: string; text: string }[] {
  return elements(article.hast)
    .filter((element) => element.tagName === 'cited-citation')
    .map((element) => ({
      numbers: String(element.properties.dataNumbers),
      keys: String(element.properties.dataKeys),
      ...(element.properties.dataLocators === undefined ? {} : { locators: String(element.properties.dataLocators) }),
      text: elements({ type: 'root', children: [element] }).length > 0 ? textOf(element) : '',
    }));
}

function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map((child) => textOf(child as typeof node)).join('');
}

function paragraphText(article: Article): string {
  return textOf(article.hast as never);
}

describe('Pandoc citations', () => {
  it.each([
    ['[@smith2020]', [{ numbers: '1', keys: 'smith2020', text: '[1]' }]],
    ['[@smith2020; @doe2021]', [{ numbers: '1 2', keys: 'smith2020 doe2021', text: '[1, 2]' }]],
    ['[-@smith2020]', [{ numbers: '1', keys: 'smith2020', text: '[1]' }]],
    ['[@smith2020, p. 12]', [{ numbers: '1', keys: 'smith2020', locators: '["p. 12"]', text: '[1, p. 12]' }]],
    ['[@smith2020, pp. 33-35, 38]', [{ numbers: '1', keys: 'smith2020', locators: '["pp. 33-35, 38"]', text: '[1, pp. 33-35, 38]' }]],
    ['[@smith2020, p. 3; @doe2021]', [{ numbers: '1 2', keys: 'smith2020 doe2021', locators: '["p. 3",""]', text: '[1, p. 3; 2]' }]],
    ['[@{smith2020}]', [{ numbers: '1', keys: 'smith2020', text: '[1]' }]],
    ['[@smith2020;@doe2021;@roe2022]', [{ numbers: '1 2 3', keys: 'smith2020 doe2021 roe2022', text: '[1, 2, 3]' }]],
  ])('%s', (citation, expected) => {
    const article = compile(`A claim.${citation} [@lee2023]`);
    expect(article.diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'reference-unused')).toEqual([]);
    expect(markers(article).slice(0, -1)).toEqual(expected);
  });

  it('numbers them by first citation together with :cite[], in document order', () => {
    const article = compile('First [@roe2022], then :cite[smith2020], then [@smith2020; @lee2023], and :cite[doe2021].');
    expect(article.references.map((reference) => `${reference.number} ${reference.id}`)).toEqual(['1 roe2022', '2 smith2020', '3 lee2023', '4 doe2021']);
    expect(markers(article).map((marker) => marker.numbers)).toEqual(['1', '2', '2 3', '4']);
    expect(article.references[1]?.backlinks).toEqual(['cite-2', 'cite-3']);
  });

  it('a run of three or more numbers is kept whole for the marker to show as a range (1–3)', () => {
    const article = compile('All three.[@smith2020; @doe2021; @roe2022] And [@lee2023].');
    expect(markers(article)[0]?.numbers).toBe('1 2 3');
  });

  it('leaves bare @key, e-mail addresses, escaped brackets, code and link text alone', () => {
    const article = compile(
      'Write to ask@example.org or @smith2020 on social media; [see the FAQ]; \\[@smith2020]; `[@smith2020]`; [[@smith2020]](https://example.org); [mail a@b.co].',
    );
    expect(markers(article)).toEqual([]);
    expect(article.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['reference-unused', 'reference-unused', 'reference-unused', 'reference-unused']);
    const text = paragraphText(article);
    expect(text).toContain('@smith2020 on social media');
    expect(text).toContain('[@smith2020];');
    expect(text).toContain('ask@example.org');
  });

  it('an unknown key is an error at the key, with a did-you-mean suggestion; the text stays as written', () => {
    const article = compile('A claim [@smtih2020] and [@doe2021; @nobody1999].');
    const errors = article.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cite-unknown-key');
    expect(errors.map((diagnostic) => [diagnostic.line, diagnostic.column, diagnostic.message])).toEqual([
      [bodyLine, 10, 'Citation key "smtih2020" is not in the references (did you mean `smith2020`?)'],
      [bodyLine, 37, 'Citation key "nobody1999" is not in the references'],
    ]);
    expect(article.ok).toBe(false);
    expect(paragraphText(article)).toContain('[@smtih2020]');
    expect(markers(article).map((marker) => marker.keys)).toEqual(['doe2021']);
  });

  it('a prefix ("see @key") is cited but reported, since a numbered citation cannot show it', () => {
    const article = compile('A claim [see @smith2020, p. 4].');
    expect(markers(article)).toEqual([{ numbers: '1', keys: 'smith2020', locators: '["p. 4"]', text: '[1, p. 4]' }]);
    expect(article.diagnostics.find((diagnostic) => diagnostic.ruleId === 'cite-prefix-ignored')).toMatchObject({ severity: 'warning', line: bodyLine, column: 14 });
  });

  it('parses the grammar: keys, suppress-author, locators, prefixes; ordinary brackets are not citations', () => {
    expect(parsePandocCitation('@a, p. 1; -@b.c_d')).toEqual([
      { key: 'a', suppressAuthor: false, locator: 'p. 1', at: 0 },
      { key: 'b.c_d', suppressAuthor: true, at: 10 },
    ]);
    expect(parsePandocCitation('see @a')).toEqual([{ key: 'a', suppressAuthor: false, prefix: 'see', at: 4 }]);
    expect(parsePandocCitation('mail a@b.co')).toBeUndefined();
    expect(parsePandocCitation('@a; not a citation')).toBeUndefined();
    expect(parsePandocCitation('@')).toBeUndefined();
  });
});

describe('Pandoc citations rendered', () => {
  it('show the locator after the number in the React marker', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { ArticleBody } = await import('../src/react/index.js');
    const { createElement } = await import('react');
    const article = compile('A claim.[@smith2020, p. 12] Two.[@doe2021, ch. 3; @roe2022] [@lee2023]');
    const markup = renderToStaticMarkup(createElement(ArticleBody, { article }));
    const sups = [...markup.matchAll(/<sup[^>]*>(.*?)<\/sup>/g)].map((match) => (match[1] ?? '').replace(/<span[^>]*popover[^>]*>.*?<\/span>/g, '').replace(/<[^>]+>/g, ''));
    expect(sups).toEqual(['1, p. 12', '2, ch. 3; 3', '4']);
  });
});

describe('Pandoc citations on hostile input', () => {
  it('stays linear on long brackets full of @ and on unclosed brackets', () => {
    const article = compile(`[${'@a '.repeat(5000)}\n\n[${'x@'.repeat(5000)}]\n\n${'[@'.repeat(3000)}`);
    expect(article.diagnostics.some((diagnostic) => diagnostic.ruleId === 'compile-failed')).toBe(false);
    expect(markers(article)).toEqual([]);
  });
});
