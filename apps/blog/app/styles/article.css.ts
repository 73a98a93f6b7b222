import { vars } from '@cited/ui/theme';
import { globalStyle, style } from '@vanilla-extract/css';

export const article = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
});

// At 200% text on a phone a long word in a heading ("emergency" in a care card's heading, beside
// its icon) can be wider than its column: it breaks rather than make the page scroll sideways.
// `anywhere`, not `break-word`, so a heading in a flex row may shrink below its longest word.
globalStyle(`${article} :is(h2, h3, h4)`, { overflowWrap: 'anywhere' });

export const header = style({
  marginBottom: vars.space.xl,
  paddingBottom: vars.space.lg,
  borderBottom: `1px solid ${vars.color.border}`,
});

export const eyebrow = style({
  margin: `0 0 ${vars.space.sm}`,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.bold,
  letterSpacing: '0.06em',
  textTransform: 'uppercase',
});

globalStyle(`${eyebrow} a`, { color: vars.color.accent, textDecoration: 'none' });
globalStyle(`${eyebrow} a:hover`, { textDecoration: 'underline' });

export const title = style({
  margin: `0 0 ${vars.space.md}`,
  fontFamily: vars.font.heading,
  fontSize: `clamp(${vars.fontSize.xxl}, 5vw + 0.5rem, ${vars.fontSize.xxxl})`,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.tight,
  letterSpacing: '-0.015em',
  textWrap: 'balance',
});

export const standfirst = style({
  margin: `0 0 ${vars.space.lg}`,
  fontSize: vars.fontSize.lg,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.textMuted,
});

export const facts = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: `${vars.space.xxs} ${vars.space.lg}`,
  margin: `0 0 ${vars.space.sm}`,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
});

export const fact = style({ display: 'flex', gap: vars.space.xxs });

globalStyle(`${fact} dt`, { fontWeight: vars.fontWeight.medium });
globalStyle(`${fact} dd`, { margin: 0, color: vars.color.text });

/** The byline block (ui ReviewStatus) and the disclosure under it, then the smaller facts. */
export const byline = style({
  margin: `0 0 ${vars.space.md}`,
});

export const disclosure = style({
  margin: `0 0 ${vars.space.md}`,
});

export const keyPoints = style({
  margin: `0 0 ${vars.space.lg}`,
});

export const toc = style({
  margin: `0 0 ${vars.space.xl}`,
  padding: `${vars.space.md} clamp(${vars.space.sm}, 3vw, ${vars.space.lg})`,
  backgroundColor: vars.color.surfaceSunken,
  borderRadius: vars.radius.md,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  '@media': { print: { display: 'none' } },
});

export const tocHeading = style({
  margin: `0 0 ${vars.space.xs}`,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.bold,
  letterSpacing: '0.06em',
  textTransform: 'uppercase',
  color: vars.color.textMuted,
});

export const tocList = style({
  margin: 0,
  paddingInlineStart: vars.space.lg,
  lineHeight: vars.lineHeight.heading,
});

globalStyle(`${tocList} li`, { marginBlock: vars.space.xs });
globalStyle(`${tocList} ol`, { paddingInlineStart: vars.space.md, listStyleType: 'disc' });

export const references = style({
  marginTop: vars.space.xxl,
});

// Printed references keep their addresses: a reader with paper still needs the DOI/URL.
globalStyle(`${references} a[href^="http"]::after`, {
  '@media': {
    print: { content: '" (" attr(href) ")"', fontSize: '0.85em', wordBreak: 'break-all' },
  },
});

export const disclaimer = style({
  marginTop: vars.space.xl,
  padding: vars.space.md,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.md,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
});

export const disclaimerHeading = style({
  margin: `0 0 ${vars.space.xxs}`,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.text,
});

globalStyle(`${disclaimer} p`, { margin: `0 0 ${vars.space.xs}` });
globalStyle(`${disclaimer} p:last-child`, { marginBottom: 0 });

export const cta = style({
  marginTop: vars.space.xl,
  '@media': { print: { display: 'none' } },
});

export const related = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
  marginTop: vars.space.xxl,
  '@media': { print: { display: 'none' } },
});

export const relatedHeading = style({
  margin: `0 0 ${vars.space.sm}`,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xl,
  lineHeight: vars.lineHeight.heading,
});
