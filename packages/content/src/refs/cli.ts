import { readFileSync, writeFileSync } from 'node:fs';
import { decodeSource } from '../source.js';
import { addReference, AddError } from './add.js';
import { LookupError } from './http.js';
import type { FetchLike } from './http.js';
import { refsUsage } from './usage.js';
import { collectReferences, formatVerifyTable, verifyReferences } from './verify.js';

export { refsUsage };

export interface RefsIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface RefsDependencies {
  fetch?: FetchLike;
  readFile?: (path: string) => string | Uint8Array;
  writeFile?: (path: string, text: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

function takeOption(args: string[], name: string): string | undefined | null {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  args.splice(index, 2);
  return value === undefined || value.startsWith('--') ? null : value;
}

function takeFlag(args: string[], name: string): boolean {
  const index = args.indexOf(name);
  if (index >= 0) args.splice(index, 1);
  return index >= 0;
}

/** `cited-content refs …`; returns the exit status. Network and files are injectable for tests. */
export async function runRefs(argv: readonly string[], io: RefsIo, dependencies: RefsDependencies = {}): Promise<number> {
  const args = [...argv];
  const subcommand = args.shift();
  const to = takeOption(args, '--to');
  const timeout = takeOption(args, '--timeout');
  const allowRetracted = takeFlag(args, '--allow-retracted');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout) * 1000;
  if (
    (subcommand !== 'add' && subcommand !== 'verify') ||
    args.length !== 1 ||
    to === null ||
    timeout === null ||
    (timeoutMs !== undefined && !(timeoutMs > 0)) ||
    (subcommand === 'verify' && to !== undefined)
  ) {
    io.err(refsUsage);
    return 2;
  }
  const target = args[0] as string;
  const readFile = dependencies.readFile ?? ((path: string) => readFileSync(path));
  const service = { ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}), ...(timeoutMs ? { timeoutMs } : {}) };

  if (subcommand === 'add') {
    let existing: string | undefined;
    if (to !== undefined) {
      try {
        existing = decodeSource(readFile(to)).text;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    }
    try {
      const result = await addReference(target, { ...service, ...(to !== undefined ? { to } : {}), ...(existing !== undefined ? { existing } : {}) });
      if (result.retraction && !allowRetracted) {
        io.err(`cited-content: not added: ${result.source} reports this work as ${result.retraction}. Cite the retraction notice, or pass --allow-retracted to add it anyway.`);
        return 1;
      }
      if (to === undefined) {
        io.out(`# From ${result.source}; paste under \`references:\` in the frontmatter\n${result.entry}`);
      } else {
        (dependencies.writeFile ?? ((path: string, text: string) => writeFileSync(path, text)))(to, result.text);
        io.out(`Added "${result.key}" (from ${result.source}) to ${to}; cite it as [@${result.key}]\n${result.entry}`);
      }
      if (result.retraction) io.err(`Warning: ${result.source} reports this work as ${result.retraction}.`);
      return 0;
    } catch (error) {
      if (error instanceof AddError) {
        io.err(`cited-content: ${error.message}`);
        return error.message.startsWith('--to') || error.message.includes('is not a DOI') ? 2 : 1;
      }
      if (error instanceof LookupError) {
        io.err(`cited-content: ${error.message}`);
        return error.kind === 'not-found' || error.kind === 'bad-response' ? 1 : 3;
      }
      throw error;
    }
  }

  let references;
  try {
    references = collectReferences(target, readFile);
  } catch (error) {
    io.err(`cited-content: ${(error as { code?: string }).code === 'ENOENT' ? `no file at ${target}` : (error as Error).message}`);
    return 2;
  }
  const checkable = references.filter((reference) => reference.doi || reference.pmid);
  if (checkable.length === 0) {
    io.out(`No DOI or PMID to check in ${target} (${references.length} reference${references.length === 1 ? '' : 's'}).`);
    return 0;
  }
  const rows = await verifyReferences(checkable, { ...service, ...(dependencies.sleep ? { sleep: dependencies.sleep } : {}) });
  io.out(formatVerifyTable(rows));
  const problems = rows.filter((row) => ['mismatch', 'retracted', 'not-found', 'error'].includes(row.status)).length;
  const incomplete = rows.filter((row) => row.status === 'unreachable' || row.status === 'rate-limited').length;
  io.out(
    `${rows.length} identifier${rows.length === 1 ? '' : 's'} checked: ${problems} problem${problems === 1 ? '' : 's'}${incomplete > 0 ? `, ${incomplete} not checked (service unreachable or rate-limited)` : ''}. Unchecked references (no DOI or PMID): ${references.length - checkable.length}.`,
  );
  return problems > 0 ? 1 : incomplete > 0 ? 3 : 0;
}
