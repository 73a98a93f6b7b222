// `@cited/content/images`: what a server needs to serve an article's local images (their URLs,
// versions and resized variants, and the cache those are kept in) without loading the compiler
// that `@cited/content` exports.
export { imageVersion, localImageName, imagesUrlPrefix } from './plugins/images.js';
export { articleImageSizes, imageSrcSet, isResizableImageType, parseImageVariantWidth } from './plugins/responsive-images.js';
export type { ImageVariantWidth } from './plugins/responsive-images.js';
export { defaultCacheDir } from './store/cache-dir.js';
