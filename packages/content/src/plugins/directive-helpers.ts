import type { RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';

/** Shared by the container directives (directives.ts and one module per container). */
export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** An attribute's trimmed value; undefined when absent or blank. */
export function attribute(node: Directive, name: string): string | undefined {
  const value = node.attributes?.[name];
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Removes the `[label]` paragraph remark-directive puts first in a container; returns its text. */
export function takeLabel(node: ContainerDirective): string | undefined {
  const first = node.children[0];
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    node.children.shift();
    const label = toString(first).trim();
    return label === '' ? undefined : label;
  }
  return undefined;
}

export function missing(file: VFile, node: Directive, what: string): void {
  report(file, 'directive-missing-attribute', `:::${node.name} ${what}`, node.position);
}

export function hasBody(node: ContainerDirective): boolean {
  return node.children.length > 0 && toString(node).trim() !== '';
}

/** Renders the node as a `cited-*` hast element with these (sanitizer-allowed) properties. */
export function setElement(node: RootContent, hName: string, hProperties: Record<string, string>): void {
  node.data = { ...node.data, hName, hProperties };
}

export function isOneOf<const T extends readonly string[]>(options: T, value: string | undefined): value is T[number] {
  return value !== undefined && (options as readonly string[]).includes(value);
}
