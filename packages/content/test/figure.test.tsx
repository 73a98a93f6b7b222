// @vitest-environment jsdom
import { pngBytes } from '@cited/test-utils/png';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import { imageVersion } from '../src/plugins/images.js';
import { ArticleBody } from '../src/react/index.js';
import { article, now } from './helpers.js';

const spine = pngBytes(6, 4);

function compileFigure(directive: string) {
  const readFile = (target: string): Uint8Array => {
    if (target === 'content/images/spine.png') return spine;
    throw Object.assign(new Error(`ENOENT: ${target}`), { code: 'ENOENT' });
  };
  return compileArticle(article(`A sentence citing a study.:cite[a2020]\n\n${directive}`), { path: 'content/articles/a.md', now, readFile });
}

function render(result: ReturnType<typeof compileFigure>): Document {
  document.body.innerHTML = renderToStaticMarkup(<ArticleBody article={result} />);
  return document;
}

describe(':::figure', () => {
  it('renders the image, sized and versioned, with the caption and its credit, licence and source link', () => {
    const result = compileFigure(
      ':::figure{src="images/spine.png" alt="A drawing of a lumbar spine" credit="Generated for this test" licence="CC0 1.0" source="https://example.org/spine"}\nThe five lumbar *vertebrae*.\n:::',
    );
    expect(result.diagnostics).toEqual([]);
    const page = render(result);
    const image = page.querySelector('figure > img');
    expect(image?.getAttribute('src')).toBe(`/images/spine.png?v=${imageVersion(spine)}`);
    expect(image?.getAttribute('alt')).toBe('A drawing of a lumbar spine');
    expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['6', '4']);
    const caption = page.querySelector('figure > figcaption');
    expect(caption?.textContent).toBe('The five lumbar vertebrae. Generated for this test, CC0 1.0, Source');
    expect(caption?.querySelector('em')?.textContent).toBe('vertebrae');
    expect(caption?.querySelector('small a')?.getAttribute('href')).toBe('https://example.org/spine');
  });

  it('a decorative figure has empty alt text', () => {
    const result = compileFigure(':::figure{src="images/spine.png" decorative}\nA caption.\n:::');
    expect(result.diagnostics).toEqual([]);
    expect(render(result).querySelector('figure > img')?.getAttribute('alt')).toBe('');
  });

  it('reports a missing image, missing alt text, a missing caption and an unsafe source link', () => {
    const result = compileFigure(':::figure{src="images/gone.png" source="javascript:alert(1)"}\n:::');
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual(
      ['directive-missing-attribute', 'directive-unsafe-url', 'image-alt-missing', 'image-not-found'].sort(),
    );
    expect(result.diagnostics.every((diagnostic) => diagnostic.line === 16 && diagnostic.column === 1)).toBe(true);
    const html = renderToStaticMarkup(<ArticleBody article={result} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript');
  });

  it('keeps off-site figure images out', () => {
    const result = compileFigure(':::figure{src="https://evil.example/pixel.png" alt="A pixel"}\nCaption.\n:::');
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['image-offsite']);
    expect(renderToStaticMarkup(<ArticleBody article={result} />)).not.toContain('evil.example');
  });
});
