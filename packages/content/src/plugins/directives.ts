// Directives: which ones exist, what attributes each accepts, and the walk that hands each one to
// its transform (citations.ts, pullquote.ts, study.ts, cta.ts, care.ts, key-points.ts, figure.ts).
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { transformCare } from './care.js';
import { cite, citationProperties, parseCiteKeys, transformCite } from './citations.js';
import { citedData } from './context.js';
import type { CitedFileData } from './context.js';
import { transformCta } from './cta.js';
import { attribute, missing, takeLabel, type Directive } from './directive-helpers.js';
import { transformFigure } from './figure.js';
import { transformKeyPoints } from './key-points.js';
import { transformPullquote } from './pullquote.js';
import { transformStudy } from './study.js';

export const containerDirectiveNames = ['pullquote', 'study', 'cta', 'care', 'key-points', 'figure'] as const;
export const textDirectiveNames = ['cite'] as const;
export { studyTones } from './study.js';
export { pullquoteSizes } from './pullquote.js';
export { parseCiteKeys } from './citations.js';

/** Attributes each container accepts; anything else (including `#id`/`.class` shortcuts) is an error. */
const allowedAttributes: Record<(typeof containerDirectiveNames)[number], readonly string[]> = {
  pullquote: ['cite', 'attribution', 'size'],
  study: ['cite', 'figure', 'n', 'design', 'title', 'tone', 'journal', 'year', 'population', 'certainty', 'figure-role'],
  cta: ['href', 'label', 'secondary-href', 'secondary-label'],
  care: ['level'],
  'key-points': [],
  figure: ['src', 'alt', 'decorative', 'credit', 'licence', 'source'],
};

function isDirective(node: RootContent): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

/** `:name` with no label and no attributes: ordinary prose such as "ratio 3:1", "at 10:30am", "see:this". */
function isBareDirective(node: Directive, file: VFile): boolean {
  if (node.type === 'containerDirective') return false;
  if (node.children.length > 0 || Object.keys(node.attributes ?? {}).length > 0) return false;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  const marker = node.type === 'leafDirective' ? '::' : ':';
  return String(file.value).slice(start, end) === marker + node.name;
}

function checkAttributes(node: ContainerDirective & { name: keyof typeof allowedAttributes }, file: VFile): void {
  const allowed = allowedAttributes[node.name];
  for (const name of Object.keys(node.attributes ?? {})) {
    if (!allowed.includes(name)) {
      report(
        file,
        'directive-invalid-attribute',
        `:::${node.name} does not accept the attribute \`${name}\` (${allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'it takes none'})${didYouMean(name, allowed)}`,
        node.position,
      );
    }
  }
}

function transformContainer(node: ContainerDirective, file: VFile, data: CitedFileData): RootContent[] | undefined {
  const name = node.name;
  if (!(containerDirectiveNames as readonly string[]).includes(name)) {
    report(
      file,
      'directive-unknown',
      `Unknown directive ":::${name}"${didYouMean(name, containerDirectiveNames, (match) => `:::${match}`)} (known containers: ${containerDirectiveNames.join(', ')})`,
      node.position,
    );
    takeLabel(node);
    return node.children; // keep the content, drop the wrapper
  }
  const known = node as ContainerDirective & { name: (typeof containerDirectiveNames)[number] };
  checkAttributes(known, file);
  const label = takeLabel(node);
  const citeKeys = parseCiteKeys(attribute(node, 'cite') ?? '');
  if (node.attributes && 'cite' in node.attributes && citeKeys.length === 0) missing(file, node, 'has an empty `cite` attribute');

  if (name === 'pullquote') {
    transformPullquote(node, file, { label, citeKeys, data });
    return undefined;
  }

  if (name === 'study') {
    const info = citeKeys.length > 0 ? cite(citeKeys, node, file, data) : undefined;
    transformStudy(node, file, { label, hasCite: citeKeys.length > 0, citation: citationProperties(info) });
    return undefined;
  }
  if (name === 'care') return transformCare(node, file, label);
  if (name === 'figure') {
    transformFigure(node, file);
    return undefined;
  }
  if (name === 'key-points') {
    transformKeyPoints(node, file, label, data);
    return undefined;
  }
  return transformCta(node, file, label);
}

function transformText(node: TextDirective, file: VFile, data: CitedFileData): PhrasingContent[] | undefined {
  if (node.name !== 'cite') {
    if (isBareDirective(node, file)) return [{ type: 'text', value: `:${node.name}`, position: node.position }];
    report(file, 'directive-unknown', `Unknown directive ":${node.name}"${didYouMean(node.name, ['cite'], () => ':cite[key]')} (the only inline directive is :cite[key])`, node.position);
    return node.children;
  }
  return transformCite(node, file, data);
}

function transformLeaf(node: LeafDirective, file: VFile): RootContent[] {
  if (isBareDirective(node, file)) {
    return [{ type: 'paragraph', children: [{ type: 'text', value: `::${node.name}` }], position: node.position }];
  }
  report(file, 'directive-unknown', `Unknown directive "::${node.name}"${didYouMean(node.name, containerDirectiveNames, (match) => `:::${match}`)} (use the :::pullquote, :::study, :::cta, :::care, :::key-points or :::figure containers)`, node.position);
  return node.children.length > 0 ? [{ type: 'paragraph', children: node.children, position: node.position }] : [];
}

/** Merges adjacent text nodes (left behind when bare `:word` directives turn back into text). */
function mergeTexts(parent: Parent): void {
  const merged: RootContent[] = [];
  for (const child of parent.children) {
    const previous = merged[merged.length - 1];
    if (child.type === 'text' && previous?.type === 'text') {
      const combined: Text = { type: 'text', value: previous.value + child.value };
      if (previous.position && child.position) combined.position = { start: previous.position.start, end: child.position.end };
      merged[merged.length - 1] = combined;
    } else merged.push(child);
  }
  parent.children = merged as Parent['children'];
}

/**
 * Validates directives and turns the known ones into `cited-*` hast elements; numbers citations in
 * document order (a container's `cite` counts where the container starts, before its body).
 */
export function remarkCitedDirectives() {
  return (tree: Root, file: VFile): void => {
    const data = citedData(file);
    // Recursive preorder walk: depth is bounded before this runs (see limitTreeDepth), and document
    // order matters because citations are numbered by first use.
    const walk = (parent: Parent): void => {
      const kept: RootContent[] = [];
      let changed = false;
      const handle = (child: RootContent): void => {
        let replacement: RootContent[] | undefined;
        if (isDirective(child)) {
          if (child.type === 'containerDirective') replacement = transformContainer(child, file, data);
          else if (child.type === 'textDirective') replacement = transformText(child, file, data);
          else replacement = transformLeaf(child, file);
        }
        if (replacement) {
          // Unwrapped content is handled in place, so directives inside it are still numbered in order.
          changed = true;
          for (const node of replacement) handle(node);
          return;
        }
        if ('children' in child) walk(child as Parent);
        kept.push(child);
      };
      for (const child of parent.children as RootContent[]) handle(child);
      if (changed) {
        parent.children = kept as Parent['children'];
        mergeTexts(parent);
      }
    };
    walk(tree);
  };
}