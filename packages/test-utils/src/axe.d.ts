import type { Result } from 'axe-core';

export { axeRunOptions, storybookAxeRunOptions, wcagTags } from './axe-options.js';

/** The parts of an axe result that `describeViolations` reads (a result that crossed from a page is plain data). */
export type ViolationLike = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl'> & {
  nodes: { target: unknown; failureSummary?: string | undefined; html?: string | undefined }[];
};

/** One line (plus how to fix it) per failing node. [] when `violations` is empty. */
export declare function describeViolations(violations: readonly ViolationLike[]): string[];

/** axe-core's WCAG A/AA violations inside `root`, run in this process (jsdom), described. */
export declare function axeViolations(root: Element | Document, options?: { layout?: boolean }): Promise<string[]>;

/** The subset of a Playwright page this helper uses (playwright-core and @playwright/test both fit). */
export interface PageLike {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  addScriptTag(options: { content: string }): Promise<unknown>;
}

/**
 * axe-core's WCAG A/AA violations in a Playwright page (inside `include`, default the whole document,
 * minus `exclude`), described; with `bestPractice`, axe's best-practice rules too.
 */
export declare function axeViolationsInPage(
  page: PageLike,
  options?: { include?: string; exclude?: readonly string[]; bestPractice?: boolean; disabledRules?: readonly string[] },
): Promise<string[]>;
