import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { cite, citationProperties } from './citations.js';
import type { CitedFileData } from './context.js';
import { attribute, hasBody, missing, setElement } from './directive-helpers.js';

export const pullquoteSizes = ['standard', 'large'] as const;

export interface PullquoteOptions {
  /** The `[label]`: the attribution when there is no `attribution` attribute. */
  label: string | undefined;
  /** Keys of the `cite` attribute; numbered after the body and size are checked (diagnostic order). */
  citeKeys: readonly string[];
  data: CitedFileData;
}

/** `:::pullquote[attribution]{cite size}` with the quotation as its body → `cited-pullquote`. */
export function transformPullquote(node: ContainerDirective, file: VFile, { label, citeKeys, data }: PullquoteOptions): void {
  if (!hasBody(node)) missing(file, node, 'needs a body: the quotation');
  const size = attribute(node, 'size');
  if (size !== undefined && !(pullquoteSizes as readonly string[]).includes(size)) {
    report(file, 'directive-invalid-attribute', `:::pullquote size must be one of ${pullquoteSizes.join(', ')}, not "${size}"`, node.position);
  }
  const info = citeKeys.length > 0 ? cite(citeKeys, node, file, data) : undefined;
  const attribution = attribute(node, 'attribution') ?? label;
  setElement(node, 'cited-pullquote', {
    ...(attribution ? { dataAttribution: attribution } : {}),
    ...(size && (pullquoteSizes as readonly string[]).includes(size) ? { dataSize: size } : {}),
    ...citationProperties(info),
  });
}
