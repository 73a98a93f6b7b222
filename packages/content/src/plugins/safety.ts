import type { Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';

const linkSchemes = new Set(['http', 'https', 'mailto', 'tel']);
const imageSchemes = new Set(['http', 'https']);

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
    const walk = (parent: Parent): void => {
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'html') {
          if (!/^\s*<!--/.test(child.value)) {
            report(file, 'html-ignored', 'Raw HTML is not rendered: use markdown or a directive instead', child.position);
          }
        } else if (child.type === 'link' || child.type === 'image' || child.type === 'definition') {
          const scheme = schemeOf(child.url);
          const allowed = child.type === 'image' ? imageSchemes : linkSchemes;
          if (scheme !== undefined && !allowed.has(scheme)) {
            report(
              file,
              'link-unsafe-url',
              `${child.type === 'image' ? 'Image' : 'Link'} URL with scheme "${scheme}:" is removed when rendering (allowed: ${[...allowed].join(', ')})`,
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
