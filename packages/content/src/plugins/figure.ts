import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { isSafeHref } from '../url.js';
import { attribute, hasBody, missing, setElement } from './directive-helpers.js';
import type { FigureImage } from './images.js';

/** `:::figure{src alt credit licence source}` with the caption as its body (images.ts read the image). */
export function transformFigure(node: ContainerDirective, file: VFile): void {
  if (!attribute(node, 'src')) missing(file, node, 'needs a `src` attribute: the image, as images/name.png');
  if (!hasBody(node)) missing(file, node, 'needs a body: the caption');
  const source = attribute(node, 'source');
  const safeSource = source !== undefined && /^https?:\/\//i.test(source) && isSafeHref(source);
  if (source !== undefined && !safeSource) {
    report(file, 'directive-unsafe-url', `:::figure source "${source}" is not an http(s) URL; it is not linked`, node.position);
  }
  const image = (node.data as { citedFigureImage?: FigureImage } | undefined)?.citedFigureImage;
  const decorative = node.attributes !== null && node.attributes !== undefined && 'decorative' in node.attributes;
  const credit = attribute(node, 'credit');
  const licence = attribute(node, 'licence');
  setElement(node, 'cited-figure', {
    ...(image ? { dataSrc: image.src, dataWidth: String(image.width), dataHeight: String(image.height) } : {}),
    ...(image?.srcSet && image.sizes ? { dataSrcset: image.srcSet, dataSizes: image.sizes } : {}),
    dataAlt: decorative ? '' : (attribute(node, 'alt') ?? ''),
    ...(credit ? { dataCredit: credit } : {}),
    ...(licence ? { dataLicence: licence } : {}),
    ...(safeSource ? { dataSource: source } : {}),
  });
}
