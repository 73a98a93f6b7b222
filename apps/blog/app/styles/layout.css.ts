import { vars } from '@cited/ui/theme';
import { globalStyle, style } from '@vanilla-extract/css';

/** Horizontal gutters grow with the viewport; 320px phones keep 16px. */
const gutter = `clamp(1rem, 4vw, ${vars.space.xl})`;

export const pageWidth = style({
  width: '100%',
  maxWidth: '72rem',
  marginInline: 'auto',
  paddingInline: gutter,
  '@media': {
    // A screen narrow in text terms (a phone at 200% text: an em here is the browser's default
    // text size): the gutters stay 16px instead of doubling with the text, leaving words room.
    'screen and (max-width: 19em)': { paddingInline: '16px' },
  },
});

export const skipLink = style({
  position: 'absolute',
  insetInlineStart: vars.space.sm,
  top: vars.space.sm,
  zIndex: 10,
  padding: `${vars.space.xs} ${vars.space.md}`,
  background: vars.color.surfaceRaised,
  color: vars.color.link,
  fontFamily: vars.font.ui,
  fontWeight: vars.fontWeight.bold,
  borderRadius: vars.radius.md,
  boxShadow: vars.shadow.md,
  transform: 'translateY(-200%)',
  selectors: {
    '&:focus': { transform: 'none' },
    '&:visited': { color: vars.color.link },
  },
  '@media': { print: { display: 'none' } },
});

export const siteHeader = style({
  borderBottom: `1px solid ${vars.color.border}`,
  backgroundColor: vars.color.surfaceRaised,
  '@media': { print: { borderBottom: '1px solid #000' } },
});

export const siteHeaderInner = style([
  pageWidth,
  {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: vars.space.lg,
    rowGap: vars.space.xs,
    paddingBlock: vars.space.md,
  },
]);

export const brand = style({
  display: 'inline-flex',
  alignItems: 'baseline',
  gap: vars.space.sm,
  flexWrap: 'wrap',
  textDecoration: 'none',
  color: vars.color.text,
  selectors: {
    '&:visited, &:hover': { color: vars.color.text },
  },
});

export const brandName = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xl,
  fontWeight: vars.fontWeight.bold,
  letterSpacing: '-0.01em',
  lineHeight: vars.lineHeight.tight,
  color: vars.color.accent,
});

export const brandTagline = style({
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
});

export const siteNav = style({
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  '@media': { print: { display: 'none' } },
});

/** A list laid out as a wrapping row (site navigation, an article's facts). */
export const inlineList = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: `${vars.space.xxs} ${vars.space.md}`,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const navList = inlineList;

/** WCAG 2.5.8: at least 24×24 px whatever the font (not left to glyph sizes). */
export const minTarget = { minHeight: '24px', minWidth: '24px' } as const;

export const navLink = style({
  display: 'inline-flex',
  alignItems: 'center',
  ...minTarget,
  paddingBlock: vars.space.xxs,
  color: vars.color.text,
  textDecoration: 'none',
  fontWeight: vars.fontWeight.medium,
  selectors: {
    '&:visited': { color: vars.color.text },
    '&:hover': { color: vars.color.linkHover, textDecoration: 'underline' },
    '&[aria-current="page"]': {
      textDecoration: 'underline',
      textDecorationThickness: '2px',
      textUnderlineOffset: '0.3em',
    },
  },
});

export const main = style([
  pageWidth,
  {
    flex: '1 0 auto',
    paddingBlock: `${vars.space.xl} ${vars.space.xxl}`,
    selectors: { '&:focus': { outline: 'none' } },
  },
]);

export const siteFooter = style({
  marginTop: 'auto',
  borderTop: `1px solid ${vars.color.border}`,
  backgroundColor: vars.color.surfaceSunken,
  color: vars.color.textMuted,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  '@media': { print: { display: 'none' } },
});

export const siteFooterInner = style([
  pageWidth,
  {
    display: 'grid',
    gap: vars.space.md,
    paddingBlock: vars.space.xl,
    '@media': {
      'screen and (min-width: 48rem)': { gridTemplateColumns: '2fr 1fr' },
    },
  },
]);

export const footerHeading = style({
  margin: `0 0 ${vars.space.xs}`,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.text,
});

export const footerText = style({ margin: `0 0 ${vars.space.xs}`, maxWidth: vars.measure });

export const footerList = style({ margin: 0, padding: 0, listStyle: 'none' });
globalStyle(`${footerList} a`, { display: 'inline-flex', alignItems: 'center', ...minTarget });

export const searchForm = style({
  flex: '1 1 16rem',
  minWidth: 0,
  maxWidth: '26rem',
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  '@media': { print: { display: 'none' } },
});

export const searchLabel = style({
  display: 'block',
  marginBottom: vars.space.xxs,
  fontWeight: vars.fontWeight.medium,
  color: vars.color.textMuted,
});

export const searchRow = style({ display: 'flex', gap: vars.space.xs });

export const searchInput = style({
  // Zero basis: an input's intrinsic width (about 20 characters) must not stop reflow at 320 px.
  flex: '1 1 0',
  width: 0,
  minWidth: 0,
  minHeight: '44px',
  padding: `${vars.space.xxs} ${vars.space.sm}`,
  font: 'inherit',
  fontSize: vars.fontSize.md,
  color: vars.color.text,
  backgroundColor: vars.color.surface,
  border: `1px solid ${vars.color.textMuted}`,
  borderRadius: vars.radius.md,
});

export const searchButton = style({
  flex: '0 0 auto',
  minHeight: '44px',
  minWidth: '44px',
  padding: `${vars.space.xxs} ${vars.space.md}`,
  font: 'inherit',
  fontWeight: vars.fontWeight.bold,
  color: vars.color.surface,
  backgroundColor: vars.color.link,
  border: `1px solid ${vars.color.link}`,
  borderRadius: vars.radius.md,
  cursor: 'pointer',
  selectors: { '&:hover': { backgroundColor: vars.color.linkHover, borderColor: vars.color.linkHover } },
});

globalStyle(`${siteFooter} a`, { color: vars.color.link });
globalStyle(`${siteFooter} a:visited`, { color: vars.color.linkVisited });

/** Centred reading column used by article and list pages. */
export const readingColumn = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
});
