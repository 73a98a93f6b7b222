import { vars } from '@cited/ui/theme';
import { globalStyle, style } from '@vanilla-extract/css';

export const article = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
});

// At 200% text on a phone a word in a heading can be wider than the whole line: only then does it
// break, rather than make the page scroll sideways. `break-word`, not `anywhere`: `anywhere` also
// lets a heading's box shrink below its longest word, and words then split where they would have
// fitted on a line of their own ("Treatmen/t"). A heading in a flex row (a care card's, beside its
// mark) may shrink because the flex item itself allows it (min-width: 0 in @cited/ui).
// e2e/words.spec.ts checks it.
globalStyle(`${article} :is(h1, h2, h3, h4)`, { overflowWrap: 'break-word' });

export const header = style({
  marginBottom: vars.space.xl,
  paddingBottom: vars.space.lg,
  borderBottom: `1px solid ${vars.color.border}`,
});

export const title = style({
  margin: `0 0 ${vars.space.md}`,
  fontFamily: vars.font.heading,
  fontSize: `clamp(${vars.fontSize.xxl}, 5vw + 0.5rem, ${vars.fontSize.xxxl})`,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.tight,
  letterSpacing: '-0.015em',
  textWrap: 'balance',
  '@media': {
    // A screen narrow in text terms (a phone at 200% text; an em here is the browser's default
    // text size): capped by the screen's width, so "Treatment" fits a line instead of splitting.
    'screen and (max-width: 19em)': { fontSize: 'min(2.25rem, 11vw)' },
  },
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

/** The contents list (ContentsList): in-page links, of no use on paper. */
export const toc = style({
  '@media': { print: { display: 'none' } },
});

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
