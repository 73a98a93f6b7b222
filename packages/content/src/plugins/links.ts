import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Definition, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import type { SiteLink } from '../types.js';
import { closestMatch } from '../suggest.js';

/** Same-site: a path on this site ('/x', not '//host') or an anchor on the page ('#x'). */
export function isSameSiteLink(href: string): boolean {
  return (href.startsWith('/') && !href.startsWith('//')) || href.startsWith('#');
}

/** A path without a scheme or a leading '/', '#' or '?' ('contact', './x', '../x', 'www.nhs.uk'): resolved against the page showing it. */
export function isRelativeLink(href: string): boolean {
  // Trimmed as browsers trim it: ' javascript:x' has a scheme (and is reported as unsafe instead).
  // A leading backslash is a slash to browsers ('\\host' is another site, like '//host').
  const trimmed = href.trim();
  return trimmed !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[/#?\\]/.test(trimmed);
}

// 'www.nhs.uk', 'nhs.uk/conditions': an address written without https://. Not a file name
// ('leaflet.pdf', 'x-ray.png'): its last part is a file extension, not a domain.
const bareDomain = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)/i;
const fileName = /^[^/?#]*\.(?:pdf|png|jpe?g|gif|svg|webp|avif|html?|md|docx?|xlsx?|pptx?|txt|csv|json|xml|zip|mp[34]|webm)(?:[?#]|$)/i;

/**
 * `link-relative`: where a relative link leads depends on the page showing the article (its own
 * page, a feed reader, another app), and on the article's page `contact` is /articles/contact,
 * a 404. Written from the site's root or in full, it is checked and leads one place.
 */
export function reportRelativeLink(file: VFile, href: string, place: Position | Point | undefined): void {
  const path = href.replace(/^(?:\.{1,2}\/)+/, '');
  let instead: string;
  if (bareDomain.test(href) && !(fileName.test(href) && !/^www\./i.test(href))) instead = `\`https://${href}\``;
  // One word ('contact', 'sciatica'): a page of the site or an article (at /articles/<slug> on the blog).
  else if (/^[a-z0-9-]+(?:[?#].*)?$/i.test(path)) instead = `\`/${path}\` for a page of the site, or \`/articles/${path}\` for an article`;
  else instead = `\`/${path}\``;
  report(
    file,
    'link-relative',
    `Link "${href}" is relative, so where it leads depends on the page showing the article (on the article's own page, a 404); write it from the site's root or as a full address (did you mean ${instead}?)`,
    place,
  );
}

/**
 * Same-site links written in the body: markdown links and :::cta hrefs. Cross-article targets are
 * checked by the content store / `cited-content check` (they need the whole site); anchors here.
 * Relative links are reported (`link-relative`) and not collected.
 */
export function collectSiteLinks(tree: MdastRoot, file: VFile): SiteLink[] {
  const links: SiteLink[] = [];
  const add = (href: string | null | undefined, position: Position | undefined): void => {
    if (href && isRelativeLink(href)) reportRelativeLink(file, href, position);
    if (!href || !isSameSiteLink(href)) return;
    links.push({ href, line: position?.start.line ?? 1, column: position?.start.column ?? 1 });
  };
  // A reference-style link ([text][name]) leads where its definition ([name]: url) says; a
  // definition only images use ([s]: images/spine.png) is an image path, checked as one.
  const linked = new Set<string>();
  const definitions: Definition[] = [];
  const stack: MdastContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as MdastContent;
    if (node.type === 'link') add(node.url, node.position);
    if (node.type === 'linkReference') linked.add(node.identifier);
    if (node.type === 'definition') definitions.push(node);
    if (node.type === 'containerDirective' && node.name === 'cta') {
      add(node.attributes?.href, node.position);
      add(node.attributes?.['secondary-href'], node.position);
    }
    if ('children' in node) stack.push(...[...(node.children as MdastContent[])].reverse());
  }
  for (const definition of definitions) if (linked.has(definition.identifier)) add(definition.url, definition.position);
  return links;
}

/** Every id in the rendered page (headings, citations, references, footnotes). */
function idsOf(tree: HastRoot): Set<string> {
  const ids = new Set<string>();
  const stack: (HastRoot | HastContent)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as HastRoot | HastContent;
    if (node.type === 'element' && typeof node.properties.id === 'string') ids.add(node.properties.id);
    if ('children' in node) stack.push(...node.children);
  }
  return ids;
}

/** Reports `#anchor` links to an id the page does not have, suggesting the nearest one. */
export function checkAnchors(links: readonly SiteLink[], tree: HastRoot, file: VFile, extraIds: Iterable<string> = []): void {
  const ids = idsOf(tree);
  for (const id of extraIds) ids.add(id);
  for (const link of links) {
    if (!link.href.startsWith('#')) continue;
    const id = decodeURIComponent(link.href.slice(1));
    if (id === '' || ids.has(id)) continue;
    const suggestion = closestMatch(id, ids);
    report(
      file,
      'link-broken',
      `Link "${link.href}" points at no heading or anchor on this page${suggestion ? ` (did you mean \`#${suggestion}\`?)` : ''}`,
      { line: link.line, column: link.column },
    );
  }
}
