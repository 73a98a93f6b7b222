/*
 * Which tokens a component reads, found in its styles' source (its Name.css.ts and the shared
 * style modules it imports), so the "Tokens used" section of a docs page cannot drift from the CSS.
 */
import { themeTokens } from '../theme/tokens';
import { flattenTokens } from './tokenTable';

/** Source text of style modules, keyed by path relative to this folder: `../components/CTA/CTA.css.ts`. */
export type StyleSources = Readonly<Record<string, string>>;

const contractPaths = flattenTokens(themeTokens.light).map(([path]) => path);

/** `../components/Citation` + `../../styles/link.css` → `../styles/link.css.ts` (keys of styleSources). */
function resolveImport(fromFile: string, specifier: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return `${parts.join('/')}.ts`;
}

/** Token paths referenced by one style module and the style modules it imports, sorted. */
export function tokensUsedBy(styleSources: StyleSources, styleFile: string): string[] {
  const found = new Set<string>();
  const visit = (file: string, seen: Set<string>) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = styleSources[file];
    if (source === undefined) throw new Error(`No style module ${file}`);
    // `vars.color.tone[tone].surface` stands for that field of every tone.
    for (const match of source.matchAll(/vars\.([\w.]+(?:\[\w+\][\w.]*)?)/g)) {
      const reference = match[1] ?? '';
      const pattern = new RegExp(`^${reference.replace(/\./g, '\\.').replace(/\[\w+\]/, '\\.\\w+')}$`);
      for (const path of contractPaths) if (pattern.test(path)) found.add(path);
    }
    // Tokens of shared styles a component spreads in (the text link, the focus ring).
    for (const match of source.matchAll(/from '(\.{1,2}\/[^']+\.css)'/g)) {
      const imported = resolveImport(file, match[1] ?? '');
      if (!imported.endsWith('/theme/contract.css.ts')) visit(imported, seen);
    }
  };
  visit(styleFile, new Set());
  return contractPaths.filter((path) => found.has(path));
}

/** `Citation` → the tokens of `../components/Citation/Citation.css.ts` and what it imports. */
export function componentTokens(styleSources: StyleSources, component: string): string[] {
  return tokensUsedBy(styleSources, `../components/${component}/${component}.css.ts`);
}
