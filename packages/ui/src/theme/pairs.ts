import type { ColorTokens } from './tokens';

/** Every foreground/background pair the components actually use, with the minimum it must meet. */
export interface TextPair {
  name: string;
  foreground: (c: ColorTokens) => string;
  background: (c: ColorTokens) => string;
  /** 4.5 for text (WCAG AA), 7 for body text (our aim), 3 for non-text UI. */
  minimum: number;
}

const tones = ['info', 'finding', 'caution'] as const;
const careLevels = ['nonUrgent', 'urgent', 'emergency'] as const;

export const textPairs: TextPair[] = [
  { name: 'Body text on surface', foreground: (c) => c.text, background: (c) => c.surface, minimum: 7 },
  { name: 'Body text on raised surface', foreground: (c) => c.text, background: (c) => c.surfaceRaised, minimum: 7 },
  { name: 'Body text on sunken surface', foreground: (c) => c.text, background: (c) => c.surfaceSunken, minimum: 7 },
  { name: 'Muted text on surface', foreground: (c) => c.textMuted, background: (c) => c.surface, minimum: 4.5 },
  { name: 'Muted text on raised surface', foreground: (c) => c.textMuted, background: (c) => c.surfaceRaised, minimum: 4.5 },
  { name: 'Muted text on sunken surface', foreground: (c) => c.textMuted, background: (c) => c.surfaceSunken, minimum: 4.5 },
  { name: 'Link on surface', foreground: (c) => c.link, background: (c) => c.surface, minimum: 4.5 },
  { name: 'Link on raised surface', foreground: (c) => c.link, background: (c) => c.surfaceRaised, minimum: 4.5 },
  { name: 'Link on sunken surface (quiet CTA)', foreground: (c) => c.link, background: (c) => c.surfaceSunken, minimum: 4.5 },
  { name: 'Accent on sunken surface (quiet CTA)', foreground: (c) => c.accent, background: (c) => c.surfaceSunken, minimum: 4.5 },
  { name: 'Visited link on surface', foreground: (c) => c.linkVisited, background: (c) => c.surface, minimum: 4.5 },
  { name: 'Hovered link on surface', foreground: (c) => c.linkHover, background: (c) => c.surface, minimum: 4.5 },
  { name: 'Text on accent (buttons)', foreground: (c) => c.textOnAccent, background: (c) => c.accent, minimum: 4.5 },
  { name: 'Accent on surface (headings, rules)', foreground: (c) => c.accent, background: (c) => c.surface, minimum: 4.5 },
  { name: 'Focus ring on surface', foreground: (c) => c.focusRing, background: (c) => c.surface, minimum: 3 },
  { name: 'Strong border on surface', foreground: (c) => c.borderStrong, background: (c) => c.surface, minimum: 3 },
  ...tones.flatMap((tone): TextPair[] => [
    {
      name: `${tone} callout text`,
      foreground: (c) => c.tone[tone].text,
      background: (c) => c.tone[tone].surface,
      minimum: 7,
    },
    {
      name: `${tone} callout figure`,
      foreground: (c) => c.tone[tone].emphasis,
      background: (c) => c.tone[tone].surface,
      minimum: 4.5,
    },
    {
      name: `${tone} callout link`,
      foreground: (c) => c.link,
      background: (c) => c.tone[tone].surface,
      minimum: 4.5,
    },
    {
      name: `${tone} callout border`,
      foreground: (c) => c.tone[tone].border,
      background: (c) => c.tone[tone].surface,
      minimum: 3,
    },
  ]),
  ...careLevels.flatMap((level): TextPair[] => [
    {
      name: `${level} care card heading`,
      foreground: (c) => c.care[level].onBand,
      background: (c) => c.care[level].band,
      minimum: 4.5,
    },
    {
      name: `${level} care card text`,
      foreground: (c) => c.care[level].text,
      background: (c) => c.care[level].surface,
      minimum: 7,
    },
    {
      name: `${level} care card link`,
      foreground: (c) => c.care[level].link,
      background: (c) => c.care[level].surface,
      minimum: 4.5,
    },
    {
      name: `${level} care card outline on surface`,
      foreground: (c) => c.care[level].band,
      background: (c) => c.surface,
      minimum: 3,
    },
    {
      name: `Focus ring on ${level} care card`,
      foreground: (c) => c.focusRing,
      background: (c) => c.care[level].surface,
      minimum: 3,
    },
  ]),
];
