/**
 * Which axe-core rules count, in one place for every axe run in the workspace (Vitest under jsdom,
 * Playwright in Chromium, the Storybook a11y panel). Browser-safe: no node: imports, so Storybook's
 * preview can read it too.
 */

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the bar every page and story must clear. */
export const wcagTags = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);

/** The rules a test fails on: WCAG A/AA only, so a failure always means a conformance problem. */
export const axeRunOptions = Object.freeze({ runOnly: { type: 'tag', values: [...wcagTags] } });

/**
 * The Storybook a11y panel adds axe's best practices (every story passed them when this was set
 * up), so designers also see e.g. heading-order or duplicate landmark problems as failures.
 */
export const storybookAxeRunOptions = Object.freeze({ runOnly: { type: 'tag', values: [...wcagTags, 'best-practice'] } });
