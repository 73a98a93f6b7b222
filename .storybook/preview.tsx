import {
  Controls,
  Description,
  DocsContainer,
  Primary,
  Stories,
  Subtitle,
  Title,
  type DocsContainerProps,
} from '@storybook/addon-docs/blocks';
import { withThemeByDataAttribute } from '@storybook/addon-themes';
import type { Preview } from '@storybook/react-vite';
import { useEffect, useState, type PropsWithChildren } from 'react';
import { GLOBALS_UPDATED } from 'storybook/internal/core-events';
import { create, type ThemeVars } from 'storybook/theming';

// The design system's global theme (light default, dark by preference or data-theme), imported
// from source like the stories themselves, so an edit shows without a build; consumers get the
// same rules precompiled in '@cited/ui/styles.css'.
import '../packages/ui/src/theme/themes.css';
import './preview.css';

import { ScrollRegion } from '../packages/ui/src/docs/DataTable';
import { breakpoints, darkColors, lightColors, typography, type ColorTokens, type ThemeName } from '../packages/ui/src/theme/tokens';
import { storybookAxeRunOptions } from './a11y';
import { DocsExample } from '../packages/ui/src/docs/DocsExample';
import { MediaEmulation, type CitedMediaParameter, type EmulatedMedium } from './mediaEmulation';

/** Docs pages (MDX and autodocs) painted with the design system's own surface and text colours. */
function docsThemeFor(base: ThemeName, colors: ColorTokens): ThemeVars {
  return create({
    base,
    appBg: colors.surfaceSunken,
    appContentBg: colors.surface,
    appPreviewBg: colors.surface,
    appBorderColor: colors.border,
    barBg: colors.surfaceRaised,
    textColor: colors.text,
    textMutedColor: colors.textMuted,
    colorSecondary: colors.link,
    fontBase: typography.font.ui,
    fontCode: typography.font.mono,
  });
}

const docsThemes: Record<ThemeName, ThemeVars> = {
  light: docsThemeFor('light', lightColors),
  dark: docsThemeFor('dark', darkColors),
};

function isThemeName(value: unknown): value is ThemeName {
  return value === 'light' || value === 'dark';
}

/** The theme chosen in the toolbar, as the docs page first sees it (from the URL's globals). */
function initialDocsTheme(): ThemeName {
  const fromUrl = /(?:^|;)theme:(light|dark)(?:;|$)/.exec(new URLSearchParams(window.location.search).get('globals') ?? '');
  return isThemeName(fromUrl?.[1]) ? fromUrl[1] : 'light';
}

/**
 * Storybook 10.6's object control (Controls block, e.g. ReferenceList's `references`) nests its
 * top-level <li> directly in <div class="rejt-tree">, so axe reports `listitem` (WCAG 1.3.1) and a
 * screen reader announces a list item outside any list. Until Storybook fixes its markup, give
 * that container the list role it lacks, whenever a Controls block renders one.
 */
