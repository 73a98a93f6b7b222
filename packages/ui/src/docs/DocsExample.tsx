import { useLayoutEffect, useRef, type ReactNode } from 'react';

const landmarkSelector = [
  'aside',
  'nav',
  'section[aria-label]',
  'section[aria-labelledby]',
  'form[aria-label]',
  'form[aria-labelledby]',
  '[role="region"]',
  '[role="complementary"]',
  '[role="navigation"]',
].join(', ');

/** A landmark's accessible name as its markup gives it (aria-label, else the labelling elements' text). */
function landmarkName(landmark: Element): string {
  const label = landmark.getAttribute('aria-label');
  if (label) return label;
  const ids = landmark.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids
    .map((id) => landmark.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

/**
 * One example on a docs page. A docs page shows the same component in several examples, so its
 * landmarks ("References", "Breadcrumb", a StudyCallout's title) repeat, and a screen reader's
 * landmark list cannot tell them apart (axe landmark-unique). On docs pages only, each landmark
 * of an example is named after it too ("References, example: Both themes"); the story view, the
 * visual baselines and the components themselves keep their own names.
 */
export function DocsExample({ storyName, children }: { storyName: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const landmark of root.current?.querySelectorAll(landmarkSelector) ?? []) {
      // aria-labelledby outranks aria-label, so it gives way to the combined name (its text kept).
      const original = landmark.hasAttribute('aria-labelledby')
        ? landmarkName(landmark)
        : (landmark.getAttribute('data-docs-original-name') ?? landmarkName(landmark));
      landmark.removeAttribute('aria-labelledby');
      landmark.setAttribute('data-docs-original-name', original);
      landmark.setAttribute('aria-label', original ? `${original}, example: ${storyName}` : `Example: ${storyName}`);
    }
  });
  return <div ref={root}>{children}</div>;
}
