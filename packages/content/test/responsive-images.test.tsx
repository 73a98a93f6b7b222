// @vitest-environment jsdom
import { pngBytes } from '@cited/test-utils/png';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import { imageVersion } from '../src/plugins/images.js';
import { articleImageSizes, imageSrcSet, parseImageVariantWidth } from '../src/plugins/responsive-images.js';
import { ArticleBody } from '../src/react/index.js';
import { article, now } from './helpers.js';

const wide = pngBytes(1200, 600);
const small = pngBytes(400, 300);
const drawing = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1000"></svg>');
const folder: Record<string, Uint8Array> = {
  'content/images/wide.png': wide,
  'content/images/small.png': small,
  'content/images/drawing.svg': drawing,
};

function compileAndRender(body: string): { diagnostics: unknown[]; page: Document } {
  const readFile = (target: string): Uint8Array => {
    const bytes = folder[target];
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${target}`), { code: 'ENOENT' });
    return bytes;
  };
  const result = compileArticle(article(`A sentence citing a study.:cite[a2020]\n\n${body}`), { path: 'content/articles/a.md', now, readFile });
  document.body.innerHTML = renderToStaticMarkup(<ArticleBody article={result} />);
  return { diagnostics: result.diagnostics, page: document };
}

const wideUrl = `/images/wide.png?v=${imageVersion(wide)}`;
const wideSrcSet = `${wideUrl}&w=480 480w, ${wideUrl}&w=960 960w, ${wideUrl} 1200w`;

describe('responsive images', () => {
  it('a wide PNG gets srcset (the narrower listed widths, then the original) and sizes, and keeps its own width and height', () => {
    const { diagnostics, page } = compileAndRender('![A wide chart](images/wide.png)');
    expect(diagnostics).toEqual([]);
    const image = page.querySelector('img');
    expect(image?.getAttribute('src')).toBe(wideUrl);
    expect(image?.getAttribute('srcset')).toBe(wideSrcSet);
    expect(image?.getAttribute('sizes')).toBe(articleImageSizes);
    expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['1200', '600']);
  });

  it('a :::figure gets the same srcset and sizes', () => {
    const { diagnostics, page } = compileAndRender(':::figure{src="images/wide.png" alt="A wide chart"}\nThe caption.\n:::');
    expect(diagnostics).toEqual([]);
    const image = page.querySelector('figure > img');
    expect(image?.getAttribute('srcset')).toBe(wideSrcSet);
    expect(image?.getAttribute('sizes')).toBe(articleImageSizes);
    expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['1200', '600']);
  });

  it('an image no wider than the narrowest copy, and an SVG, have no srcset or sizes', () => {
    const { diagnostics, page } = compileAndRender('![A small chart](images/small.png)\n\n![A drawing](images/drawing.svg)\n\n:::figure{src="images/drawing.svg" alt="A drawing"}\nCaption.\n:::');
    expect(diagnostics).toEqual([]);
    const images = [...page.querySelectorAll('img')];
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image.hasAttribute('srcset')).toBe(false);
      expect(image.hasAttribute('sizes')).toBe(false);
      expect(image.hasAttribute('width')).toBe(true);
    }
  });

  it('never lists a copy as wide as or wider than the original', () => {
    expect(imageSrcSet('/images/x.png?v=1', 960)).toBe('/images/x.png?v=1&w=480 480w, /images/x.png?v=1 960w');
    expect(imageSrcSet('/images/x.png?v=1', 481)).toBe('/images/x.png?v=1&w=480 480w, /images/x.png?v=1 481w');
    expect(imageSrcSet('/images/x.png?v=1', 480)).toBeUndefined();
    expect(imageSrcSet('/images/x.png?v=1', 4000)).toContain('&w=1440 1440w, /images/x.png?v=1 4000w');
  });

  it('reads a requested width only from the fixed list', () => {
    expect(parseImageVariantWidth(undefined)).toEqual({});
    expect(parseImageVariantWidth('960')).toEqual({ width: 960 });
    for (const value of ['961', '0', '-480', '480.0', ' 480', '1e3', '', ['480', '960']]) {
      expect(parseImageVariantWidth(value)).toEqual({ error: expect.stringContaining('480, 960, 1440') });
    }
  });
});
