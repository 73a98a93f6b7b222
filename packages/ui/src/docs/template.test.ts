/**
 * Every component's docs page (Name/Name.mdx) follows the one template designers rely on, and
 * shows every story of the component: a new variant or state cannot be left off its page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const componentsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'components');
const components = readdirSync(componentsDir).filter((name) => existsSync(join(componentsDir, name, `${name}.tsx`)));

/** The sections, in this order, as `## ` headings. */
const templateSections = [
  'When to use it',
  'When not to use it',
  'How it works',
  'Content guidance',
  'Accessibility',
  'Do and don\u2019t',
  'Variants and states',
  'Props',
  'Tokens used',
];

describe.each(components)('the %s docs page', (component) => {
  const mdxPath = join(componentsDir, component, `${component}.mdx`);
  const mdx = existsSync(mdxPath) ? readFileSync(mdxPath, 'utf8') : '';
  const stories = readFileSync(join(componentsDir, component, `${component}.stories.tsx`), 'utf8');

  it('exists', () => {
    expect(mdx, `${component}/${component}.mdx is missing`).not.toBe('');
  });

  it('has the template sections in order', () => {
    const headings = [...mdx.matchAll(/^## (.+)$/gm)].map((match) => (match[1] ?? '').replace("'", '\u2019'));
    expect(headings).toEqual(templateSections);
  });

  it('has a title, a status, search keywords, an HTML example, what a screen reader hears, do/don\u2019t, props and tokens', () => {
    expect(mdx).toMatch(new RegExp(`^# ${component}$`, 'm'));
    expect(mdx).toMatch(/<StatusBadge status="(stable|beta)"/);
    // A search-keywords line, not a heading: an h4 straight after the h1 broke heading-order.
    expect(mdx).toMatch(/^\*\*Also called:\*\* .+$/m);
    expect(mdx).toMatch(/```html\n/);
    expect(mdx).toMatch(/\*\*What a screen reader hears:\*\*/);
    expect(mdx).toMatch(/<DoDont\b/);
    expect(mdx).toMatch(new RegExp(`<PropsTable of=\\{\\w+\\.\\w+\\} component="${component}" />`));
    expect(mdx).toContain(`<TokensUsed component="${component}" />`);
  });

  it('shows every story once', () => {
    const exported = [...stories.matchAll(/^export const (\w+): Story/gm)].map((match) => match[1]);
    const shown = [...mdx.matchAll(/<Canvas of=\{\w+\.(\w+)\} \/>/g)].map((match) => match[1]);
    expect([...shown].sort()).toEqual([...exported].sort());
  });

  it('matches the status tag of its stories', () => {
    const status = /<StatusBadge status="(\w+)"/.exec(mdx)?.[1];
    expect(stories).toContain(`'status:${status}'`);
  });
});
