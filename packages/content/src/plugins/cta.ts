import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { isSafeHref } from '../url.js';
import { attribute, missing, setElement } from './directive-helpers.js';

/**
 * `:::cta[heading]{href label secondary-href secondary-label}` → `cited-cta`. The heading is the
 * [label], else the first block of the body. An invalid call to action renders as its plain text:
 * a broken link to act on is worse than none.
 */
export function transformCta(node: ContainerDirective, file: VFile, label: string | undefined): RootContent[] | undefined {
  let heading = label;
  if (heading === undefined) {
    const first = node.children[0];
    if (first && (first.type === 'paragraph' || first.type === 'heading')) {
      node.children.shift();
      heading = toString(first).trim() || undefined;
    }
  }
  const href = attribute(node, 'href');
  const actionLabel = attribute(node, 'label');
  const secondaryHref = attribute(node, 'secondary-href');
  const secondaryLabel = attribute(node, 'secondary-label');
  let valid = true;
  if (!heading) {
    missing(file, node, 'needs a heading: a [label] or a first paragraph');
    valid = false;
  }
  if (!href) {
    missing(file, node, 'needs an `href` attribute (e.g. href="/contact")');
    valid = false;
  } else if (!isSafeHref(href)) {
    report(file, 'directive-unsafe-url', `:::cta href "${href}" is not an http(s), mailto: or tel: link, or a path on this site (/contact)`, node.position);
    valid = false;
  }
  if (!actionLabel) {
    missing(file, node, 'needs a `label` attribute for its link (e.g. label="Contact us")');
    valid = false;
  }
  if ((secondaryHref === undefined) !== (secondaryLabel === undefined)) {
    missing(file, node, 'needs both `secondary-href` and `secondary-label`, or neither');
  }
  const secondaryValid = secondaryHref !== undefined && secondaryLabel !== undefined && isSafeHref(secondaryHref);
  if (secondaryHref !== undefined && !isSafeHref(secondaryHref)) {
    report(file, 'directive-unsafe-url', `:::cta secondary-href "${secondaryHref}" is not an http(s), mailto: or tel: link, or a path on this site (/contact)`, node.position);
  }
  if (!valid || !heading || !href || !actionLabel) return node.children; // render the text without a broken call to action
  setElement(node, 'cited-cta', {
    dataHeading: heading,
    dataHref: href,
    dataLabel: actionLabel,
    ...(secondaryValid ? { dataSecondaryHref: secondaryHref, dataSecondaryLabel: secondaryLabel } : {}),
  });
  return undefined;
}