function useListRoleForObjectControls() {
  useEffect(() => {
    const addListRole = () => {
      for (const tree of document.querySelectorAll('.rejt-tree:not([role])')) {
        if (tree.querySelector(':scope > li')) tree.setAttribute('role', 'list');
      }
    };
    addListRole();
    const observer = new MutationObserver(addListRole);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

/** Follows the toolbar's theme switch so docs pages change colour along with their stories. */
function ThemedDocsContainer(props: PropsWithChildren<DocsContainerProps>) {
  const { channel } = props.context;
  const [themeName, setThemeName] = useState<ThemeName>(initialDocsTheme);
  // Docs pages without stories (foundations) have no theme decorator: paint <html> here too, so
  // their blocks, which read the theme's CSS variables, follow the toolbar.
  useEffect(() => {
    document.documentElement.setAttribute('data-theme', themeName);
  }, [themeName]);
  useListRoleForObjectControls();
  useEffect(() => {
    const onGlobalsUpdated = ({ globals }: { globals: Record<string, unknown> }) => {
      if (isThemeName(globals.theme)) setThemeName(globals.theme);
    };
    channel.on(GLOBALS_UPDATED, onGlobalsUpdated);
    return () => channel.off(GLOBALS_UPDATED, onGlobalsUpdated);
  }, [channel]);
  // The page's own content is its main landmark (axe landmark-one-main, region); the table of
  // contents beside it is Storybook's <aside>, a landmark of its own.
  return (
    <DocsContainer {...props} theme={docsThemes[themeName]}>
      <main>{props.children}</main>
    </DocsContainer>
  );
}

function AutodocsPage() {
  return (
    <>
      <Title />
      <Subtitle />
      <Description />
      <Primary />
      <ScrollRegion label="Props">
        <Controls />
      </ScrollRegion>
      <Stories includePrimary={false} />
    </>
  );
}

/** Viewports at the design system's breakpoints: small phone, phone, tablet, desktop. */
const viewportOptions = {
  mobile: { name: `Small phone (${breakpoints.mobile}px)`, styles: { width: `${breakpoints.mobile}px`, height: '640px' }, type: 'mobile' },
  phone: { name: `Phone (${breakpoints.phone}px)`, styles: { width: `${breakpoints.phone}px`, height: '844px' }, type: 'mobile' },
  tablet: { name: `Tablet (${breakpoints.tablet}px)`, styles: { width: `${breakpoints.tablet}px`, height: '1024px' }, type: 'tablet' },
  desktop: { name: `Desktop (${breakpoints.desktop}px)`, styles: { width: `${breakpoints.desktop}px`, height: '800px' }, type: 'desktop' },
} as const;

/**
 * Toolbar settings a designer checks a component under: right-to-left text (dir="rtl" on the
 * story's root, as a page in Arabic or Hebrew sets it), 200 % text (the root font size, as a
 * reader's browser setting enlarges every rem), and the components' own print and forced-colours
 * rules (./mediaEmulation.tsx: what the design system changes, not the browser's side of it). A
 * story can also ask for them in its globals.
 */
const globalTypes: Preview['globalTypes'] = {
  direction: {
    description: 'Text direction',
    toolbar: {
      title: 'Direction',
      icon: 'direction',
      items: [
        { value: 'ltr', title: 'Left to right' },
        { value: 'rtl', title: 'Right to left' },
      ],
      dynamicTitle: true,
    },
  },
  textSize: {
    description:
      "Text size: 200 % makes the root font size 32px, so every rem doubles. Media queries in em still see the browser's own default, so layouts for large text (styles/media.ts narrowText) appear only with the browser's text setting at 200 %; the visual and accessibility checks set it for stories at 200 %.",
    toolbar: {
      title: 'Text size',
      icon: 'zoom',
      items: [
        { value: '100%', title: '100 % text' },
        { value: '200%', title: '200 % text' },
      ],
      dynamicTitle: true,
    },
  },
  print: {
    description:
      "Print: applies the components' @media print rules on screen (black text, outlines for tinted boxes, web addresses after links, no buttons or previews). Paper size and dropped backgrounds are the browser's: print the story to see those.",
    toolbar: {
      title: 'Print',
      icon: 'document',
      items: [
        { value: 'screen', title: 'Screen' },
        { value: 'print', title: "Print rules (the components' own)" },
      ],
      dynamicTitle: true,
    },
  },
  forcedColours: {
    description:
      "Forced colours: applies the components' @media (forced-colors: active) rules (outlines where a box was drawn by its background). The system palette itself is the browser's: Windows contrast themes, or Chrome DevTools > Rendering > Emulate CSS media feature forced-colors.",
    toolbar: {
      title: 'Forced colours',
      icon: 'contrast',
      items: [
        { value: 'none', title: 'Normal colours' },
        { value: 'active', title: "Forced-colours rules (the components' own)" },
      ],
      dynamicTitle: true,
    },
  },
};

/** The media a story is shown in: from the toolbar, or asked for by the story (`parameters.cited.media`). */
function emulatedMedia(globals: Record<string, unknown>, parameters: Record<string, unknown>): EmulatedMedium[] {
  const asked = (parameters.cited as { media?: CitedMediaParameter } | undefined)?.media;
  const media: EmulatedMedium[] = [];
  if (globals.print === 'print' || asked?.media === 'print') media.push('print');
  if (globals.forcedColours === 'active' || asked?.forcedColors === 'active') media.push('forcedColours');
  return media;
}

/**
 * 200 % text enlarges the document's root font size, so every rem grows, as a reader's setting
 * does: to 32px, twice the browsers' 16px, stated in px so that where the browser's own setting is
 * at 200 % too (the checks set it, so em media queries follow) the text is not doubled twice.
 */
function TextSize({ textSize, children }: PropsWithChildren<{ textSize: unknown }>) {
  useEffect(() => {
    const root = document.documentElement;
    root.style.fontSize = textSize === '200%' ? '32px' : '';
    return () => {
      root.style.fontSize = '';
    };
  }, [textSize]);
  return children;
}

const preview: Preview = {
  globalTypes,
  initialGlobals: { direction: 'ltr', textSize: '100%', print: 'screen', forcedColours: 'none' },
  decorators: [
    // Right to left on the story's own root (also on docs pages, where each story has its own),
    // from the toolbar or a story's globals.
    (Story, { globals }) =>
      globals.direction === 'rtl' ? (
        <div dir="rtl">
          <Story />
        </div>
      ) : (
        <Story />
      ),
    // 200 % text changes the whole document, so only in the story view: a docs page keeps its size.
    (Story, { globals, viewMode }) =>
      viewMode !== 'docs' && globals.textSize === '200%' ? (
        <TextSize textSize={globals.textSize}>
          <Story />
        </TextSize>
      ) : (
        <Story />
      ),
    // Print and forced colours: the components' own rules for them, applied on screen.
    (Story, { globals, parameters }) => {
      const media = emulatedMedia(globals, parameters);
      return media.length > 0 ? (
        <MediaEmulation media={media}>
          <Story />
        </MediaEmulation>
      ) : (
        <Story />
      );
    },
    // On a docs page, several examples of one component would repeat its landmarks' names.
    (Story, { viewMode, name }) =>
      viewMode === 'docs' ? (
        <DocsExample storyName={name}>
          <Story />
        </DocsExample>
      ) : (
        <Story />
      ),
    // Sets data-theme on <html>, exactly how the blog forces a theme.
    withThemeByDataAttribute({
      themes: { light: 'light', dark: 'dark' },
      defaultTheme: 'light',
      attributeName: 'data-theme',
    }),
  ],
  parameters: {
    layout: 'padded',
    a11y: {
      // Violations fail the story (in the a11y panel and in Storybook's test runner), not just warn.
      test: 'error',
      options: storybookAxeRunOptions,
    },
    viewport: { options: viewportOptions },
    // The theme paints the background; the backgrounds tool would only fight it.
    backgrounds: { disable: true },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: {
      container: ThemedDocsContainer,
      // Headings inside examples (stories, and blocks marked .skip-toc such as Do and don't) are
      // the component's, not the page's: they stay out of the table of contents.
      toc: { headingSelector: 'h2, h3', ignoreSelector: '.docs-story *, .skip-toc, .skip-toc *', title: 'On this page' },
      // Autodocs pages (only the content package's rendered article uses them): the primary
      // story once, not again under "Stories" (it duplicated every landmark for axe).
      page: AutodocsPage,
    },
    options: {
      storySort: {
        order: [
          'Introduction',
          'Changelog',
          'Foundations',
          ['Design tokens', 'Colours', 'Type scale', 'Spacing', 'Radii and shadows', 'Breakpoints and motion'],
          'Components',
          ['Citation', 'ReferenceList', 'StudyCallout', 'Pullquote', 'CTA', 'Prose'],
        ],
      },
    },
  },
};

export default preview;
