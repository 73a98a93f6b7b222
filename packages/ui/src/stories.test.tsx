/// <reference types="vite/client" />
/**
 * Every story, in both themes, rendered the way Storybook renders it (same decorators and
 * parameters via the preview annotations), with its play function run, then checked by axe-core
 * against WCAG 2.0–2.2 A/AA. New *.stories.tsx files are picked up automatically.
 *
 * jsdom has no layout, so axe reports colour contrast as "incomplete" here rather than failing;
 * contrast is guaranteed by theme/theme.test.ts, which checks every text pair's ratio.
 */
import { composeStories, setProjectAnnotations, type composeStory } from '@storybook/react-vite';
import { format } from 'node:util';
import { axeViolations } from '@cited/test-utils/axe';
import { userEvent } from 'storybook/test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import preview from '../../../.storybook/preview';
import { themeNames, type ThemeName } from './theme/tokens';

const projectAnnotations = setProjectAnnotations([preview]);
beforeAll(projectAnnotations.beforeAll);

type StoryModule = Parameters<typeof composeStories>[0];
type ComposedStory = ReturnType<typeof composeStory>;

const storyModules = import.meta.glob<StoryModule>('./**/*.stories.tsx', { eager: true });

/** The themes a story is meant to be seen in: the one it forces, or both. */
function themesFor(story: ComposedStory): ThemeName[] {
  const forced = (story.parameters.themes as { themeOverride?: unknown } | undefined)?.themeOverride ?? story.globals.theme;
  return themeNames.filter((theme) => forced === undefined || forced === theme);
}

let canvasElement: HTMLDivElement | undefined;
let consoleError: ReturnType<typeof vi.spyOn> | undefined;

afterEach(() => {
  consoleError?.mockRestore();
  canvasElement?.remove();
  canvasElement = undefined;
  document.documentElement.removeAttribute('data-theme');
});

it('finds the story files', () => {
  const paths = Object.keys(storyModules);
  expect(paths).toContain('./components/Citation/Citation.stories.tsx');
  for (const path of paths) {
    expect(storyModules[path]?.default, `${path} has no default export (meta)`).toBeDefined();
  }
});

describe.each(Object.entries(storyModules))('%s', (_path, storyModule) => {
  // A glob-typed module loses its story names, so restate what composeStories returns.
  const stories = Object.entries(composeStories(storyModule)) as [string, ComposedStory][];
  const cases = stories.flatMap(([exportName, Story]) =>
    themesFor(Story).map((theme) => ({ name: `${Story.storyName ?? exportName} (${theme})`, Story, theme })),
  );

  it.each(cases)('$name renders, plays and has no axe violations', async ({ Story, theme }) => {
    // React reports invalid markup (e.g. a <div> inside a <p>) and missing keys via console.error.
    const errors: string[] = [];
    consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(format(...args));
    });

    canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await Story.run({
      canvasElement,
      globals: { ...Story.globals, theme },
      // Storybook only provides `userEvent` to play functions where navigator.clipboard exists,
      // which jsdom lacks; hand plays the same API Storybook would.
      userEvent: userEvent.setup(),
    });

    // The theme decorator sets data-theme on <html>, as the blog does.
    expect(document.documentElement).toHaveAttribute('data-theme', theme);
    expect(canvasElement).not.toBeEmptyDOMElement();
    expect(errors, 'console.error during render').toEqual([]);

    // jsdom has no layout or resolved colours, so the helper leaves colour contrast to the browser
    // runs (theme tests in Chromium, scripts/storybook-a11y.mjs).
    expect(await axeViolations(canvasElement), 'axe violations').toEqual([]);
    // Large pages (the colour tables) take several seconds for axe on a busy machine.
  });
});
