/**
 * The foundations docs pages' bodies (rendered by the MDX pages in Storybook) in both themes:
 * they render without React errors and axe finds no WCAG A/AA violation. Colour contrast needs
 * layout, so it is checked in Chromium (scripts/storybook-a11y.mjs) and by theme.test.ts.
 */
import { render } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { format } from 'node:util';
import { themeNames } from '../theme/tokens';
import { BreakpointsAndMotionPage } from './BreakpointsAndMotionTables';
import { ColorsPage } from './ColoursTables';
import { RadiiAndShadowsPage } from './RadiiAndShadowsTables';
import { ShapeAndTonePage } from './ShapeAndToneTables';
import { SpacingPage } from './SpacingTables';
import { TypeScalePage } from './TypeScaleTables';

const pages = { ColorsPage, TypeScalePage, SpacingPage, RadiiAndShadowsPage, ShapeAndTonePage, BreakpointsAndMotionPage };
const cases = Object.entries(pages).flatMap(([name, Page]) => themeNames.map((theme) => ({ name, Page, theme })));

afterEach(() => document.documentElement.removeAttribute('data-theme'));

it.each(cases)('$name ($theme) renders and has no axe violations', async ({ Page, theme }) => {
  document.documentElement.setAttribute('data-theme', theme);
  const errors: string[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(format(...args));
  });
  const { container } = render(<Page />);
  consoleError.mockRestore();
  expect(errors, 'console.error during render').toEqual([]);
  expect(container).not.toBeEmptyDOMElement();
  expect(await axeViolations(container)).toEqual([]);
});
