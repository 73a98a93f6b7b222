/**
 * The workspace's one axe helper. Every axe run goes through `axeViolations` (in this process, on a
 * jsdom or happy-dom element) or `axeViolationsInPage` (in a Playwright page), with the rules of
 * ./axe-options.js, and every report is written by `describeViolations`, so a failing run says the
 * same thing, in the same words, wherever it ran.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { axeRunOptions, storybookAxeRunOptions } from './axe-options.js';

export { axeRunOptions, storybookAxeRunOptions, wcagTags } from './axe-options.js';

/** One line (plus how to fix it) per failing node, so the output says what to fix and where. */
export function describeViolations(violations) {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const target = Array.isArray(node.target) ? node.target.join(' ') : String(node.target);
      const summary = node.failureSummary ? `\n    ${node.failureSummary.replace(/\n/g, '\n    ')}` : '';
      const html = node.html ? `\n    ${node.html}` : '';
      return `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — ${target}${summary}${html}\n    ${violation.helpUrl}`;
    }),
  );
}

/** Rule settings for a run; `layout: false` (jsdom: no layout, no resolved colours) turns contrast off. */
function runOptions(layout, bestPractice = false, disabledRules = []) {
  const picked = bestPractice ? storybookAxeRunOptions : axeRunOptions;
  const base = disabledRules.length > 0 ? { ...picked, rules: Object.fromEntries(disabledRules.map((id) => [id, { enabled: false }])) } : picked;
  // Without layout, colour contrast can only come back "incomplete", and it is the slowest rule;
  // contrast is measured in Chromium (theme tests, storybook-a11y, e2e) instead.
  return layout ? { ...base } : { ...base, rules: { ...base.rules, 'color-contrast': { enabled: false } } };
}

/**
 * axe-core's WCAG A/AA violations inside `root`, run in this process (jsdom), described.
 * `layout` defaults to false: jsdom computes no layout.
 */
export async function axeViolations(root, { layout = false } = {}) {
  const { default: axe } = await import('axe-core');
  const results = await axe.run(root, runOptions(layout));
  return describeViolations(results.violations);
}

let axeSource;

/**
 * axe-core's WCAG A/AA violations in a Playwright page (inside `include`, a CSS selector, or the
 * whole document; minus `exclude`, selectors of chrome the page does not own), described. With
 * `bestPractice`, axe's best-practice rules count too (heading-order, landmarks); `disabledRules`
 * names rules that cannot apply there (say why where you pass them). axe is injected
 * into the page on first use (never as a <script>).
 */
export async function axeViolationsInPage(page, { include = 'html', exclude = [], bestPractice = false, disabledRules = [] } = {}) {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, as @axe-core/playwright does: a <script> tag would be
  // (rightly) refused by the blog's Content-Security-Policy, which the e2e tests keep on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(
    async ({ options, selector, excluded }) => {
      const context = excluded.length > 0 ? { include: [selector], exclude: excluded } : selector;
      // eslint-disable-next-line no-undef -- injected by the evaluate above
      const results = await axe.run(context, options);
      // Plain data only: the result crosses from the page back to Node.
      return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
        id,
        impact,
        help,
        helpUrl,
        nodes: nodes.map(({ target, failureSummary, html }) => ({ target, failureSummary, html })),
      }));
    },
    { options: runOptions(true, bestPractice, disabledRules), selector: include, excluded: exclude },
  );
  return describeViolations(violations);
}
