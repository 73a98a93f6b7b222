import type { ElementContent } from 'hast';
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { isSafeHref } from '../url.js';
import { citationIdPrefix, citedData, referenceIdPrefix } from './context.js';
import type { CitedFileData } from './context.js';
import { transformCare } from './care.js';
import { attribute, hasBody, missing, setElement, takeLabel, type Directive } from './directive-helpers.js';
import type { FigureImage } from './images.js';
import { transformKeyPoints } from './key-points.js';
import { transformStudy } from './study.js';


export const containerDirectiveNames = ['pullquote', 'study', 'cta', 'care', 'key-points', 'figure'] as const;
export const textDirectiveNames = ['cite'] as const;
export { studyTones } from './study.js';
export const pullquoteSizes = ['standard', 'large'] as const;

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

/** Splits a citation label "a, b c" into keys. */
export function parseCiteKeys(label: string): string[] {
  return label.split(/[\s,;]+/).filter((key) => key !== '');
}

interface CitationInfo {
  id: string;
  numbers: number[];
  keys: string[];
}

/** Numbers the known keys (first use wins) and records a marker id for this occurrence. */
function cite(keys: readonly string[], node: Directive, file: VFile, data: CitedFileData): CitationInfo | undefined {
  const known = data.referenceIds;
  const resolved: string[] = [];
  for (const key of keys) {
    if (!known.has(key)) {
      report(file, 'cite-unknown-key', `Citation key "${key}" is not in the frontmatter references${didYouMean(key, known)}`, node.position);
    } else if (!resolved.includes(key)) resolved.push(key);
  }
  if (resolved.length === 0) return undefined;
  data.markerCount += 1;
  const id = `${citationIdPrefix}${data.markerCount}`;
  const numbers = resolved.map((key) => {
    let number = data.numbers.get(key);
    if (number === undefined) {
      number = data.numbers.size + 1;
      data.numbers.set(key, number);
      data.firstCitation.set(key, node.position);
    }
    const backlinks = data.backlinks.get(key) ?? [];
    backlinks.push(id);
    data.backlinks.set(key, backlinks);
    return number;
  });
  return { id, numbers, keys: resolved };
}

/**
 * Fallback children for renderers without the React components: plain links to the reference entries,
 * each followed by its locator if it has one ("[3, p. 12]"; items with locators are separated by ";").
 */
function citationFallback(numbers: readonly number[], locators: readonly (string | undefined)[] = []): ElementContent[] {
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  const separator = locators.some(Boolean) ? '; ' : ', ';
  numbers.forEach((number, index) => {
    if (index > 0) children.push({ type: 'text', value: separator });
    children.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#${referenceIdPrefix}${number}` },
      children: [{ type: 'text', value: String(number) }],
    });
    const locator = locators[index];
    if (locator) children.push({ type: 'text', value: `, ${locator}` });
  });
  children.push({ type: 'text', value: ']' });
  return children;
}

function citationProperties(info: CitationInfo | undefined): Record<string, string> {
  return info
    ? { dataCitationId: info.id, dataCitationNumbers: info.numbers.join(' '), dataCitationKeys: info.keys.join(' ') }
    : {};
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

/** `:::figure{src alt credit licence source}` with the caption as its body (images.ts read the image). */
function transformFigure(node: ContainerDirective, file: VFile): void {
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

  // cta: heading = the [label], else the first block of the body.
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
    report(file, 'directive-unsafe-url', `:::cta href "${href}" is not an http(s), relative, mailto: or tel: link`, node.position);
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
    report(file, 'directive-unsafe-url', `:::cta secondary-href "${secondaryHref}" is not an http(s), relative, mailto: or tel: link`, node.position);
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

function transformText(node: TextDirective, file: VFile, data: CitedFileData): PhrasingContent[] | undefined {
  if (node.name !== 'cite') {
    if (isBareDirective(node, file)) return [{ type: 'text', value: `:${node.name}`, position: node.position }];
    report(file, 'directive-unknown', `Unknown directive ":${node.name}"${didYouMean(node.name, ['cite'], () => ':cite[key]')} (the only inline directive is :cite[key])`, node.position);
    return node.children;
  }
  const keys = parseCiteKeys(toString(node));
  if (keys.length === 0) {
    report(file, 'cite-missing-key', 'A :cite directive needs at least one reference key, e.g. :cite[bodiu2014]', node.position);
    return [];
  }
  for (const name of Object.keys(node.attributes ?? {})) {
    report(file, 'directive-invalid-attribute', `:cite does not accept attributes (found \`${name}\`)`, node.position);
  }
  const info = cite(keys, node, file, data);
  if (!info) return [];
  // Pandoc citations carry locators per key ("p. 12"): see pandoc-citations.ts.
  const locatorByKey = (node.data as { citedLocators?: Record<string, string> } | undefined)?.citedLocators ?? {};
  const locators = info.keys.map((key) => locatorByKey[key]);
  node.data = {
    ...node.data,
    hName: 'cited-citation',
    hProperties: {
      id: info.id,
      dataNumbers: info.numbers.join(' '),
      dataKeys: info.keys.join(' '),
      ...(locators.some(Boolean) ? { dataLocators: JSON.stringify(locators.map((locator) => locator ?? '')) } : {}),
    },
    hChildren: citationFallback(info.numbers, locators),
  };
  return undefined;
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
