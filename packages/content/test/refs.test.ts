import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../src/bibliography/parse.js';
import { addReference } from '../src/refs/add.js';
import { runRefs } from '../src/refs/cli.js';
import { parseIdentifier } from '../src/refs/identifiers.js';
import { titlesMatch, verifyReferences } from '../src/refs/verify.js';
import { hangingFetch, offlineFetch, recordedFetch } from './recorded.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) } };
}

const noSleep = async () => {};

describe('identifiers', () => {
  it.each([
    ['10.4103/2152-7806.120774', { kind: 'doi', value: '10.4103/2152-7806.120774' }],
    ['https://doi.org/10.1016/S0140-6736(97)11096-0', { kind: 'doi', value: '10.1016/S0140-6736(97)11096-0' }],
    ['doi:10.1000/xyz', { kind: 'doi', value: '10.1000/xyz' }],
    ['PMID: 9500320', { kind: 'pmid', value: '9500320' }],
    ['9500320', { kind: 'pmid', value: '9500320' }],
    ['pmc3841941', { kind: 'pmcid', value: 'PMC3841941' }],
    ['978-0-443-06240-7', { kind: 'isbn', value: '9780443062407' }],
    ['ISBN 0-306-40615-2', { kind: 'isbn', value: '0306406152' }],
  ])('%s', (input, expected) => {
    expect(parseIdentifier(input)).toEqual(expected);
  });

  it('rejects what is none of them', () => {
    expect(parseIdentifier('978-0-443-06240-8')).toBeUndefined(); // bad ISBN check digit, too long for a PMID
    expect(parseIdentifier('smith2020')).toBeUndefined();
  });
});

