import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Diagnostic } from './types.js';

/** Source name on every vfile message, so reports say which tool spoke. */
export const diagnosticSource = 'cited-content';

/**
 * Every rule this package reports, with its fixed severity. Rule ids are stable: editors search for them,
 * AUTHORING.md documents them, tests assert them.
 */
export const rules = {
  'source-invalid-utf8': { severity: 'error', summary: 'The file is not valid UTF-8 (rendered with replacement characters).' },
  'source-too-large': { severity: 'error', summary: 'The file is larger than the maximum article size; the body is not rendered.' },
  'source-too-deep': { severity: 'error', summary: 'Lists or quotes nested deeper than the limit are flattened; a body with `:::` containers nested deeper than the limit is not rendered.' },
  'source-too-complex': { severity: 'error', summary: 'A paragraph has more emphasis markers or brackets than the parser handles quickly; the body is not rendered.' },
  'compile-failed': { severity: 'error', summary: 'The article could not be compiled (internal error; please report it).' },
  'frontmatter-missing': { severity: 'error', summary: 'The file does not start with a `---` YAML frontmatter block.' },
  'frontmatter-too-large': { severity: 'error', summary: 'The frontmatter block is larger than the limit; it is not parsed.' },
  'frontmatter-invalid': { severity: 'error', summary: 'The frontmatter is not valid YAML or a field has the wrong shape.' },
  'frontmatter-missing-title': { severity: 'error', summary: 'The frontmatter has no title.' },
  'frontmatter-invalid-date': { severity: 'error', summary: 'A date field is not an ISO calendar date (YYYY-MM-DD).' },
  'frontmatter-invalid-slug': { severity: 'error', summary: 'The slug (or the file name it defaults to) is not URL-safe.' },
  'frontmatter-unknown-key': { severity: 'warning', summary: 'The frontmatter has a key this package does not know (often a typo).' },
  'slug-duplicate': { severity: 'error', summary: 'Another article already has this slug (its URL); the one that had it first keeps it.' },
  'redirect-shadows-article': { severity: 'error', summary: 'A `redirectFrom:` slug is the URL of another article: a redirect never takes a live article\'s URL.' },
  'article-withdrawn': { severity: 'warning', summary: 'A published article was made a draft or given a future date: it answers 410 Gone until it is published again.' },
  'reference-duplicate-id': { severity: 'error', summary: 'Two references have the same id.' },
  'bibliography-not-found': { severity: 'error', summary: 'A `bibliography:` file cannot be read.' },
  'bibliography-invalid': { severity: 'error', summary: 'A `bibliography:` file is malformed, too large or of an unknown format.' },
  'bibliography-entry-skipped': { severity: 'warning', summary: 'Bibliography entries without a usable citation key cannot be cited.' },
  'reference-missing-title': { severity: 'error', summary: 'A reference has neither a title nor a URL or DOI.' },
  'reference-invalid-doi': { severity: 'error', summary: 'A DOI is not of the form 10.NNNN/suffix.' },
  'reference-invalid-pmid': { severity: 'error', summary: 'A PMID is not a number.' },
  'reference-invalid-url': { severity: 'error', summary: 'A reference URL is not an http(s) URL.' },
  'reference-invalid': { severity: 'error', summary: 'A reference is not a mapping with a valid id, or a field has the wrong shape.' },
  'reference-unused': { severity: 'warning', summary: 'A reference is never cited.' },
  'reference-incomplete': { severity: 'warning', summary: 'A reference lacks authors or a year (left incomplete rather than invented); a web page lacks both an author and a site (publisher).' },
  'cite-unknown-key': { severity: 'error', summary: 'A citation names a key that is not in the references.' },
  'cite-missing-key': { severity: 'error', summary: 'A :cite directive has no key.' },
  'cite-prefix-ignored': { severity: 'warning', summary: 'A Pandoc citation has a prefix ("see @key"), which numbered citations do not show.' },
  'directive-unknown': { severity: 'error', summary: 'An explicit directive (with brackets/braces, or a container) has an unknown name.' },
  'directive-missing-attribute': { severity: 'error', summary: 'A directive lacks a required attribute or body.' },
  'directive-invalid-attribute': { severity: 'error', summary: 'A directive has an attribute it does not accept, or an attribute value is invalid.' },
  'directive-unsafe-url': { severity: 'error', summary: 'A directive href is not an http(s), mailto: or tel: link or a path on this site.' },
  'link-broken': { severity: 'error', summary: 'A same-site link points at no published article, blog route or anchor on the page.' },
  'link-relative': { severity: 'error', summary: 'A link is relative (`contact`, `./x`, `www.example.org`): it leads somewhere else on each page showing the article; write it from the site\'s root (`/contact`) or in full (`https://…`).' },
  'directive-unclosed': { severity: 'error', summary: 'A container directive (:::name) is opened but never closed with a `:::` line.' },
  'link-unsafe-url': { severity: 'error', summary: 'A markdown link points at a URL scheme that is removed when rendering.' },
  'image-offsite': { severity: 'error', summary: 'An image is not a same-site relative path (off-site images track readers); it is removed.' },
  'image-not-found': { severity: 'error', summary: 'A local image is not a readable image file in the images folder (content/images/).' },
  'image-alt-missing': { severity: 'error', summary: 'An image has no alt text and is not marked decorative (title "decorative").' },
  'html-ignored': { severity: 'warning', summary: 'Raw HTML in markdown is never rendered.' },
  'category-unknown': { severity: 'error', summary: 'site.yml has a category registry and the article\'s category is not in it.' },
  'heading-level-skipped': { severity: 'warning', summary: 'A heading skips a level (`##` then `####`): screen readers announce the outline by level.' },
  'title-too-long': { severity: 'error', summary: 'The title is longer than 200 characters (body text pasted into it?): every list, search result and tab repeats it.' },
  'title-duplicate': { severity: 'warning', summary: 'Another article has the same title: readers cannot tell them apart in lists and search results.' },
  'claim-without-citation': { severity: 'warning', summary: 'A paragraph states a figure (a percentage, "N of M patients", or in words: "three out of four", "one in five", "half of") without a citation.' },
  'review-overdue': { severity: 'warning', summary: 'nextReviewDue is in the past.' },
  'reviewer-missing': { severity: 'error', summary: 'site.yml requires a medical reviewer (review.required) and the article names none (reviewedBy).' },
  'care-level-unknown': { severity: 'error', summary: 'A :::care card has no level, or a level other than non-urgent, urgent or emergency.' },
  'care-card-missing': { severity: 'error', summary: 'site.yml requires an urgent or emergency care card in this category and the article has none.' },
  'study-certainty-unknown': { severity: 'error', summary: 'A :::study certainty is not high, moderate, low or very-low.' },
  'study-certainty-missing': { severity: 'warning', summary: 'A :::study does not say how certain its evidence is (certainty=…).' },
  'study-design-unknown': { severity: 'warning', summary: 'A :::study design is not in the vocabulary of study designs.' },
  'study-figure-not-outcome': { severity: 'warning', summary: 'A :::study figure is the sample size or a dose, not a result: it is shown as a detail.' },
  'key-points-too-many': { severity: 'warning', summary: 'A :::key-points list has more than 6 points.' },
  'key-point-too-long': { severity: 'warning', summary: 'A key point is longer than 25 words.' },
  'key-points-duplicate': { severity: 'error', summary: 'An article has more than one :::key-points list.' },
  'disclosure-missing': { severity: 'error', summary: 'The author or publisher offers a treatment the article discusses, and the article has no disclosure.' },
  'readability-paragraph': { severity: 'warning', summary: 'A paragraph reads above the target grade (Flesch–Kincaid; default grade 8).' },
  'readability-article': { severity: 'warning', summary: 'The article as a whole reads above the target grade.' },
  'person-unknown': { severity: 'error', summary: 'An author or reviewedBy id is not in the people registry.' },
  'people-invalid': { severity: 'error', summary: 'The people registry (people.yml) is not valid.' },
  'site-config-invalid': { severity: 'error', summary: 'The site configuration (site.yml, or the "cited.routes" of the package.json) is not valid.' },
  'article-not-read': { severity: 'warning', summary: 'The file is in the articles folder\'s tree but not where the server reads articles (`.md` files directly in it): it is never published.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; summary: string }>;

export type RuleId = keyof typeof rules;
export const ruleIds = Object.keys(rules) as RuleId[];

/** Adds a message for `ruleId` to `file`, with the rule's severity. */
export function report(file: VFile, ruleId: RuleId, message: string, place?: Point | Position): void {
  const vfileMessage = file.message(message, { place, ruleId, source: diagnosticSource });
  vfileMessage.fatal = rules[ruleId].severity === 'error';
}

export function toDiagnostics(file: VFile): Diagnostic[] {
  return file.messages.map((message) => {
    const diagnostic: Diagnostic = {
      severity: message.fatal ? 'error' : 'warning',
      ruleId: message.ruleId ?? 'unknown',
      message: message.reason,
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
    };
    const end = message.place && 'end' in message.place ? message.place.end : undefined;
    if (end) {
      diagnostic.endLine = end.line;
      diagnostic.endColumn = end.column;
    }
    return diagnostic;
  });
}

/** Orders diagnostics by file, then position, so reports read top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** vfile-reporter text (file, line:column, severity, message, rule id) for a list of diagnostics. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: { color?: boolean } = {}): string {
  const files = new Map<string, VFile>();
  for (const diagnostic of sortDiagnostics(diagnostics)) {
    let file = files.get(diagnostic.file);
    if (!file) {
      file = new VFile({ path: diagnostic.file });
      files.set(diagnostic.file, file);
    }
    const start = { line: diagnostic.line, column: diagnostic.column };
    const place: Point | Position =
      diagnostic.endLine !== undefined && diagnostic.endColumn !== undefined
        ? { start, end: { line: diagnostic.endLine, column: diagnostic.endColumn } }
        : start;
    const message = file.message(diagnostic.message, { place, ruleId: diagnostic.ruleId, source: diagnosticSource });
    message.fatal = diagnostic.severity === 'error';
  }
  return reporter([...files.values()], { color: options.color ?? false, quiet: false });
}
