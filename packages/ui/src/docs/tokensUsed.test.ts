import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentTokens, tokensUsedBy, type StyleSources } from './tokensUsed';

const docsDir = dirname(fileURLToPath(import.meta.url));
const srcDir = join(docsDir, '..');

/** The same map the Storybook plugin builds: every *.css.ts, keyed relative to src/docs. */
const styleSources: StyleSources = Object.fromEntries(
  (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.css.ts'))
    .map((file) => [relative(docsDir, join(srcDir, file)).split('\\').join('/'), readFileSync(join(srcDir, file), 'utf8')]),
);

describe('tokens a component uses', () => {
  it('follows shared style imports: Citation gets the link and focus ring colours', () => {
    const tokens = componentTokens(styleSources, 'Citation');
    expect(tokens).toEqual(expect.arrayContaining(['color.link', 'color.linkVisited', 'color.linkHover', 'color.focusRing', 'shadow.md']));
    expect(tokens).not.toContain('color.tone.caution.surface');
  });

  it('expands a tone lookup to every tone', () => {
    const tokens = componentTokens(styleSources, 'StudyCallout');
    for (const tone of ['info', 'finding', 'caution']) expect(tokens).toContain(`color.tone.${tone}.surface`);
  });

  it('finds tokens for every component', () => {
    for (const component of ['Citation', 'ReferenceList', 'StudyCallout', 'Pullquote', 'CTA', 'Prose', 'CareCard', 'KeyPoints', 'ReviewStatus', 'Disclosure', 'ContentsList', 'Breadcrumbs', 'Details', 'InsetText', 'WarningCallout']) {
      expect(componentTokens(styleSources, component).length, component).toBeGreaterThan(3);
    }
  });

  it('follows the shared shape module: a barred box reads radius.md through it', () => {
    for (const component of ['KeyPoints', 'StudyCallout', 'InsetText', 'WarningCallout', 'CTA']) {
      expect(componentTokens(styleSources, component), component).toContain('radius.md');
    }
  });

  it('names a missing style module', () => {
    expect(() => tokensUsedBy(styleSources, '../components/Nope/Nope.css.ts')).toThrow(/No style module/);
  });
});
