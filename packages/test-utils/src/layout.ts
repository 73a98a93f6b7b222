/**
 * The workspace's test layout, as a check (run by test/layout.test.ts), so a test file written in
 * the wrong place is named instead of silently skipped or half-run:
 * - packages/ui: each test sits beside the source it tests, under src/ (Braid's convention:
 *   `<Name>.test.tsx` next to `<Name>.tsx`), never in a tests-only folder;
 * - every other workspace (packages/*, apps/*, bench): tests under its own `test/`, and end-to-end
 *   specs (`*.spec.ts`) under `e2e/`;
 * - nowhere else: no test outside a workspace.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const SOURCE_FILE = /\.(tsx?|jsx?|mdx)$/;
/** Folders that hold installed or generated files, not the project's own. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', '.turbo', '.git', 'storybook-static', 'coverage', 'test-results', 'artifacts']);
/** Workspaces whose tests sit beside their source. */
const CO_LOCATED = new Set(['packages/ui']);

/** Every file under `dir`, relative to `root`, with forward slashes. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : filesUnder(root, relative);
    return entry.isFile() ? [relative] : [];
  });
}

/** Workspace folders (relative), from the root's `workspaces` globs of the form `dir/*` or `dir`. */
function workspaceDirs(root: string, patterns: readonly string[]): string[] {
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
}

function coLocatedProblem(file: string, inWorkspace: string, siblings: readonly string[]): string | null {
  if (!inWorkspace.startsWith('src/')) return `${file}: a test in this package sits beside the source it tests, under src/`;
  if (/(^|\/)(test|tests|__tests__)\//.test(inWorkspace)) return `${file}: a tests-only folder; put the test beside the source it tests`;
  const hasSource = siblings.some((name) => SOURCE_FILE.test(name) && !TEST_FILE.test(name) && !name.includes('.stories.'));
  return hasSource ? null : `${file}: no source file beside this test; put it next to what it tests`;
}

function testFolderProblem(file: string, inWorkspace: string): string | null {
  if (inWorkspace.startsWith('test/')) return null;
  if (inWorkspace.startsWith('e2e/') && /\.spec\./.test(inWorkspace)) return null;
  return `${file}: this package's tests live in its test/ folder (end-to-end specs in e2e/)`;
}

/** Every test file in the wrong place under `root`, one plain-words line each ([] = all in place). */
export function testLayoutProblems(root: string, workspaces: readonly string[]): string[] {
  const dirs = workspaceDirs(root, workspaces);
  const files = filesUnder(root);
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const folder = path.posix.dirname(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path.posix.basename(file)]);
  }
  return files
    .filter((file) => TEST_FILE.test(path.posix.basename(file)))
    .map((file) => {
      const workspace = dirs.find((dir) => file.startsWith(`${dir}/`));
      if (!workspace) return `${file}: a test outside every workspace; move it into the package it tests`;
      const inWorkspace = file.slice(workspace.length + 1);
      return CO_LOCATED.has(workspace)
        ? coLocatedProblem(file, inWorkspace, byFolder.get(path.posix.dirname(file)) ?? [])
        : testFolderProblem(file, inWorkspace);
    })
    .filter((problem): problem is string => problem !== null)
    .sort();
}
