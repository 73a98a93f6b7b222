/*
 * The Storybook window in cited's own colours: logo, sidebar and toolbar follow the theme chosen
 * in the toolbar (the same light and dark tokens as the components), so the whole window matches
 * the page being reviewed instead of framing a dark docs page in white.
 */
import { createElement } from 'react';
import { addons, type HashEntry } from 'storybook/manager-api';
import { GLOBALS_UPDATED, SET_GLOBALS } from 'storybook/internal/core-events';
import { create, styled, type ThemeVars } from 'storybook/theming';
import { darkColors, lightColors, typography, type ColorTokens, type ThemeName } from '../packages/ui/src/theme/tokens';

/** The wordmark: "cited" with a raised reference number, as a citation marker reads in an article. */
function logo(colors: ColorTokens): string {
  // One <text> with tspans: the marker and "ui" follow the word whatever width the serif has.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="150" height="40" viewBox="0 0 150 40">
  <text x="0" y="31" font-family="Georgia, 'DejaVu Serif', serif" font-size="30" font-weight="700" fill="${colors.text}">cited<tspan dx="2" dy="-13" font-family="Arial, 'Liberation Sans', sans-serif" font-size="15" fill="${colors.link}" text-decoration="underline">1</tspan><tspan dx="6" dy="13" font-family="Arial, 'Liberation Sans', sans-serif" font-size="12" font-weight="400" fill="${colors.textMuted}">ui</tspan></text>
</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function managerTheme(base: ThemeName, colors: ColorTokens): ThemeVars {
  return create({
    base,
    brandTitle: 'cited design system',
    brandImage: logo(colors),
    brandUrl: './',
    brandTarget: '_self',
    colorPrimary: colors.accent,
    // The selected sidebar item is white text on this colour: the light theme's link blue (7:1)
    // reads in both themes, where the dark theme's pale link blue would not.
    colorSecondary: lightColors.link,
    appBg: colors.surfaceSunken,
    appContentBg: colors.surface,
    appPreviewBg: colors.surface,
    appBorderColor: colors.border,
    appBorderRadius: 8,
    barBg: colors.surfaceRaised,
    barTextColor: colors.textMuted,
    barSelectedColor: colors.link,
    barHoverColor: colors.linkHover,
    textColor: colors.text,
    textMutedColor: colors.textMuted,
    textInverseColor: colors.textOnAccent,
    inputBg: colors.surfaceRaised,
    inputBorder: colors.borderStrong,
    inputTextColor: colors.text,
    inputBorderRadius: 4,
    fontBase: typography.font.ui,
    fontCode: typography.font.mono,
  });
}

const managerThemes: Record<ThemeName, ThemeVars> = {
  light: managerTheme('light', lightColors),
  dark: managerTheme('dark', darkColors),
};

/** The theme in the address (`globals=theme:dark`), as the preview first applies it. */
function themeFromUrl(): ThemeName {
  const globals = new URLSearchParams(window.location.search).get('globals') ?? '';
  return /(?:^|;)theme:dark(?:;|$)/.test(globals) ? 'dark' : 'light';
}

const statuses = ['stable', 'beta'] as const;
type Status = (typeof statuses)[number];

/** A component's status from its stories' tags (`status:stable`), as its docs page shows it. */
function statusOf(item: HashEntry): Status | undefined {
  return statuses.find((status) => item.tags.includes(`status:${status}`));
}

/**
 * The component's status next to its name in the sidebar, in the tones of the docs page's badge
 * (finding for stable, caution for beta) and of the manager's current theme. Styled with the
 * manager's own emotion theme: the manager is built without vanilla-extract.
 */
const StatusBadge = styled.span<{ status: Status }>(({ theme, status }) => {
  const colors = theme.base === 'dark' ? darkColors : lightColors;
  const tone = status === 'stable' ? colors.tone.finding : colors.tone.caution;
  return {
    marginInlineStart: 6,
    padding: '0 4px',
    border: `1px solid ${tone.border}`,
    borderRadius: 3,
    backgroundColor: tone.surface,
    color: tone.text,
    fontSize: 10,
    fontWeight: 700,
    lineHeight: '14px',
    letterSpacing: '0.04em',
    textTransform: 'uppercase',
    verticalAlign: 'middle',
  };
});

addons.setConfig({
  theme: managerThemes[themeFromUrl()],
  sidebar: {
    // Components only: their stories and docs page carry the same tag and would repeat it.
    // (createElement, not JSX: Storybook compiles the manager with the classic JSX runtime and
    // no React in scope.)
    renderLabel: (item) => {
      const status = item.type === 'component' ? statusOf(item) : undefined;
      return status ? createElement('span', null, item.name, createElement(StatusBadge, { status }, status)) : item.name;
    },
  },
});

addons.register('cited/manager-theme', (api) => {
  const follow = ({ globals }: { globals?: Record<string, unknown> }) => {
    const theme = globals?.theme;
    if (theme === 'light' || theme === 'dark') api.setOptions({ theme: managerThemes[theme] });
  };
  api.on(SET_GLOBALS, follow);
  api.on(GLOBALS_UPDATED, follow);
});
