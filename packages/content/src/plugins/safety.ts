import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Definition, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { isSameSiteResource } from '../url.js';

const linkSchemes = new Set(['http', 'https', 'mailto', 'tel']);

/** Scheme of a URL as a browser would see it (ASCII whitespace and controls inside it are ignored). */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- browsers strip these, so must we before reading the scheme
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([^:/?#]*):/.exec(compact);
  return match ? (match[1] ?? '').toLowerCase() : undefined;
}

/**
 * Reports what the sanitizer will remove, so authors learn about it instead of seeing content vanish:
 * raw HTML (never rendered) and links or images with schemes outside the allow-list.
 */
export function remarkSafety() {
  return (tree: Root, file: VFile): void => {
    // Definitions first: `![alt][ref]` takes its URL from `[ref]: url` wherever that is written.
    const definitions = new Map<string, Definition>();
    const collect = (parent: Parent): void => {
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child);
        else if ('children' in child) collect(child as Parent);
      }
    };
    collect(tree);
    const checkImage = (url: string, node: RootContent): void => {
      if (!isSameSiteResource(url)) {
        report(
          file,
          'image-offsite',
          `Image "${url}" is not served from this site and is removed: use a relative path such as /images/name.jpg`,
          node.position,
        );
      }
    };
    const walk = (parent: Parent): void => {
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'image') checkImage(child.url, child);
        else if (child.type === 'imageReference') {
          const definition = definitions.get(child.identifier);
          if (definition) checkImage(definition.url, child);
        }
        if (child.type === 'html') {
          if (!/^\s*<!--/.test(child.value)) {
            report(file, 'html-ignored', 'Raw HTML is not rendered: use markdown or a directive instead', child.position);
          }
        } else if (child.type === 'link' || child.type === 'definition') {
          const scheme = schemeOf(child.url);
          if (scheme !== undefined && !linkSchemes.has(scheme)) {
            report(
              file,
              'link-unsafe-url',
              `Link URL with scheme "${scheme}:" is removed when rendering (allowed: ${[...linkSchemes].join(', ')})`,
              child.position,
            );
          }
        }
        if ('children' in child) walk(child as Parent);
      }
    };
    walk(tree);
  };
}

function sameSiteSrcSet(value: unknown): boolean {
  const candidates = (Array.isArray(value) ? value.join(',') : String(value)).split(',');
  return candidates.every((candidate) => isSameSiteResource(candidate.trim().split(/\s+/)[0] ?? ''));
}

/** After sanitizing: removes images that are not same-site (see isSameSiteResource). */
export function rehypeSameSiteImages() {
  return (tree: HastRoot): void => {
    const stack: (HastRoot | Element)[] = [tree];
    while (stack.length > 0) {
      const parent = stack.pop() as HastRoot | Element;
      parent.children = (parent.children as HastContent[]).filter((child) => {
        if (child.type !== 'element') return true;
        if (child.tagName === 'img' && !isSameSiteResource(String(child.properties.src ?? ''))) return false;
        // srcset is only ever written by processImages, from the same versioned URL; kept same-site all the same.
        if (child.tagName === 'img' && child.properties.srcSet !== undefined && !sameSiteSrcSet(child.properties.srcSet)) {
          delete child.properties.srcSet;
          delete child.properties.sizes;
        }
        stack.push(child);
        return true;
      }) as typeof parent.children;
    }
  };
}
