import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

const citationAttributes = ['dataCitationId', 'dataCitationNumbers', 'dataCitationKeys'];

/**
 * GitHub's default schema, extended only with the `cited-*` elements and their exact attributes.
 *
 * Clobbering: the default prefixes every `id`/`name` with `user-content-`. Here no author-controlled
 * markup can carry an id at all (raw HTML is dropped before this step, directive attributes are copied
 * one by one and never include `id`), so the only ids are the ones this package generates: `cite-N`
 * markers, `fn-N`/`fnref-N` footnotes (remark-rehype runs with clobberPrefix '') and heading slugs
 * (added after sanitizing, by rehypeCitedHeadings). Prefixing them would break `#ref-N`/`#cite-N` links between the markers and
 * the reference list (the classic double `user-content-user-content-` bug), so the prefix is off.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'cited-citation', 'cited-pullquote', 'cited-study', 'cited-cta', 'cited-care', 'cited-key-points', 'cited-figure'],
  // Narrower than GitHub's: no irc/xmpp; tel: for phone links.
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
    // An empty list would allow every scheme; rehypeSameSiteImages then narrows images to same-site paths.
    src: ['http', 'https'],
  },
  attributes: {
    ...defaultSchema.attributes,
    'cited-citation': ['id', 'dataNumbers', 'dataKeys', 'dataLocators'],
    'cited-pullquote': ['dataAttribution', 'dataSize', ...citationAttributes],
    'cited-study': [
      'dataFigure',
      'dataSampleSize',
      'dataTitle',
      'dataTone',
      'dataDesign',
      'dataJournal',
      'dataYear',
      'dataPopulation',
      'dataCertainty',
      'dataFigureRole',
      ...citationAttributes,
    ],
    // The care card's id and heading level are added after sanitizing (rehypeCitedHeadings).
    'cited-care': ['dataLevel', 'dataHeading'],
    'cited-key-points': ['dataHeading'],
    // dataSrc (and dataSrcset) are set only from an image read in content/images/; dataSource only when http(s).
    'cited-figure': ['dataSrc', 'dataSrcset', 'dataSizes', 'dataAlt', 'dataWidth', 'dataHeight', 'dataCredit', 'dataLicence', 'dataSource'],
    'cited-cta': ['dataHeading', 'dataHref', 'dataLabel', 'dataSecondaryHref', 'dataSecondaryLabel'],
    // GFM footnote ids (fn-1, fnref-1, footnote-label) are generated, not authored.
    a: [...(defaultSchema.attributes?.a ?? []), 'id', ['ariaDescribedBy', 'footnote-label']],
    li: [...(defaultSchema.attributes?.li ?? []), 'id'],
    h2: [...(defaultSchema.attributes?.h2 ?? []), 'id'],
    // Set by processImages from the file itself (never authored): no layout shift, no eager loading.
    img: [...(defaultSchema.attributes?.img ?? []), 'srcSet', 'sizes', ['loading', 'lazy'], ['decoding', 'async']],
    // `id` and `name` are not allowed on other elements (see above).
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name'),
  },
};
