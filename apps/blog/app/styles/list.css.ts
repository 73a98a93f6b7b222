import { vars } from '@cited/ui/theme';
import { globalStyle, style } from '@vanilla-extract/css';
import { inlineList } from './layout.css';

export const intro = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
  marginBottom: vars.space.xl,
});

export const pageTitle = style({
  margin: `0 0 ${vars.space.sm}`,
  fontFamily: vars.font.heading,
  fontSize: `clamp(${vars.fontSize.xl}, 4vw + 0.5rem, ${vars.fontSize.xxxl})`,
  lineHeight: vars.lineHeight.tight,
  letterSpacing: '-0.015em',
  textWrap: 'balance',
});

export const lede = style({
  margin: 0,
  fontSize: vars.fontSize.lg,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.textMuted,
});

export const list = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
  padding: 0,
  listStyle: 'none',
  borderTop: `1px solid ${vars.color.border}`,
});

export const item = style({
  paddingBlock: vars.space.lg,
  borderBottom: `1px solid ${vars.color.border}`,
});

export const itemTitle = style({
  margin: `0 0 ${vars.space.xs}`,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xl,
  lineHeight: vars.lineHeight.heading,
});

globalStyle(`${itemTitle} a`, { color: vars.color.text, textDecorationColor: vars.color.border });
globalStyle(`${itemTitle} a:visited`, { color: vars.color.text });
globalStyle(`${itemTitle} a:hover`, { color: vars.color.linkHover, textDecorationColor: 'currentColor' });

export const itemDescription = style({ margin: `0 0 ${vars.space.sm}` });

export const itemFacts = style([
  inlineList,
  {
    fontFamily: vars.font.ui,
    fontSize: vars.fontSize.sm,
    color: vars.color.textMuted,
  },
]);

export const itemCategory = style({
  fontWeight: vars.fontWeight.bold,
  color: vars.color.accent,
  textDecoration: 'none',
  selectors: {
    '&:visited': { color: vars.color.accent },
    '&:hover': { textDecoration: 'underline' },
  },
});

export const empty = style({ maxWidth: vars.measure, marginInline: 'auto' });

export const pagination = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
  marginTop: vars.space.xl,
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: vars.space.md,
  fontFamily: vars.font.ui,
  '@media': { print: { display: 'none' } },
});

export const pageStatus = style({ margin: 0, color: vars.color.textMuted, fontSize: vars.fontSize.sm });

export const pageLink = style({
  display: 'inline-block',
  padding: `${vars.space.xs} ${vars.space.md}`,
  border: `1px solid ${vars.color.borderStrong}`,
  borderRadius: vars.radius.md,
  textDecoration: 'none',
  fontWeight: vars.fontWeight.medium,
  minHeight: '44px',
  selectors: { '&:visited': { color: vars.color.link } },
});

export const eyebrow = style({
  margin: `0 0 ${vars.space.xs}`,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.bold,
  letterSpacing: '0.06em',
  textTransform: 'uppercase',
  color: vars.color.textMuted,
});

export const errorPage = style({ maxWidth: vars.measure, marginInline: 'auto' });

/**
 * A titled list in the page's one centred column (the author page's "Articles by"). The column is
 * set here, at body size, not on the heading: `66ch` at the heading's larger size is a wider
 * column, which left the heading sticking out to the left of the title and the list at 1,280 px.
 */
export const listSection = style({ maxWidth: vars.measure, marginInline: 'auto' });

export const sectionHeading = style({
  margin: `${vars.space.xl} 0 ${vars.space.sm}`,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  lineHeight: vars.lineHeight.heading,
});

export const errorLinks = style({
  paddingInlineStart: vars.space.lg,
  lineHeight: vars.lineHeight.heading,
});

globalStyle(`${errorLinks} li`, { marginBlock: vars.space.xs });

/** Tags as small outlined links; each at least 24×24 px (WCAG 2.5.8) whatever the font. */
export const tagList = style([
  inlineList,
  { gap: vars.space.xs, marginTop: vars.space.sm, fontFamily: vars.font.ui, fontSize: vars.fontSize.sm },
]);

export const tag = style({
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: '24px',
  minWidth: '24px',
  padding: `0 ${vars.space.sm}`,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.md,
  color: vars.color.link,
  textDecoration: 'none',
  selectors: {
    '&:visited': { color: vars.color.link },
    '&:hover': { textDecoration: 'underline', borderColor: 'currentColor' },
  },
});

globalStyle(`${itemFacts} a`, { display: 'inline-flex', alignItems: 'center', minHeight: '24px' });

/** Search results: the words found are marked by weight and underline, not colour alone. */
export const resultMark = style({
  backgroundColor: 'transparent',
  color: 'inherit',
  fontWeight: vars.fontWeight.bold,
  textDecoration: 'underline',
  textDecorationThickness: '2px',
  textUnderlineOffset: '0.15em',
});

export const resultSnippet = style({ margin: `0 0 ${vars.space.sm}`, color: vars.color.text });

export const notice = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
  marginBottom: vars.space.lg,
  padding: vars.space.md,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.md,
  backgroundColor: vars.color.surfaceSunken,
});

globalStyle(`${notice} p`, { margin: `0 0 ${vars.space.xs}` });
globalStyle(`${notice} p:last-child`, { marginBottom: 0 });

/** A profile or contact page: details as a definition list. */
export const details = style({ display: 'grid', gap: vars.space.xs, margin: `${vars.space.md} 0` });
globalStyle(`${details} dt`, { fontFamily: vars.font.ui, fontSize: vars.fontSize.sm, fontWeight: vars.fontWeight.bold, color: vars.color.textMuted });
globalStyle(`${details} dd`, { margin: `0 0 ${vars.space.sm}` });
