import path from 'node:path';
import { sortDiagnostics } from '../diagnostics.js';
import { formatReadability } from '../readability/report.js';
import type { SiteLayout } from '../site/layout.js';
import { describeVerdict, type FileVerdict, type Outcome } from '../site/verdict.js';
import type { Article, Diagnostic } from '../types.js';
import { shownPath as shown, type Placement } from './files.js';
import type { StateUnknown } from './records.js';

/** One checked file: where it stands, what the server does with it, and why. */
export interface FileCheck {
  /** As the report names it (relative to the working directory). */
  file: string;
  placement: Placement;
  verdict: FileVerdict;
  /** Its diagnostics (compile, readability, site-wide), positioned in its file (or a bibliography it reads). */
  diagnostics: Diagnostic[];
  article?: Article;
}

export interface ReportContext {
  site: SiteLayout | undefined;
  /** Files of the site configuration that were read. */
  configFiles: string[];
  /** Problems in the configuration itself. */
  configProblems: Diagnostic[];
  /** The server's cache whose state was read, if any. */
  stateFrom: string | undefined;
  /** Why the cache does not say what the server serves (another build wrote it, no records), and which cache. */
  stateUnknown?: { why: StateUnknown['unknown']; cacheDir: string };
  cwd: string;
  articlePath: (slug: string) => string;
  targets: readonly string[];
}


/** `file:line:column  severity  message  rule-id`: a terminal or editor opens the place. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`;
}

const unknownWords: Record<StateUnknown['unknown'], (cache: string) => string> = {
  'no-database': (cache) => `the cache ${cache} holds no store database (no server has run with it; give the server's cache with --cache or CITED_CACHE_DIR)`,
  'no-records': (cache) => `the cache ${cache} holds no records of these articles (its server reads another folder)`,
  'another-build': (cache) =>
    `the server that wrote the cache ${cache} runs another build of @cited/content than this check (run the check with the server's own, or start the server once with this one)`,
};

function siteLines(context: ReportContext): string[] {
  const { site, cwd } = context;
  if (!site) {
    return ['Site: none found (no site.yml or people.yml above the checked files or here): each folder is checked on its own; people are not checked; pages besides articles: /'];
  }
  const inRoot = (file: string): string => (path.dirname(file) === site.root ? path.basename(file) : shown(file, cwd));
  const config = context.configFiles.map(inRoot).join(', ') || 'no site.yml or people.yml';
  const pages = site.routesFile ? `pages from ${shown(site.routesFile, cwd)}` : 'pages besides articles: / (no "cited.routes" in a package.json above it)';
  const state = context.stateFrom
    ? `what the server serves now: from its cache ${shown(context.stateFrom, cwd)}`
    : context.stateUnknown
      ? `what the server serves now: unknown: ${unknownWords[context.stateUnknown.why](shown(context.stateUnknown.cacheDir, cwd))}`
      : 'what the server serves now: unknown (give its cache with --cache or CITED_CACHE_DIR to see the last good versions it keeps)';
  return [`Site: ${shown(site.root, cwd)} (${config}; ${pages}); articles in ${shown(site.articlesDir, cwd)}`, `  ${state}`];
}

/** The verdict line of a file, said for where it stands (a file outside the site is judged as if added). */
function verdictLine(check: FileCheck, context: ReportContext): string {
  const said = describeVerdict(check.verdict, { articlePath: context.articlePath, stateKnown: context.stateFrom !== undefined || check.placement === 'added' });
  const folder = context.site ? shown(context.site.articlesDir, context.cwd) : '';
  if (check.placement === 'added') return `${check.file}: if added to ${folder}: ${said}`;
  if (check.placement === 'not-read') {
    return `${check.file}: not published: the server reads only .md files directly in ${folder} (moved there: ${said})`;
  }
  return `${check.file}: ${said}`;
}

const outcomeWords: Record<Outcome, (count: number) => string> = {
  published: () => 'published',
  scheduled: () => 'scheduled',
  draft: (count) => (count === 1 ? 'draft' : 'drafts'),
  held: (count) => (count === 1 ? 'held at its last good version' : 'held at their last good version'),
  'not-published': () => 'not published',
  withdrawn: () => 'withdrawn (410 Gone until published again)',
};

/** The report: the site used, then per file its verdict, its diagnostics and its readability. */
export function formatCheckReport(checks: readonly FileCheck[], context: ReportContext): string {
  const lines = siteLines(context);
  if (context.configProblems.length > 0) lines.push('', ...sortDiagnostics(context.configProblems).map(formatDiagnostic));
  for (const check of checks) {
    const details = [
      ...check.diagnostics.map(formatDiagnostic),
      ...(check.article?.readability ? [`${check.file}: readability ${formatReadability(check.article.readability)}`] : []),
    ];
    lines.push('', verdictLine(check, context), ...details.map((line) => `  ${line}`));
  }
  const counts = new Map<string, number>();
  for (const check of checks) {
    const outcome = check.placement === 'not-read' ? 'not-published' : check.verdict.outcome;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const tally = (Object.keys(outcomeWords) as Outcome[]).filter((outcome) => counts.has(outcome)).map((outcome) => `${counts.get(outcome)} ${outcomeWords[outcome](counts.get(outcome) as number)}`);
  const problems = checks.some((check) => check.diagnostics.length > 0) || context.configProblems.length > 0;
  const count = `${checks.length} article${checks.length === 1 ? '' : 's'} checked in ${context.targets.join(', ')}`;
  lines.push('', `${count}: ${tally.join(', ') || 'none'}${problems ? '' : '; no problems'}`);
  return lines.join('\n');
}
