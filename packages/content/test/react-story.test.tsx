// @vitest-environment jsdom
/**
 * The Storybook story of the rendered seed article is a test too, like every ui story: it renders
 * the compiled seed and passes axe with the WCAG 2.2 AA tags. (That the compile path also runs in a
 * browser, without node: modules, is checked by `npm run build-storybook`.)
 */
import { composeStories } from '@storybook/react-vite';
import { render, screen } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { describe, expect, it } from 'vitest';
import * as stories from '../src/react/ArticleBody.stories.js';

const { SeedArticle } = composeStories(stories);

describe('Content/Rendered article story', () => {
  it('renders the compiled seed article with its references and no axe violations', async () => {
    const { container } = render(<SeedArticle />);
    expect(screen.getByRole('heading', { level: 1, name: 'Treatment options for Failed Back Surgery Syndrome' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Reference 1' }).getAttribute('href')).toBe('#ref-1');
    expect(container.querySelectorAll('section[aria-labelledby] ol > li[id^="ref-"]')).toHaveLength(11);
    expect(await axeViolations(container)).toEqual([]);
  });
});
