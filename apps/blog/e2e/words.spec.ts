import { expect, test, type Page } from '@playwright/test';
import { fixtureUrl, firstArticlePath } from './helpers';

/**
 * At 200% text on a 390 px phone, no word in a heading, a care card or a callout is split across
 * two lines when it would fit a line of its own. The blog once showed "Treatmen/t": headings had
 * `overflow-wrap: anywhere`, which lets a box shrink below its longest word.
 *
 * Measured in the browser: each word's text range gives one rectangle per line it sits on. A word
 * on two lines is split. Allowed: a break after a hyphen or a slash (ordinary break points), and
 * inside an address or number wider than the whole line (a URL, a DOI), the one case
 * `overflow-wrap: break-word` is for. A word wider than the line is a failure too: the type must be
 * sized so words fit (the blog caps heading sizes on phones), or the title reads "Treatmen/t".
 */

type SplitWord = { word: string; in: string; wordWidth: number; lineWidth: number };

/** The selectors whose words must stay whole: every heading, and the text of boxed components. */
const checked = 'h1, h2, h3, h4, h5, h6, section p, section li, aside p, nav li, summary';

async function splitWords(page: Page): Promise<SplitWord[]> {
  return page.evaluate((selector) => {
    const found: SplitWord[] = [];
    // Measured inside the word's own parent, so it inherits every font property (the computed
    // `font` shorthand is empty whenever a longhand such as font-variant-numeric cannot be expressed).
    const measure = document.createElement('span');
    measure.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;inset-block-start:0;inset-inline-start:0';
    const px = (value: string) => Number.parseFloat(value) || 0;
    /**
     * The widest line the element could have: its own content width, or, for an item of a flex
     * row, the row's width less its gaps and the items that cannot shrink (a care card's mark).
     * A box squeezed below its longest word by `anywhere` is thus caught, not excused.
     */
    const availableWidth = (element: HTMLElement): number => {
      const style = getComputedStyle(element);
      const own = element.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
      const row = element.parentElement;
      const rowStyle = row ? getComputedStyle(row) : undefined;
      if (!row || !rowStyle?.display.includes('flex') || !rowStyle.flexDirection.startsWith('row')) return own;
      const items = [...row.children].filter((child) => getComputedStyle(child).position !== 'absolute');
      const fixed = items
        .filter((child) => child !== element && getComputedStyle(child).flexShrink === '0')
        .reduce((sum, child) => sum + child.getBoundingClientRect().width, 0);
      const rowWidth = row.clientWidth - px(rowStyle.paddingLeft) - px(rowStyle.paddingRight);
      const gaps = px(rowStyle.columnGap) * (items.length - 1);
      return Math.max(own, rowWidth - fixed - gaps - px(style.paddingLeft) - px(style.paddingRight));
    };
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const lineWidth = availableWidth(element);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const linesOf = (start: number, end: number): number => {
          const range = document.createRange();
          range.setStart(node as Text, start);
          range.setEnd(node as Text, end);
          return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
        };
        /** The text set unbroken in the same font. */
        const widthOf = (words: string): number => {
          measure.textContent = words;
          (node?.parentElement ?? element).append(measure);
          const width = measure.getBoundingClientRect().width;
          measure.remove();
          return width;
        };
        // Between spaces. Only an address or a number wider than the line (a URL, a DOI) may break
        // anywhere; a word never: the type must be sized so that a word fits a line.
        for (const token of text.matchAll(/\S+/g)) {
          if (linesOf(token.index, token.index + token[0].length) < 2) continue;
          if (/[.:@\d]/.test(token[0].replace(/[.:,;!?)]+$/, '')) && widthOf(token[0]) > lineWidth) continue;
          // Otherwise only after a hyphen or a slash, where a break is ordinary: each part stays whole.
          for (const part of token[0].matchAll(/[^\-‐–—/]+/g)) {
            const start = token.index + part.index;
            if (linesOf(start, start + part[0].length) < 2) continue;
            found.push({ word: part[0], in: `${element.tagName.toLowerCase()}: ${element.textContent?.trim().slice(0, 60)}`, wordWidth: widthOf(part[0]), lineWidth });
          }
        }
      }
    }
    return found;
  }, checked);
}

async function twiceTheTextOnAPhone(page: Page): Promise<void> {
  // The browser's own text-size setting, as in a11y.spec.ts: every rem-based size doubles.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.setViewportSize({ width: 390, height: 900 });
}

test('200% text at 390 px: no heading, care card or callout splits a word that fits a line', async ({ page }) => {
  await twiceTheTextOnAPhone(page);
  const articlePath = await firstArticlePath(page);
  for (const url of ['/', articlePath, fixtureUrl('/articles/staying-active-with-sciatica')]) {
    await page.goto(url);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), 'the 200% text setting applies').toBe('32px');
    // The page has what this test is about: headings, and on the articles a care card.
    expect(await page.locator('h1').count(), `${url} has an h1`).toBe(1);
    expect(await splitWords(page), `${url}: words split across lines at 200% text`).toEqual([]);
  }
});

test('the check finds a split word: a heading squeezed by `overflow-wrap: anywhere` in a flex row', async ({ page }) => {
  await twiceTheTextOnAPhone(page);
  await page.goto(await firstArticlePath(page));
  // The old rule, in the shape that showed "Treatmen/t": a heading beside other text in a flex row.
  // Styled through the CSSOM: the blog's Content-Security-Policy ignores style attributes.
  await page.evaluate(() => {
    const row = document.createElement('div');
    row.style.display = 'flex';
    const heading = document.createElement('h2');
    Object.assign(heading.style, { overflowWrap: 'anywhere', margin: '0', fontSize: '1rem' });
    heading.textContent = 'Treatment options';
    const note = document.createElement('p');
    Object.assign(note.style, { overflowWrap: 'normal', margin: '0' });
    note.textContent = 'A note beside the heading that is long enough to take most of the row. '.repeat(4);
    row.append(heading, note);
    document.querySelector('main')?.prepend(row);
  });
  expect((await splitWords(page)).map((split) => split.word)).toContain('Treatment');
});
