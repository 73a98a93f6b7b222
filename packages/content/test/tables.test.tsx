// @vitest-environment jsdom
// Markdown tables in a scroll region (plugins/tables.ts): on a phone, or at 200 % text, a wide
// table scrolls inside it, the page does not scroll sideways (the e2e test measures that).
import { screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import { ArticleBody } from '../src/react/index.js';
import { article, now } from './helpers.js';

const wideTable = `| Reference | Journal | Year | Design | People |
| --- | --- | --- | --- | --- |
| 3 | Surgical Neurology International | 2013 | Review of second opinions | 183 |
`;

function render(body: string): HTMLElement {
  const compiled = compileArticle(article(body), { path: 'tables.md', now });
  expect(compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  document.body.innerHTML = renderToStaticMarkup(
    <main>
      <ArticleBody article={compiled} />
    </main>,
  );
  return screen.getByRole('main');
}

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

  it('gets one region per table, each named by its own columns, wherever it is in the body', () => {
    const main = render(`> | Quoted | Table |\n> | --- | --- |\n> | a | b |\n\n- In a list:\n\n  | Listed | Table |\n  | --- | --- |\n  | c | d |\n`);
    const names = within(main)
      .getAllByRole('region')
      .map((region) => region.getAttribute('aria-label'));
    expect(names).toEqual(['Table: Quoted, Table', 'Table: Listed, Table']);
    expect(main.querySelectorAll('[role="region"] [role="region"]')).toHaveLength(0);
  });

  it('names a region with many columns by the first six and how many more', () => {
    const header = Array.from({ length: 9 }, (_, i) => `C${i + 1}`);
    const main = render(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n| ${header.map(() => 'x').join(' | ')} |\n`);
    expect(within(main).getByRole('region').getAttribute('aria-label')).toBe('Table: C1, C2, C3, C4, C5, C6 and 3 more columns');
  });

  it('names a region "Table" when the header row is empty', () => {
    const main = render('|   |   |\n| --- | --- |\n| a | b |\n');
    expect(within(main).getByRole('region').getAttribute('aria-label')).toBe('Table');
  });

  it('cannot be given a region by an author: raw HTML is still dropped', () => {
    const main = render('<div role="region" tabindex="0" aria-label="Click here">x</div>\n\nText.\n');
    expect(within(main).queryByRole('region')).toBeNull();
  });
});
