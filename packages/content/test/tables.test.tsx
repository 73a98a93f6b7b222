// @vitest-environment jsdom
// Markdown tables in a scroll region (plugins/tables.ts): on a phone, or at 200 % text, a wide
// table scrolls inside it, the page does not scroll sideways (the e2e test measures that).
import { screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import { ArticleBody, ArticleKeyPoints } from '../src/react/index.js';
import type { Article } from '../src/index.js';
import { article, now } from './helpers.js';

const wideTable = `| Reference | Journal | Year | Design | People |
| --- | --- | --- | --- | --- |
| 3 | Surgical Neurology International | 2013 | Review of second opinions | 183 |
`;

function compile(body: string): Article {
  const compiled = compileArticle(article(body), { path: 'tables.md', now });
  expect(compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return compiled;
}

/** The page's main: the key points (when the article has them) and the body. */
function render(body: string): HTMLElement {
  const compiled = compile(body);
  document.body.innerHTML = renderToStaticMarkup(
    <main>
      <ArticleKeyPoints article={compiled} />
      <ArticleBody article={compiled} />
    </main>,
  );
  return screen.getByRole('main');
}

/** The names of the regions holding a table (a care card or the key points may be regions of their own). */
const regionNames = (main: HTMLElement): (string | null)[] =>
  within(main)
    .queryAllByRole('region')
    .filter((region) => region.querySelector(':scope > table'))
    .map((region) => region.getAttribute('aria-label'));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a markdown table', () => {
  it('is in a region named by its columns, which the keyboard can reach, and keeps its table semantics', () => {
    const main = render(`Before the table.\n\n${wideTable}\nAfter the table.\n`);
    const region = within(main).getByRole('region', { name: 'Table: Reference, Journal, Year, Design, People' });
    expect(region.tabIndex).toBe(0);
    const table = within(region).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Reference', 'Journal', 'Year', 'Design', 'People']);
    expect(within(table).getByRole('cell', { name: 'Surgical Neurology International' })).toBeTruthy();
    // Only the table moved: the paragraphs around it are where they were.
    expect([...main.querySelectorAll('p')].map((paragraph) => paragraph.textContent)).toEqual(['Before the table.', 'After the table.']);
  });

  it('numbers the regions when an article has several tables, so two with the same columns differ; wherever they are', () => {
    const table = (a: string, b: string) => `| Study | Year |\n| --- | --- |\n| ${a} | ${b} |\n`;
    const main = render(
      [
        ':::key-points',
        '- A point before a table:',
        '',
        `  ${table('a', '1').trimEnd().split('\n').join('\n  ')}`,
        ':::',
        '',
        `> ${table('b', '2').trimEnd().split('\n').join('\n> ')}`,
        '',
        '- In a list:',
        '',
        `  ${table('c', '3').trimEnd().split('\n').join('\n  ')}`,
        '',
        ':::care[See a GP if]{level=non-urgent}',
        `${table('d', '4')}`,
        ':::',
        '',
        'A footnote.[^note]',
        '',
        `[^note]: Its table:`,
        '',
        `    ${table('e', '5').trimEnd().split('\n').join('\n    ')}`,
        '',
      ].join('\n'),
    );
    expect(regionNames(main)).toEqual(['Table 1: Study, Year', 'Table 2: Study, Year', 'Table 3: Study, Year', 'Table 4: Study, Year', 'Table 5: Study, Year']);
    expect(main.querySelectorAll('[role="region"] [role="region"]')).toHaveLength(0);
    expect(main.querySelectorAll('table:not([role="region"] > table)')).toHaveLength(0);
  });

  it('names columns by their words: no citation markers or footnote calls, long headers cut at a word', () => {
    const long = 'Share of people whose pain was better after twelve months of treatment';
    const joined = 'Sensitivity/specificity/positive-predictive-value';
    const main = render(`| Risk :cite[a2020] | Year[^n] | ${long} | ${joined} |\n| --- | --- | --- | --- |\n| a | b | c | d |\n\n[^n]: A note.\n`);
    expect(regionNames(main)).toEqual(['Table: Risk, Year, Share of people whose pain was better…, Sensitivity/specificity/positive-predict…']);
  });

  it('numbers the key points\' tables first, as the page shows them first, wherever the source has them', () => {
    const main = render('| Body | Table |\n| --- | --- |\n| a | b |\n\n:::key-points\n- A point:\n\n  | Key | Table |\n  | --- | --- |\n  | c | d |\n:::\n');
    expect(regionNames(main)).toEqual(['Table 1: Key, Table', 'Table 2: Body, Table']);
  });

  it('leaves region markup to the compiler: an author\'s raw HTML region is dropped with the rest of the raw HTML', () => {
    const main = render('<div role="region" tabindex="0" aria-label="Click here">x</div>\n\nText.\n');
    expect(within(main).queryByRole('region')).toBeNull();
    expect(main.querySelector('[tabindex]')).toBeNull();
  });

  it('names a region with many columns by the first six and how many more', () => {
    const header = (n: number) => Array.from({ length: n }, (_, i) => `C${i + 1}`);
    const row = (cells: string[], cell: string) => `| ${cells.map(() => cell).join(' | ')} |`;
    for (const [n, name] of [
      [9, 'Table: C1, C2, C3, C4, C5, C6 and 3 more columns'],
      [7, 'Table: C1, C2, C3, C4, C5, C6 and 1 more column'],
    ] as const) {
      const cells = header(n);
      const main = render(`| ${cells.join(' | ')} |\n${row(cells, '---')}\n${row(cells, 'x')}\n`);
      expect(regionNames(main)).toEqual([name]);
      document.body.innerHTML = '';
    }
  });

  it('names a region "Table" when the header row is empty', () => {
    const main = render('|   |   |\n| --- | --- |\n| a | b |\n');
    expect(regionNames(main)).toEqual(['Table']);
  });
});
