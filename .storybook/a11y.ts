import type { RunOptions } from 'axe-core';

/**
 * The axe-core rule tags every story is held to: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
 * Shared by the Storybook a11y panel (preview.tsx) and the Vitest story suite
 * (packages/ui/src/stories.test.tsx) so both judge stories by the same rules.
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export const axeRunOptions = {
  runOnly: { type: 'tag', values: [...wcagTags] },
} satisfies RunOptions;
