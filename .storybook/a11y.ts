import type { RunOptions } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the bar every story must clear. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * The rules the Vitest story suite (packages/ui/src/stories.test.tsx) fails on: WCAG A/AA only,
 * so a test failure always means a conformance problem.
 */
export const axeRunOptions = {
  runOnly: { type: 'tag', values: [...wcagTags] },
} satisfies RunOptions;

/**
 * The Storybook a11y panel adds axe's best practices (every story passed them when this was
 * set up), so designers also see e.g. heading-order or duplicate landmark problems as failures.
 */
export const storybookAxeRunOptions = {
  runOnly: { type: 'tag', values: [...wcagTags, 'best-practice'] },
} satisfies RunOptions;