describe('refs add', () => {
  it('a DOI from Crossref, appended to a BibLaTeX file that still parses, under a new key', async () => {
    const existing = '@article{epstein2013,\n  title = {Something else},\n  date = {2013},\n}\n';
    const result = await addReference('10.4103/2152-7806.120774', { to: 'refs.bib', existing, fetch: recordedFetch() });
    expect(result.key).toBe('epstein2013b');
    expect(result.source).toBe('Crossref');
    expect(result.text.startsWith(existing)).toBe(true);
    const parsed = parseBibliography(result.text, 'bibtex');
    expect(parsed.ok && parsed.entries.map((entry) => entry.key)).toEqual(['epstein2013', 'epstein2013b']);
    const added = parsed.ok ? parsed.entries[1]?.item : undefined;
    expect(added).toMatchObject({
      title: 'Are recommended spine operations either unnecessary or too complex? Evidence from second opinions',
      'container-title': 'Surgical Neurology International',
      'container-title-short': 'Surg Neurol Int',
      DOI: '10.4103/2152-7806.120774',
      author: [{ family: 'Epstein', given: 'Nancy E.' }],
    });
  });

  it('a PMID from PubMed, appended to a CSL-JSON file; a PMCID goes through the ID converter', async () => {
    const result = await addReference('PMID 24340231', { to: 'refs.json', existing: '[]', fetch: recordedFetch() });
    const items = JSON.parse(result.text) as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'epstein2013',
      PMID: '24340231',
      PMCID: 'PMC3841941',
      DOI: '10.4103/2152-7806.120774',
      'container-title-short': 'Surg Neurol Int',
      issue: 'Suppl 5',
      page: 'S353-8',
      author: [{ family: 'Epstein', given: 'NE' }],
      title: 'Are recommended spine operations either unnecessary or too complex? Evidence from second opinions',
    });
    const fetcher = recordedFetch();
    const viaPmc = await addReference('PMC3841941', { fetch: fetcher });
    expect(fetcher.requests.map((url) => new URL(url).hostname)).toEqual(['www.ncbi.nlm.nih.gov', 'eutils.ncbi.nlm.nih.gov']);
    // Without --to: YAML for the frontmatter, in the inline model's fields.
    expect(viaPmc.entry).toContain('- id: epstein2013\n  type: article-journal\n  authors:\n    - Epstein NE\n');
    expect(viaPmc.entry).toContain('journal: Surg Neurol Int');
    expect(viaPmc.entry).toContain('pmid: "24340231"');
  });

  it('a DOI Crossref does not hold comes from doi.org content negotiation (CSL-JSON)', async () => {
    const result = await addReference('10.5281/zenodo.4001234', { to: 'refs.json', fetch: recordedFetch() });
    expect(result.source).toBe('doi.org');
    expect(JSON.parse(result.text)).toEqual([expect.objectContaining({ id: 'example2020', type: 'report', publisher: 'Zenodo', DOI: '10.5281/zenodo.4001234' })]);
  });

  it('an ISBN from Open Library', async () => {
    const result = await addReference('978-0-443-06240-7', { fetch: recordedFetch() });
    expect(result.entry).toContain('title: "Evidence-based medicine: how to practice and teach EBM"');
    expect(result.entry).toContain('type: book');
  });

  it('refuses a work the file already holds, and a malformed target file', async () => {
    const existing = JSON.stringify([{ id: 'mine', DOI: '10.4103/2152-7806.120774', title: 'x' }]);
    await expect(addReference('10.4103/2152-7806.120774', { to: 'refs.json', existing, fetch: recordedFetch() })).rejects.toThrow('already has this work, as "mine"');
    await expect(addReference('10.4103/2152-7806.120774', { to: 'refs.bib', existing: '@article{a, title = {A} year = 1}', fetch: recordedFetch() })).rejects.toThrow(
      /refs\.bib is not valid \(1:25: Invalid BibTeX/,
    );
  });

  it('CLI: writes the file, refuses a retracted work unless asked, and reports not-found, rate limits and offline', async () => {
    const files: Record<string, string> = {};
    const deps = {
      fetch: recordedFetch(),
      readFile: (path: string) => {
        if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return files[path] as string;
      },
      writeFile: (path: string, text: string) => {
        files[path] = text;
      },
    };
    const added = io();
    expect(await runRefs(['add', '10.4103/2152-7806.120774', '--to', 'refs.bib'], added.io, deps)).toBe(0);
    expect(added.out[0]).toContain('Added "epstein2013" (from Crossref) to refs.bib; cite it as [@epstein2013]');
    expect(files['refs.bib']).toMatch(/^@article\{epstein2013,/);

    const retracted = io();
    expect(await runRefs(['add', '10.1016/S0140-6736(97)11096-0', '--to', 'refs.bib'], retracted.io, deps)).toBe(1);
    expect(retracted.err[0]).toContain('retracted (notice 10.1016/s0140-6736(10)60175-4, 2010-02-06)');
    expect(files['refs.bib']).not.toContain('wakefield');
    const allowed = io();
    expect(await runRefs(['add', '10.1016/S0140-6736(97)11096-0', '--to', 'refs.bib', '--allow-retracted'], allowed.io, deps)).toBe(0);
    expect(allowed.err[0]).toContain('Warning: Crossref reports this work as retracted');
    expect(files['refs.bib']).toContain('@article{wakefield1998,');

    const missing = io();
    expect(await runRefs(['add', '99999999'], missing.io, deps)).toBe(1);
    expect(missing.err[0]).toBe('cited-content: PubMed: PMID 99999999 not found (cannot get document summary)');
    const missingDoi = io();
    expect(await runRefs(['add', '10.4103/2152-7806.999999'], missingDoi.io, deps)).toBe(1);
    expect(missingDoi.err[0]).toBe('cited-content: doi.org: not found');

    const limited = io();
    expect(await runRefs(['add', '10.1016/j.spinee.2013.11.049'], limited.io, deps)).toBe(3);
    expect(limited.err[0]).toBe('cited-content: Crossref is rate-limiting requests (retry after 60 s): try again later');

    const offline = io();
    expect(await runRefs(['add', '10.1000/x'], offline.io, { fetch: offlineFetch })).toBe(3);
    expect(offline.err[0]).toBe('cited-content: Crossref cannot be reached (ENOTFOUND): check the network connection (nothing in `check` or the build needs it)');

    const slow = io();
    expect(await runRefs(['add', '10.1000/x', '--timeout', '0.05'], slow.io, { fetch: hangingFetch })).toBe(3);
    expect(slow.err[0]).toBe('cited-content: Crossref did not answer within 0.05 s (offline or slow network?)');

    for (const args of [['add'], ['add', 'nonsense'], ['add', '10.1/x', '--to', 'refs.txt'], ['verify', 'a.md', '--to', 'x.bib'], ['frobnicate', 'x'], ['add', '10.1/x', '--timeout', 'soon']]) {
      expect(await runRefs(args, io().io, deps), args.join(' ')).toBe(2);
    }
  });
});

