import { globalStyle, style } from '@vanilla-extract/css';
import { scroller } from '../packages/ui/src/docs/table.css';
import { vars } from '../packages/ui/src/theme/contract.css';

/*
 * What a page that uses @cited/ui does once: paint the theme's surface and text colour. Without
 * it the canvas stays browser-white in the dark theme and stories would be judged on the wrong
 * background, by eye and by the a11y panel.
 */
globalStyle('html, body', {
  backgroundColor: vars.color.surface,
  color: vars.color.text,
});

globalStyle('body', {
  margin: 0,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
});

/* Story previews embedded in docs pages sit on the active theme's surface too. */
globalStyle('.docs-story', {
  backgroundColor: vars.color.surface,
  color: vars.color.text,
});

/*
 * Code blocks on docs pages (fenced examples and "Show code"): Storybook's syntax colours are not
 * part of its theme API, and its light palette's attribute red (#eb0000) is 4.4:1 on our surface
 * (WCAG 1.4.3 wants 4.5:1). Paint the Prism tokens with the design system's own text colours
 * (muted text, visited link, the callouts' emphasis colours: 4.5:1 or more on their surfaces in
 * the theme tests, more on the page surface; scripts/storybook-a11y.mjs measures them in Chromium).
 * The id selector outranks Storybook's emotion rules without !important.
 */
const codeTokenColours: [colour: string, prismTokens: string[]][] = [
  [vars.color.textMuted, ['comment', 'prolog', 'doctype', 'cdata', 'punctuation', 'operator']],
  [vars.color.tone.info.emphasis, ['tag', 'keyword', 'selector', 'important', 'atrule']],
  [vars.color.linkVisited, ['attr-name', 'property', 'function', 'class-name']],
  [vars.color.tone.finding.emphasis, ['attr-value', 'string', 'char', 'builtin', 'inserted', 'regex']],
  [vars.color.tone.caution.emphasis, ['number', 'boolean', 'constant', 'symbol', 'deleted', 'entity', 'url', 'variable']],
];
for (const [colour, prismTokens] of codeTokenColours) {
  globalStyle(prismTokens.map((token) => `#storybook-docs .prismjs .token.${token}`).join(', '), { color: colour });
}

/*
 * The props table (Storybook's Controls block) in its scroll box (PropsTable): Storybook gives it
 * width 100% plus a 1px side margin for its border, which made the box scroll by 1px and cut off
 * the table's right border.
 */
// (Storybook doubles its class, .css-x.css-x, so the element name makes this rule outrank it.)
globalStyle(`${scroller} table.docblock-argstable`, { width: 'calc(100% - 2px)' });

/**
 * The wrapper of a story shown with its print or forced-colours rules (mediaEmulation.tsx): it
 * paints the theme's surface and text colour, which those rules may change (print is light), so
 * the preview reads as paper even inside a dark docs page.
 */
export const emulatedMediaRoot = style({
  backgroundColor: vars.color.surface,
  color: vars.color.text,
});
