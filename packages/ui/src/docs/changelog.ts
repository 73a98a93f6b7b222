/*
 * Changelogs for the Storybook "Changelog" page: each workspace package's CHANGELOG.md (written by
 * `changeset version`) and the changesets still pending in .changeset/. Docs only.
 */

export interface PendingChange {
  file: string;
  bumps: Record<string, string>;
  summary: string;
}

/** Parses a changeset file: YAML-like frontmatter of `'package': bump` lines, then the summary. */
export function parseChangeset(file: string, source: string): PendingChange {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file} is not a changeset (no --- frontmatter ---)`);
  const bumps: Record<string, string> = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const entry = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (entry?.[1] && entry[2]) bumps[entry[1]] = entry[2];
    else if (line.trim() !== '') throw new Error(`${file}: cannot read "${line}" (expected 'package': major|minor|patch)`);
  }
  return { file, bumps, summary: (match[2] ?? '').trim() };
}

/** Package name from the first heading of a CHANGELOG.md ("# @cited/ui"). */
export function changelogPackage(source: string): string | undefined {
  return /^#\s+(\S+)/m.exec(source)?.[1];
}
