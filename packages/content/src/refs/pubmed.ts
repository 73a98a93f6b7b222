import type { CslItem, CslName } from '../bibliography/csl.js';
import { getJson, LookupError } from './http.js';
import type { ServiceOptions } from './http.js';

const eutils = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils';
const monthNumbers: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** One document summary from E-utilities esummary (db=pubmed, retmode=json); the fields used here. */
export interface PubmedSummary {
  uid: string;
  error?: string;
  pubdate?: string;
  source?: string;
  fulljournalname?: string;
  authors?: { name: string; authtype?: string }[];
  title?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  pubtype?: string[];
  articleids?: { idtype: string; value: string }[];
}

/** "Bodiu A" → { family: "Bodiu", given: "A" }; collective names stay literal. */
function pubmedName(author: { name: string; authtype?: string }): CslName {
  const match = /^(.+?)\s+([A-Z]{1,4})$/.exec(author.name.trim());
  if (author.authtype === 'CollectiveName' || !match) return { literal: author.name.trim() };
  return { family: match[1] ?? '', given: match[2] ?? '' };
}

/** PubMed's pubdate ("2014 Oct-Dec", "2017 Jul 15", "2005 Apr", "2013") → CSL date-parts. */
export function pubmedDate(pubdate: string | undefined): CslItem['issued'] {
  const match = /^(\d{4})(?:\s+([A-Za-z]{3})(?:-([A-Za-z]{3}))?(?:\s+(\d{1,2}))?)?/.exec(pubdate ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? monthNumbers[match[2].toLowerCase()] : undefined;
  const endMonth = match[3] ? monthNumbers[match[3].toLowerCase()] : undefined;
  const day = match[4] ? Number(match[4]) : undefined;
  const start = [year, ...(month ? [month] : []), ...(month && day ? [day] : [])];
  return { 'date-parts': endMonth && month ? [start, [year, endMonth]] : [start] };
}

export function pubmedToCsl(summary: PubmedSummary): CslItem {
  const item: CslItem = { type: 'article-journal', PMID: summary.uid };
  if (summary.title) item.title = summary.title.replace(/\.$/, '');
  if (summary.fulljournalname) item['container-title'] = summary.fulljournalname;
  if (summary.source) item['container-title-short'] = summary.source;
  const authors = (summary.authors ?? []).filter((author) => author.name.trim() !== '').map(pubmedName);
  if (authors.length > 0) item.author = authors;
  const issued = pubmedDate(summary.pubdate);
  if (issued) item.issued = issued;
  if (summary.volume) item.volume = summary.volume;
  if (summary.issue) item.issue = summary.issue;
  if (summary.pages) item.page = summary.pages;
  const doi = summary.articleids?.find((id) => id.idtype === 'doi')?.value;
  if (doi) item.DOI = doi;
  const pmcid = summary.articleids?.find((id) => id.idtype === 'pmc')?.value;
  if (pmcid) item.PMCID = pmcid;
  return item;
}

/** PubMed flags retracted articles with the publication type "Retracted Publication". */
export function pubmedRetraction(summary: PubmedSummary): string | undefined {
  if (summary.pubtype?.includes('Retracted Publication')) return 'retracted (PubMed: Retracted Publication)';
  if (summary.pubtype?.includes('Retraction of Publication')) return 'this PMID is a retraction notice, not the work itself';
  return undefined;
}

export async function lookupPmid(pmid: string, options: ServiceOptions): Promise<{ item: CslItem; retraction?: string; source: string }> {
  const data = (await getJson(`${eutils}/esummary.fcgi?db=pubmed&id=${encodeURIComponent(pmid)}&retmode=json`, 'PubMed', options)) as {
    error?: string;
    esummaryresult?: string[];
    result?: Record<string, unknown>;
  };
  // E-utilities reports some failures (including rate limits) in a 200 body.
  if (data.error) throw new LookupError(/rate limit/i.test(data.error) ? 'rate-limited' : 'bad-response', `PubMed: ${data.error}`);
  if (data.esummaryresult?.length) throw new LookupError('not-found', `PubMed: PMID ${pmid} not found (${data.esummaryresult[0]})`);
  const summary = data.result?.[pmid] as PubmedSummary | undefined;
  if (!summary || summary.error) throw new LookupError('not-found', `PubMed: PMID ${pmid} not found${summary?.error ? ` (${summary.error})` : ''}`);
  const retraction = pubmedRetraction(summary);
  return { item: pubmedToCsl(summary), ...(retraction ? { retraction } : {}), source: 'PubMed' };
}

/** PMCID → PMID through the PMC ID Converter API, then the PubMed record. */
export async function lookupPmcid(pmcid: string, options: ServiceOptions): Promise<{ item: CslItem; retraction?: string; source: string }> {
  const data = (await getJson(
    `https://www.ncbi.nlm.nih.gov/pmc/utils/idconv/v1.0/?ids=${encodeURIComponent(pmcid)}&format=json&tool=cited-content`,
    'PMC ID Converter',
    options,
  )) as { records?: { pmcid?: string; pmid?: string; status?: string; errmsg?: string }[] };
  const record = data.records?.[0];
  if (!record?.pmid) throw new LookupError('not-found', `PMC: ${pmcid} not found${record?.errmsg ? ` (${record.errmsg})` : ''}`);
  return lookupPmid(record.pmid, options);
}
