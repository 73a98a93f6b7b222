// The axe rules live with the workspace's one axe helper, so Storybook's panel, the Vitest story
// suite and the browser checks agree on what counts.
export { axeRunOptions, storybookAxeRunOptions, wcagTags } from '@cited/test-utils/axe-options';
