import { sha256 } from '@noble/hashes/sha2.js';
import { imageSize } from 'image-size';
import type { Definition, Image, ImageReference, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { resolveBibliographyPath } from '../bibliography/load.js';
import type { ReadFile } from '../bibliography/load.js';
import { report } from '../diagnostics.js';
import { isSameSiteResource } from '../url.js';
import { articleImageSizes, imageSrcSet, isResizableImageType } from './responsive-images.js';

/**
 * Images live in `content/images/`, beside `content/articles/`. An article writes `images/x.png`,
 * `../images/x.png` (the path from its own folder) or `/images/x.png` (the URL the blog serves);
 * all three name the file `content/images/x.png`.
 */
export const imagesUrlPrefix = '/images/';
/** An image title of exactly this word marks it decorative: it renders with `alt=""`. */
export const decorativeTitle = 'decorative';

/**
 * The version in an image's URL (`?v=…`): a digest of its bytes, so a changed file gets a new URL.
 * Pure JavaScript (no node:crypto): the compiler also runs in the browser (Storybook's article story).
 */
export function imageVersion(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of sha256(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 16);
}

/**
 * The file name inside the images folder that `url` names, `undefined` when it is not a local
 * image path (off-site or elsewhere on the site), or `null` when it is relative but outside it.
 */
export function localImageName(url: string): string | null | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.startsWith('\\')) return undefined;
  const match = /^(?:\/images\/|(?:\.\/)?images\/|\.\.\/images\/)(.+)$/.exec(path);
  if (!match) return path.startsWith('/') ? undefined : null;
  let name: string;
  try {
    name = decodeURIComponent(match[1] ?? '');
  } catch {
    return null;
  }
  // No way out of the folder, and no hidden files.
  if (name.split(/[/\\]/).some((part) => part === '' || part === '..' || part === '.' || part.startsWith('.'))) return null;
  return name;
}

export interface ImageCheckOptions {
  articlePath: string;
  readFile?: ReadFile | undefined;
}

interface ReadImage {
  url: string;
  /** The path given to readFile. */
  path: string;
  width: number;
  height: number;
  /** Resized copies for `srcset` (PNG, JPEG and WebP wider than the narrowest copy), with `sizes`. */
  responsive?: { srcSet: string; sizes: string };
}

/** Reads a local image: its served URL (with version) and intrinsic size, or reports why it cannot. */
function readLocalImage(url: string, node: RootContent, file: VFile, options: ImageCheckOptions): ReadImage | undefined {
  const name = localImageName(url);
  if (name === undefined) return undefined;
  if (name === null) {
    report(file, 'image-not-found', `Image "${url}" is not in the images folder: put it in content/images/ and write images/name.png`, node.position);
    return undefined;
  }
  if (!options.readFile) {
    report(file, 'image-not-found', `Image "${url}" cannot be checked: this compiler was given no way to read files (CompileOptions.readFile)`, node.position);
    return undefined;
  }
  const resolved = resolveBibliographyPath(options.articlePath, `../images/${name}`) ?? `../images/${name}`;
  let bytes: Uint8Array;
  try {
    const read = options.readFile(resolved);
    bytes = typeof read === 'string' ? new TextEncoder().encode(read) : read;
  } catch {
    report(file, 'image-not-found', `Image "${url}" does not exist: there is no file content/images/${name}`, node.position);
    return undefined;
  }
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    size = {};
  }
  if (!size.width || !size.height) {
    report(file, 'image-not-found', `Image "${url}" is not an image this site can read (PNG, JPEG, GIF, WebP, AVIF or SVG with a size)`, node.position);
    return undefined;
  }
  const encoded = name.split('/').map(encodeURIComponent).join('/');
  const versionedUrl = `${imagesUrlPrefix}${encoded}?v=${imageVersion(bytes)}`;
  const srcSet = isResizableImageType(size.type) ? imageSrcSet(versionedUrl, size.width) : undefined;
  return {
    url: versionedUrl,
    path: resolved,
    width: size.width,
    height: size.height,
    ...(srcSet ? { responsive: { srcSet, sizes: articleImageSizes } } : {}),
  };
}

