import { pngBytes } from '@cited/test-utils/png';
import { describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import { imageVersion } from '../src/plugins/images.js';
import { article, elements, now } from './helpers.js';

/** content/articles/a.md beside content/images/: readFile sees paths resolved against the article. */
function compileWithImages(body: string, images: Record<string, Uint8Array>) {
  const readFile = (target: string): Uint8Array => {
    const bytes = images[target];
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${target}`), { code: 'ENOENT' });
    return bytes;
  };
  return compileArticle(article(`A sentence citing a study.:cite[a2020]\n\n${body}`), { path: 'content/articles/a.md', now, readFile });
}

const spine = pngBytes(3, 2);
const folder = { 'content/images/spine.png': spine };
const bodyLine = 16;

describe('local images', () => {
  it.each(['images/spine.png', '../images/spine.png', '/images/spine.png'])('reads %s from content/images/ and sets its size and a versioned URL', (url) => {
    const result = compileWithImages(`![A lumbar spine](${url})`, folder);
    expect(result.diagnostics).toEqual([]);
    const image = elements(result.hast).find((element) => element.tagName === 'img');
    expect(image?.properties).toMatchObject({
      src: `/images/spine.png?v=${imageVersion(spine)}`,
      alt: 'A lumbar spine',
      width: 3,
      height: 2,
      loading: 'lazy',
      decoding: 'async',
    });
    expect(result.dependencies).toContain('content/images/spine.png');
  });

  it('changes the URL when the file changes', () => {
    const first = compileWithImages('![A lumbar spine](images/spine.png)', folder);
    const second = compileWithImages('![A lumbar spine](images/spine.png)', { 'content/images/spine.png': pngBytes(3, 2, 10) });
    const src = (result: typeof first) => elements(result.hast).find((element) => element.tagName === 'img')?.properties.src;
    expect(src(first)).not.toEqual(src(second));
  });

  it('image-not-found: a missing local image is an error at the image', () => {
    const result = compileWithImages('See ![A lumbar spine](images/spne.png) here.', folder);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'image-not-found', severity: 'error', line: bodyLine, column: 5, message: expect.stringContaining('no file content/images/spne.png') }),
    ]);
    expect(result.ok).toBe(false);
  });

  it('image-not-found: also for reference-style images, paths outside the folder and files that are not images', () => {
    const result = compileWithImages('![A spine][s]\n\n![A spine](spine.png)\n\n![A spine](images/../site.yml)\n\n![A spine](images/notes.png)\n\n[s]: images/gone.png', {
      ...folder,
      'content/images/notes.png': new TextEncoder().encode('not an image'),
    });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line])).toEqual([
      ['image-not-found', bodyLine],
      ['image-not-found', bodyLine + 2],
      ['image-not-found', bodyLine + 4],
      ['image-not-found', bodyLine + 6],
    ]);
    expect(result.diagnostics[1]?.message).toContain('not in the images folder');
    expect(result.diagnostics[3]?.message).toContain('not an image');
  });

  it('image-not-found: without a way to read files the image cannot be checked', () => {
    const result = compileArticle(article('![A spine](images/spine.png)'), { path: 'content/articles/a.md', now });
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('image-not-found');
  });

  it('image-alt-missing: an image without alt text is an error', () => {
    const result = compileWithImages('Text.\n\n![](images/spine.png)', folder);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'image-alt-missing', severity: 'error', line: bodyLine + 2, column: 1, message: expect.stringContaining('decorative') }),
    ]);
    const blank = compileWithImages('![   ](images/spine.png)', folder);
    expect(blank.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['image-alt-missing']);
  });

  it('a decorative image says so with the title "decorative" and renders with empty alt and no title', () => {
    const result = compileWithImages('![](images/spine.png "decorative")', folder);
    expect(result.diagnostics).toEqual([]);
    const image = elements(result.hast).find((element) => element.tagName === 'img');
    expect(image?.properties.alt).toBe('');
    expect(image?.properties.title).toBeUndefined();
    expect(image?.properties.width).toBe(3);
  });
});
