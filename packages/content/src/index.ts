// Core API of @cited/content: pure data, no React, no Remix.
export { compileArticle, readArticleMeta, maxTreeDepth, wordsPerMinute } from './compile.js';
export { checkArticles, articleExtensions } from './check.js';
export type { CheckResult } from './check.js';
export { rules, ruleIds, formatDiagnostics, sortDiagnostics, diagnosticSource } from './diagnostics.js';
export type { RuleId } from './diagnostics.js';
export { referenceIdPrefix, citationIdPrefix } from './ids.js';
export { containerDirectiveNames, studyTones, pullquoteSizes, parseCiteKeys } from './plugins/directives.js';
export { findClaim } from './plugins/claims.js';
export { sanitizeSchema } from './plugins/sanitize-schema.js';
export { isSafeHref, isSameSiteResource } from './url.js';
export { slugPattern, doiPattern, pmidPattern } from './schema.js';
export { maxSourceChars, maxNestingDepth } from './source.js';
export { referenceTypes } from './types.js';
export type {
  Article,
  ArticleCta,
  ArticleMeta,
  CompileOptions,
  Diagnostic,
  NumberedReference,
  ReferenceType,
  TocEntry,
} from './types.js';
