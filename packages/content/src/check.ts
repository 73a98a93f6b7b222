import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sortDiagnostics } from './diagnostics.js';
import { readPeopleRegistry, type PeopleRegistry } from './people/registry.js';
import type { ReadabilityOptions } from './readability/report.js';
import { readSiteConfig, type SiteConfig } from './site/config.js';
import type { SiteRules } from './site/trust.js';
import { findSite, type SiteLayout } from './site/layout.js';
import { verdictOf } from './site/verdict.js';
import type { ContentSnapshot } from './store/types.js';
import type { Article, Diagnostic } from './types.js';
import { articleSet, resolveArticlePaths, shownPath, type ArticleFile } from './check/files.js';
import { judgeFiles } from './check/judge.js';
import { compileRecords, serverState, type CheckRecord, type CompileMemo } from './check/records.js';
import { formatCheckReport, type FileCheck } from './check/report.js';

export { articleExtensions, resolveArticlePaths } from './check/files.js';
export type { CompileMemo } from './check/records.js';
export type { FileCheck } from './check/report.js';

export interface CheckResult {
  /** The checked files' compiled articles. */
  articles: Article[];
  /** Per checked file: what the server does with it (published, held, not published) and why. */
  files: FileCheck[];
  /** Every diagnostic: the checked files' and the site configuration's. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** The site the files were judged in (undefined: none found, each folder on its own). */
  site?: SiteLayout;
  /** Plain-words report: the site used, each file's verdict and its file:line:column diagnostics. */
  report: string;
}

export interface CheckOptions {
  /** Reference time (scheduling, review-overdue); default now. */
  now?: Date;
  /**
   * The site the files belong to (its articles, people.yml, site.yml, pages, the server's cache).
   * Default: found from the first checked file, else from the working directory (see site/layout.ts);
   * null: none, the checked folders are judged on their own.
   */
  site?: SiteLayout | null;
  /** Replaces the site's pages besides articles ('/' is always one). */
  routes?: readonly string[];
  articlePath?: (slug: string) => string;
  /** Replaces the site's people registry. */
  people?: PeopleRegistry;
  /** Replace the site's people.yml or site.yml files. */
  peopleFile?: string;
  siteFile?: string;
  /** The server's cache: its state says which last good versions it serves. Default: the site's (CITED_CACHE_DIR). */
  cacheDir?: string;
  /** Replaces what the site's site.yml asks of articles (care cards, medical review, publisher). */
  siteRules?: SiteRules;
  /** Readability report per article (default on, with site.yml's `readability` settings; these win). */
  readability?: boolean | ReadabilityOptions;
  /** Paths in reports are relative to it (default process.cwd()). */
  cwd?: string;
  /** Compiles kept between checks (`--watch`). */
  memo?: CompileMemo;
}

export interface SiteConfiguration {
  people?: PeopleRegistry;
  /** site.yml, when it is valid: what it asks of articles and its readability settings. */
  site?: SiteConfig;
  files: string[];
  problems: Diagnostic[];
}

/** people.yml and site.yml as the server reads them, with their own problems (positions relative to cwd). */
export function readConfiguration(site: SiteLayout | undefined, options: CheckOptions, cwd: string): SiteConfiguration {
  const configuration: SiteConfiguration = { files: [], problems: [...(site?.routeProblems ?? [])] };
  const peopleFile = options.peopleFile ?? site?.peopleFile;
  const siteFile = options.siteFile ?? site?.siteFile;
  const shown = (file: string) => shownPath(file, cwd);
  if (peopleFile && existsSync(peopleFile)) {
    const read = readPeopleRegistry(readFileSync(peopleFile, 'utf8'), shown(peopleFile));
    configuration.files.push(peopleFile);
    configuration.problems.push(...read.diagnostics);
    if (read.registry) configuration.people = read.registry;
  }
  if (siteFile && existsSync(siteFile)) {
    configuration.files.push(siteFile);
    const read = readSiteConfig(readFileSync(siteFile, 'utf8'), shown(siteFile));
    configuration.problems.push(...read.diagnostics);
    if (read.config) configuration.site = read.config;
  }
  configuration.problems = configuration.problems.map((d) => ({ ...d, file: shown(path.resolve(cwd, d.file)) }));
  return configuration;
}

