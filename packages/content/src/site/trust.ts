import { location } from 'vfile-location';
import { isMap, parseDocument, type Node as YamlNode } from 'yaml';
import { rules, type RuleId } from '../diagnostics.js';
import { splitFrontmatter } from '../frontmatter.js';
import type { PeopleRegistry, PersonRecord } from '../people/registry.js';
import type { CareLevel } from '../plugins/care.js';
import type { SiteConfig } from '../site/config.js';
import type { Article, Diagnostic } from '../types.js';
import type { SiteFile, SiteFacts, SiteRule } from './rules.js';

/**
 * What site.yml and people.yml ask of every article (care cards by category, a medical reviewer, a
 * disclosure when the author or publisher sells what it discusses): a site rule (see rules.ts), so
 * the server's store and `cited-content check` judge it alike, and its errors hold a version back.
 */
export type SiteRules = Partial<Pick<SiteConfig, 'careCards' | 'review' | 'publisher' | 'categories'>>;

/** What the rules need to know of an article: its listing (store) or its compiled meta (check). */
export interface ArticleFacts {
  category: string;
  tags: readonly string[];
  author?: string;
  reviewedBy?: string;
  nextReviewDue?: string;
  /** The frontmatter has a `disclosure`. */
  disclosed?: boolean;
  /** Levels of the article's care cards. */
  careLevels?: readonly CareLevel[];
}

export function articleFacts(article: Article): ArticleFacts {
  const { meta } = article;
  return {
    category: meta.category,
    tags: meta.tags,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.reviewedBy ? { reviewedBy: meta.reviewedBy } : {}),
    ...(meta.nextReviewDue ? { nextReviewDue: meta.nextReviewDue } : {}),
    ...(meta.disclosure ? { disclosed: true } : {}),
    careLevels: [...new Set(article.careCards.map((card) => card.level))],
  };
}

export interface SiteRuleContext {
  /** Path shown in diagnostics. */
  file: string;
  site?: SiteRules;
  people?: PeopleRegistry;
  /** The article's source: read only when a rule fires (for positions) or needs the body text. */
  source: () => string | undefined;
}