describe('refs verify', () => {
  it('checks title, year and retraction for every DOI and PMID, and prints a table', async () => {
    const article = `---
title: T
description: D
category: C
published: 2024-01-01
bibliography: refs.json
references:
  - id: epstein2013
    authors: [Epstein NE]
    title: "Are recommended spine operations either unnecessary or too complex? Evidence from second opinions"
    year: 2013
    doi: 10.4103/2152-7806.120774
    pmid: 24340231
  - id: wakefield1998
    authors: [Wakefield AJ]
    title: Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children
    year: 1998
    doi: 10.1016/S0140-6736(97)11096-0
    pmid: 9500320
  - id: typo2013
    title: Are recommended spine operations unnecessary? A different paper
    year: 2012
    doi: 10.4103/2152-7806.120774
  - id: nothing
    title: No such paper
    year: 2020
    pmid: 99999999
  - id: limited
    title: Diagnostic accuracy of history taking
    year: 2013
    doi: 10.1016/j.spinee.2013.11.049
---
`;
    const files: Record<string, string> = {
      'articles/a.md': article,
      'articles/refs.json': JSON.stringify([{ id: 'notice2010', type: 'article-journal', title: 'Retraction—Ileal-lymphoid-nodular hyperplasia', DOI: '10.1016/s0140-6736(10)60175-4', issued: { 'date-parts': [[2010]] } }, { id: 'nodoi', title: 'Nothing to check' }]),
    };
    const out = io();
    const status = await runRefs(['verify', 'articles/a.md'], out.io, { fetch: recordedFetch(), readFile: (path) => files[path] ?? '', sleep: noSleep });
    expect(status).toBe(1);
    const table = out.out[0] ?? '';
    const rows = table.split('\n').slice(2).map((line) => line.split(/\s{2,}/).slice(0, 5).join(' | '));
    expect(rows).toEqual([
      'epstein2013 | DOI 10.4103/2152-7806.120774 | yes | yes | ok',
      'epstein2013 | PMID 24340231 | yes | yes | ok',
      'wakefield1998 | DOI 10.1016/S0140-6736(97)11096-0 | yes | yes | RETRACTED',
      'wakefield1998 | PMID 9500320 | yes | yes | RETRACTED',
      'typo2013 | DOI 10.4103/2152-7806.120774 | NO | NO | MISMATCH',
      'nothing | PMID 99999999 | - | - | NOT FOUND',
      'limited | DOI 10.1016/j.spinee.2013.11.049 | - | - | rate-limited',
      'notice2010 | DOI 10.1016/s0140-6736(10)60175-4 | yes | yes | RETRACTED',
    ]);
    expect(table).toContain('retracted (PubMed: Retracted Publication)');
    expect(table).toContain('Crossref title: "Are recommended spine operations either unnecessary or too complex? Evidence from second opinions"; Crossref year: 2013');
    expect(table).toContain('this DOI is a retraction notice for 10.1016/s0140-6736(97)11096-0');
    expect(out.out[1]).toBe('8 identifiers checked: 5 problems, 1 not checked (service unreachable or rate-limited). Unchecked references (no DOI or PMID): 1.');
  });

  it('stops asking after the first network failure, fast, and exits 3', async () => {
    const fetcher = Object.assign(async (...args: Parameters<typeof offlineFetch>) => {
      calls += 1;
      return offlineFetch(...args);
    });
    let calls = 0;
    const rows = await verifyReferences(
      [
        { id: 'a', doi: '10.1/a', title: 'A' },
        { id: 'b', pmid: '1', title: 'B' },
      ],
      { fetch: fetcher, sleep: noSleep },
    );
    expect(calls).toBe(1);
    expect(rows.map((row) => row.status)).toEqual(['unreachable', 'unreachable']);
    const out = io();
    const files = { 'refs.bib': '@article{a, title = {A}, doi = {10.1/a}}' };
    expect(await runRefs(['verify', 'refs.bib'], out.io, { fetch: offlineFetch, readFile: (path) => files[path as 'refs.bib'], sleep: noSleep })).toBe(3);
  });

  it('matches titles despite case, markup, punctuation, a dropped subtitle or a "RETRACTED:" prefix', () => {
    expect(titlesMatch('The accuracy of MRI', 'The Accuracy of <i>MRI</i>.')).toBe(true);
    expect(titlesMatch('Are recommended spine operations either unnecessary or too complex?', 'Are recommended spine operations either unnecessary or too complex? Evidence from second opinions')).toBe(true);
    expect(titlesMatch('Ileal-lymphoid-nodular hyperplasia', 'RETRACTED: Ileal-lymphoid-nodular hyperplasia')).toBe(true);
    expect(titlesMatch('Vadalà G', 'Vadala G')).toBe(true);
    expect(titlesMatch('Stem cells for discs', 'Prolotherapy for backs')).toBe(false);
  });
});
