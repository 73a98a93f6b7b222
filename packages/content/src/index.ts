// Core API of @cited/content: pure data, no React, no Remix.
export { compileArticle, readArticleMeta, maxTreeDepth, wordsPerMinute } from './compile.js';
export { checkArticles, articleExtensions } from './check.js';
export type { CheckOptions, CheckResult, FileCheck } from './check.js';
export { findSite, findSiteRoot, siteLayout, sitePaths, siteRoutes, siteEnvironment } from './site/layout.js';
export type { SiteLayout } from './site/layout.js';
export { taxonomySlug } from './site/taxonomy.js';
export { siteRules, runSiteRules } from './site/rules.js';
export type { SiteFacts, SiteFile, SiteRule } from './site/rules.js';
export { verdictOf, describeVerdict } from './site/verdict.js';
export type { FileVerdict, Outcome } from './site/verdict.js';
export { rules, ruleIds, formatDiagnostics, sortDiagnostics, diagnosticSource } from './diagnostics.js';
export type { RuleId } from './diagnostics.js';
export { referenceIdPrefix, citationIdPrefix } from './ids.js';
export { containerDirectiveNames, studyTones, pullquoteSizes, parseCiteKeys } from './plugins/directives.js';
export { studyCertainties, studyDesigns, studyFigureRoles } from './plugins/study.js';
export type { StudyCertainty } from './plugins/study.js';
export { careLevels } from './plugins/care.js';
export type { CareLevel } from './plugins/care.js';
export { maxKeyPoints, maxKeyPointWords } from './plugins/key-points.js';
export { findClaim } from './plugins/claims.js';
export { sanitizeSchema } from './plugins/sanitize-schema.js';
export { isSafeHref, isSameSiteResource } from './url.js';
export { imageVersion, localImageName, imagesUrlPrefix, decorativeTitle } from './plugins/images.js';
export {
  articleImageSizes,
  imageSrcSet,
  imageVariantUrl,
  imageVariantWidths,
  imageVariantWidthsFor,
  isResizableImageType,
  parseImageVariantWidth,
} from './plugins/responsive-images.js';
export type { ImageVariantWidth } from './plugins/responsive-images.js';
export { isSameSiteLink } from './plugins/links.js';
export { slugPattern, doiPattern, pmidPattern } from './schema.js';
export { maxSourceChars, maxNestingDepth } from './source.js';
export { referenceTypes } from './types.js';
export { parseBibliography, formatOf as bibliographyFormatOf, bibliographyExtensions } from './bibliography/parse.js';
export type { BibliographyEntry, BibliographyFormat, ParsedBibliography } from './bibliography/parse.js';
export { cslToReferenceFields } from './bibliography/csl.js';
export type { CslItem } from './bibliography/csl.js';
export { resolveBibliographyPath, maxBibliographyChars } from './bibliography/load.js';
export { parsePandocCitation } from './plugins/pandoc-citations.js';
export { checkReadability, formatReadability, defaultTargetGrade } from './readability/report.js';
export type { ArticleReadability, ParagraphReadability, ReadabilityOptions } from './readability/report.js';
export { measureText, allowedWords } from './readability/measure.js';
export { closestMatch, didYouMean, editDistance, suggest } from './suggest.js';
export { addReference, citationKey } from './refs/add.js';
export { verifyReferences, collectReferences, formatVerifyTable, titlesMatch } from './refs/verify.js';
export type { VerifyRow, VerifyStatus, ReferenceToVerify } from './refs/verify.js';
export { parseIdentifier } from './refs/identifiers.js';
export type { Identifier } from './refs/identifiers.js';
export { LookupError } from './refs/http.js';
export type { FetchLike } from './refs/http.js';
export type {
  Article,
  ArticleCta,
  ArticleKeyPoints,
  ArticleMeta,
  CareCardEntry,
  CompileOptions,
  Diagnostic,
  NumberedReference,
  ReferenceType,
  SiteLink,
  TocEntry,
} from './types.js';
// The search index itself (SQLite FTS5, Node only) is @cited/content/search.
export { searchDocFromMarkdown } from './search/text.js';
export type { SearchDoc, SearchHit, SearchOptions, SearchResults, SnippetPart } from './search/search.js';
export { readPeopleRegistry, checkPersonIds, personFields } from './people/index.js';
export type { Contact, Organization, PeopleRegistry, Person, PersonRecord } from './people/index.js';
export { readSiteConfig, siteConfigSchema } from './site/config.js';
export { checkSiteRules, articleFacts, offerPattern, overdueReviews, trustRule } from './site/trust.js';
export type { ArticleFacts, SiteRules, SiteRuleContext } from './site/trust.js';
export type { SiteConfig } from './site/config.js';