/** Case-insensitive, whole words; a hyphen and a space are the same ("platelet-rich plasma"). */
export function offerPattern(offer: string): RegExp {
  const words = offer.trim().split(/[\s\-‐–]+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s\\-‐–]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The body as plain enough text to look for whole words in: the markdown after the frontmatter,
 * without emphasis and code marks ("stem *cell* therapy"). Not parsed: this runs for every article
 * at every judgement, and a regular expression over the text costs microseconds on any input.
 */
function bodyText(source: string): string {
  const block = splitFrontmatter(source);
  return (block ? source.slice(block.end) : source).replace(/[*_`~]+/g, '');
}

/** Where a frontmatter key (or its value) was written; the start of the file when it was not. */
export function positionOf(source: string | undefined, key: string, part: 'key' | 'value'): { line: number; column: number } {
  const text = source?.replace(/^\uFEFF/, '');
  const block = text === undefined ? undefined : splitFrontmatter(text);
  if (text === undefined || !block) return { line: 1, column: 1 };
  const doc = parseDocument(block.yaml, { prettyErrors: false });
  if (!isMap(doc.contents)) return { line: 1, column: 1 };
  const pair = doc.contents.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
  const node = (part === 'key' ? pair?.key : pair?.value) as YamlNode | null | undefined;
  const point = node?.range ? location(text).toPoint(block.yamlOffset + node.range[0]) : undefined;
  return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
}

/** Offers of the article's author and of the site's publisher, from people.yml. */
function offersOf(facts: ArticleFacts, context: SiteRuleContext): { offer: string; by: PersonRecord }[] {
  const people = [facts.author, context.site?.publisher?.id]
    .map((id) => (id ? context.people?.get(id) : undefined))
    .filter((record, index, all): record is PersonRecord => record !== undefined && all.indexOf(record) === index);
  return people.flatMap((by) => (by.offers ?? []).map((offer) => ({ offer, by })));
}

function disclosureProblem(facts: ArticleFacts, context: SiteRuleContext): string | undefined {
  if (facts.disclosed) return undefined;
  const offers = offersOf(facts, context);
  if (offers.length === 0) return undefined;
  const inTags = offers.filter(({ offer }) => facts.tags.some((tag) => offerPattern(offer).test(tag)));
  const source = inTags.length > 0 ? undefined : context.source();
  const body = source === undefined ? '' : bodyText(source);
  const matched = inTags.length > 0 ? inTags : offers.filter(({ offer }) => offerPattern(offer).test(body));
  if (matched.length === 0) return undefined;
  const names = [...new Set(matched.map(({ offer }) => offer))];
  const by = [...new Set(matched.map((match) => match.by.name))].join(' and ');
  return `The article discusses ${names.join(', ')}, which ${by} offers (people.yml \`offers\`): add a \`disclosure:\` to the frontmatter saying so, in plain words`;
}

/**
 * Every site-dependent problem of one article (see SiteRules). Not review-overdue: the compile
 * reports it against `now` (`cited-content check`), and overdueReviews lists it by the day.
 */
export function checkSiteRules(facts: ArticleFacts, context: SiteRuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let source: string | undefined | null = null;
  const read = (): string | undefined => (source === null ? (source = context.source()) : source);
  const add = (ruleId: RuleId, message: string, key: string, part: 'key' | 'value'): void => {
    diagnostics.push({ severity: rules[ruleId].severity, ruleId, message, file: context.file, ...positionOf(read(), key, part) });
  };
  const where = facts.author ? 'author' : 'title';

  if (context.site?.review?.required && !facts.reviewedBy) {
    add('reviewer-missing', 'site.yml requires a medical reviewer (review.required): add `reviewedBy:` (a people.yml id), `lastReviewed:` and `nextReviewDue:`. Never name someone who did not review it', where, 'key');
  }
  for (const requirement of context.site?.careCards?.require ?? []) {
    const categories = requirement.categories.map((category) => category.toLowerCase());
    if (!categories.includes(facts.category.trim().toLowerCase())) continue;
    const levels: readonly CareLevel[] = typeof requirement.level === 'string' ? [requirement.level] : requirement.level;
    if ((facts.careLevels ?? []).some((level) => levels.includes(level))) continue;
    add(
      'care-card-missing',
      `Articles in the category "${facts.category}" need a care card of level ${levels.join(' or ')} (site.yml careCards.require): add e.g. \`:::care[Get help urgently if]{level=${levels[0]}}\` with the warning signs`,
      'category',
      'value',
    );
  }
  const undisclosed = disclosureProblem(facts, { ...context, source: read });
  if (undisclosed) add('disclosure-missing', undisclosed, where, 'key');
  return diagnostics;
}

/**
 * Articles whose medical review is overdue on `now`'s day (UTC), oldest due date first: what
 * `review-overdue` reports, for lists that must be right on the day they are read (the blog's
 * /_content) rather than on the day a file was last checked.
 */
export function overdueReviews<T extends { nextReviewDue?: string }>(listings: Iterable<T>, now: Date): T[] {
  const today = now.toISOString().slice(0, 10);
  return [...listings]
    .filter((listing) => listing.nextReviewDue !== undefined && listing.nextReviewDue < today)
    .sort((a, b) => (a.nextReviewDue as string).localeCompare(b.nextReviewDue as string));
}

/** What the rule's findings depend on besides the file: a restart with other settings judges again. */
export function siteRulesSignature(site: SiteRules | undefined, people: PeopleRegistry | undefined): unknown {
  return {
    careCards: site?.careCards ?? null,
    review: site?.review ?? null,
    publisher: site?.publisher?.id ?? null,
    categories: site?.categories?.map((category) => category.name) ?? null,
    offers: people ? [...people.values()].filter((record) => record.offers).map((record) => [record.id, record.offers]) : null,
  };
}

/**
 * The findings per version (its listing object, shared by every judgement of that version) and
 * the configuration they were found with: a judgement of the whole site reads no file twice.
 */
const found = new WeakMap<object, { site: SiteRules | undefined; people: PeopleRegistry | undefined; diagnostics: Diagnostic[] }>();

/** `care-card-missing`, `reviewer-missing`, `disclosure-missing` (checkSiteRules) as a site rule. */
export const trustRule: SiteRule = {
  ruleIds: ['care-card-missing', 'reviewer-missing', 'disclosure-missing'],
  check(file: SiteFile, facts: SiteFacts): Diagnostic[] {
    // A version with compile errors is held back already, and its placeholder values (a frontmatter
    // that could not be read) would mislead these rules: they judge it once it compiles.
    if (file.ok === false || (!facts.site && !facts.people)) return [];
    const known = found.get(file.listing);
    if (known && known.site === facts.site && known.people === facts.people && known.diagnostics.every((d) => d.file === file.file)) {
      return known.diagnostics.map((d) => ({ ...d }));
    }
    const diagnostics = checkSiteRules(file.listing, { file: file.file, site: facts.site, people: facts.people, source: file.source });
    found.set(file.listing, { site: facts.site, people: facts.people, diagnostics });
    return diagnostics.map((d) => ({ ...d }));
  },
};
