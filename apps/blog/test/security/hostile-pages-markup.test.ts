/** Hostile raw HTML, URL schemes, references, directives and frontmatter as whole pages (see hostile-pages.ts). */
import { describe, expect, it } from 'vitest';
import { hostileCases } from '@cited/test-utils/hostile';
import { hostilePageSuite } from './hostile-pages';

describe('the hostile corpus', () => {
  it('has at least 100 cases, in every category', () => {
    expect(hostileCases.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(hostileCases.map((entry) => entry.category));
    expect([...categories].sort()).toEqual(['blns', 'directive', 'frontmatter', 'raw-html', 'reference', 'url-scheme']);
  });
});

hostilePageSuite(['raw-html', 'url-scheme', 'reference', 'directive', 'frontmatter']);
