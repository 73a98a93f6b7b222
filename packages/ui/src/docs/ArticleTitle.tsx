import type { ReactNode } from 'react';

/**
 * The article's title in an "In context" story: the page's h1 when the story is viewed alone, an
 * h2 on a docs page, which already has its own h1 (a page has one h1, and the docs page's heading
 * order stays unbroken). `viewMode` is the story context's.
 */
export function ArticleTitle({ viewMode, children }: { viewMode: string | undefined; children: ReactNode }) {
  const Heading = viewMode === 'docs' ? 'h2' : 'h1';
  return <Heading>{children}</Heading>;
}