/** The readability options: site.yml's allowed words and target grade, under what the caller gives. */
function readabilityOptions(given: boolean | ReadabilityOptions | undefined, site: SiteConfig | undefined): boolean | ReadabilityOptions {
  if (given === false) return false;
  const settings = site?.readability;
  return { ...(settings?.allow ? { allow: settings.allow } : {}), ...(settings?.targetGrade ? { targetGrade: settings.targetGrade } : {}), ...(given === true || given === undefined ? {} : given) };
}

/** A diagnostic positioned in the file it concerns, named as reports name files. */
function shownDiagnostic(d: Diagnostic, file: ArticleFile, cwd: string): Diagnostic {
  if (d.file === file.id) return { ...d, file: file.shown };
  return { ...d, file: shownPath(path.resolve(file.dir, d.file), cwd) };
}

const notRead = (file: ArticleFile, site: SiteLayout, cwd: string): Diagnostic => ({
  severity: 'warning',
  ruleId: 'article-not-read',
  message: `The server reads only .md files directly in ${shownPath(site.articlesDir, cwd)}: this file is never published`,
  file: file.shown,
  line: 1,
  column: 1,
});

/** The site of the first target (a folder, or a file's folder), else of the working directory. */
async function siteOf(targets: readonly string[], cwd: string): Promise<SiteLayout | undefined> {
  const first = path.resolve(cwd, targets[0] ?? '.');
  const start = (await stat(first).catch(() => undefined))?.isDirectory() ? first : path.dirname(first);
  return findSite([start, cwd]);
}

/** A checked file's verdict and diagnostics, named as the report names files. */
function fileCheck(file: ArticleFile, record: CheckRecord, snapshot: ContentSnapshot, context: { site: SiteLayout | undefined; cwd: string }): FileCheck {
  const own = [...record.diagnostics, ...record.siteDiagnostics].map((d) => shownDiagnostic(d, file, context.cwd));
  if (file.placement === 'not-read' && context.site) own.push(notRead(file, context.site, context.cwd));
  return {
    file: file.shown,
    placement: file.placement,
    verdict: verdictOf(record, snapshot),
    diagnostics: sortDiagnostics(own),
    ...(record.article ? { article: record.article } : {}),
  };
}

/**
 * Says what the server will do with each given article (files, or directories searched
 * recursively): compiles them, judges them with the rest of their site exactly as the server's
 * store does (links, people, URLs), and reports for each whether it is published, held at its last
 * good version, or not published, and why. Paths in the report are relative to the working directory.
 */
export async function checkArticles(targets: string | readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const list = typeof targets === 'string' ? [targets] : targets;
  const paths = await resolveArticlePaths(list, cwd);
  const site = options.site === null ? undefined : (options.site ?? (await siteOf(list, cwd)));
  const configuration = readConfiguration(site, options, cwd);
  const people = options.people ?? configuration.people;
  const articlePath = options.articlePath ?? ((slug: string) => `/articles/${slug}`);
  const routes = options.routes ? [...new Set(['/', ...options.routes])] : (site?.routes ?? ['/']);
  const siteRules = options.siteRules ?? configuration.site;
  const facts = { routes, articlePath, now, ...(people ? { people } : {}), ...(siteRules ? { site: siteRules } : {}) };
  const readability = readabilityOptions(options.readability, configuration.site);
  const cacheDir = options.cacheDir ?? site?.cacheDir;

  const files = await articleSet(paths, site, cwd);
  const compiled = await compileRecords(files, { now, readability, ...(cacheDir ? { cacheDir } : {}), ...(options.memo ? { memo: options.memo } : {}) });
  const read = site && cacheDir ? await serverState(cacheDir, site.articlesDir) : undefined;
  const state = read && !('unknown' in read) ? read : undefined;
  const snapshots = judgeFiles(files, compiled, { facts, state });

  const checks = files
    .filter((file) => file.checked)
    .map((file) => fileCheck(file, compiled.get(file) as CheckRecord, snapshots.get(file) as ContentSnapshot, { site, cwd }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics = [...configuration.problems, ...checks.flatMap((check) => check.diagnostics)];
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const report = formatCheckReport(checks, {
    site,
    configFiles: configuration.files,
    configProblems: configuration.problems,
    stateFrom: state ? cacheDir : undefined,
    ...(read && 'unknown' in read && cacheDir ? { stateUnknown: { why: read.unknown, cacheDir } } : {}),
    cwd,
    articlePath,
    targets: list,
  });
  return {
    articles: checks.flatMap((check) => (check.article ? [check.article] : [])),
    files: checks,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    ...(site ? { site } : {}),
    report,
  };
}