/** Checks alt text; a decorative image (title `decorative`) gets `alt=""` and loses the title. */
function checkAlt(image: Image, file: VFile): void {
  if (image.title === decorativeTitle) {
    image.title = null;
    image.alt = '';
    return;
  }
  if ((image.alt ?? '').trim() === '') {
    report(
      file,
      'image-alt-missing',
      `Image "${image.url}" has no alt text: describe what it shows (![A lumbar MRI](…)), or mark a purely decorative image with the title "decorative" (![](… "decorative"))`,
      image.position,
    );
  }
}

/** What processImages read for a `:::figure` (its src), for the directive to render. */
export interface FigureImage {
  src: string;
  width: number;
  height: number;
  srcSet?: string;
  sizes?: string;
}

/** A `:::figure{src alt}`: the same checks as an image; `decorative` stands for empty alt text. */
function processFigure(node: ContainerDirective, file: VFile, options: ImageCheckOptions): string | undefined {
  const src = node.attributes?.src?.trim();
  if (!src) return undefined; // the directive reports the missing attribute
  const decorative = node.attributes !== null && node.attributes !== undefined && 'decorative' in node.attributes;
  if (!decorative && (node.attributes?.alt ?? '').trim() === '') {
    report(file, 'image-alt-missing', `:::figure "${src}" has no alt text: add alt="what it shows", or the attribute \`decorative\` for a purely decorative image`, node.position);
  }
  if (!isSameSiteResource(src)) {
    report(file, 'image-offsite', `Image "${src}" is not served from this site and is removed: put it in content/images/ and write images/name.png`, node.position);
    return undefined;
  }
  if (localImageName(src) === undefined) {
    report(file, 'image-not-found', `Image "${src}" is not in the images folder: put it in content/images/ and write images/name.png`, node.position);
    return undefined;
  }
  const local = readLocalImage(src, node, file, options);
  if (!local) return undefined;
  const figureImage: FigureImage = { src: local.url, width: local.width, height: local.height, ...local.responsive };
  node.data = { ...node.data, citedFigureImage: figureImage } as ContainerDirective['data'];
  return local.path;
}

/**
 * Local images: alt text, existence in the images folder, intrinsic size (width/height on the
 * `<img>`, so nothing shifts as it loads), a URL versioned by content and, for raster images,
 * `srcset`/`sizes` naming resized copies (responsive-images.ts). `![alt][ref]` images are
 * turned into plain images first, so both forms get the same checks. Returns the image files read.
 */
export function processImages(tree: Root, file: VFile, options: ImageCheckOptions): string[] {
  const read: string[] = [];
  const definitions = new Map<string, Definition>();
  const collect = (parent: Parent): void => {
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child);
      else if ('children' in child) collect(child as Parent);
    }
  };
  collect(tree);
  const asImage = (reference: ImageReference): Image | undefined => {
    const definition = definitions.get(reference.identifier);
    if (!definition) return undefined;
    return { type: 'image', url: definition.url, title: definition.title ?? null, alt: reference.alt ?? '', ...(reference.position ? { position: reference.position } : {}) };
  };
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop() as Parent;
    const children = parent.children as RootContent[];
    children.forEach((child, index) => {
      if (child.type === 'containerDirective' && child.name === 'figure') {
        const path = processFigure(child, file, options);
        if (path) read.push(path);
      }
      const image = child.type === 'image' ? child : child.type === 'imageReference' ? asImage(child) : undefined;
      if (!image) {
        if ('children' in child) stack.push(child as Parent);
        return;
      }
      if (image !== child) children[index] = image;
      checkAlt(image, file);
      const local = readLocalImage(image.url, image, file, options);
      if (!local) return;
      read.push(local.path);
      image.url = local.url;
      image.data = { ...image.data, hProperties: { width: local.width, height: local.height, ...local.responsive, loading: 'lazy', decoding: 'async' } };
    });
  }
  return read;
}
