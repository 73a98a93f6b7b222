/**
 * The server judges an edit against what its last judgement learnt of the site (site/site-index.ts)
 * instead of every record again; `cited-content check` builds that from every record. Both must
 * say the same of every file: here a small site of colliding slugs, shared titles, links between
 * articles, drafts, scheduled and broken versions changes step by step (edits, deletions, new
 * files, the clock moving on and back), and each judgement with the kept index equals the one
 * made from scratch.
 */
import { describe, expect, it } from 'vitest';
import { applyJudgements } from '../src/site/apply-judgements.js';
import { titleKey } from '../src/site/editorial.js';
import { judgeSite, type Judged, type Judgement } from '../src/site/judge.js';
import { SiteIndex } from '../src/site/site-index.js';
import type { ArticleListing } from '../src/store/types.js';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugs = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
const titles = ['Back pain', 'Back pain.', 'Sciatica', 'Neck pain', 'Knee pain'];
const dates = ['2024-01-01', '2025-06-01', '2026-03-01', '2026-03-02', '2027-01-01'];
const categories = ['Back pain', 'Neck pain', 'Nerves'];
const routes = ['/', '/articles/:slug', '/category/:category', '/tag/:tag'];
const articlePath = (slug: string) => `/articles/${slug}`;

interface Record extends Judged {
  liveSlugs?: string[];
}

let versions = 0;

function newVersion(pick: <T>(list: readonly T[]) => T, chance: (p: number) => boolean, file: string, previous?: Record): Record {
  const slug = pick(slugs);
  const listing: ArticleListing = {
    slug,
    title: pick(titles),
    description: 'About it.',
    category: pick(categories),
    tags: chance(0.5) ? ['pain'] : ['pain', pick(['rest', 'exercise'])],
    published: pick(dates),
    readingTimeMinutes: 1,
    wordCount: 100,
    draft: chance(0.15),
    ...(chance(0.2) ? { redirectFrom: [pick(slugs)] } : {}),
  };
  const links = chance(0.6) ? [{ href: `/articles/${pick(slugs)}`, line: 8, column: 1 }] : chance(0.3) ? [{ href: `/tag/${pick(['rest', 'pain', 'yoga'])}`, line: 9, column: 1 }] : [];
  versions += 1;
  const key = `${file}@${versions}`;
  return {
    file,
    key,
    ok: !chance(0.15),
    diagnostics: [],
    listing,
    links,
    siteDiagnostics: [],
    ...(previous?.good ? { good: previous.good } : {}),
    ...(previous?.liveSlugs ? { liveSlugs: previous.liveSlugs } : {}),
    provisional: false,
  };
}

/** What a judgement says of a file, comparable between two judgements of the same records. */
const said = (judgements: Judgement<Record>[]) =>
  judgements.map(({ record, accepted, siteDiagnostics }) => ({ file: record.file, accepted, problems: siteDiagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.message}`) }));

/** The findings of these rules each file reports, by file. */
const reported = (records: Pick<Record, 'file' | 'siteDiagnostics'>[], ruleIds: readonly string[]) =>
  Object.fromEntries(records.map(({ file, siteDiagnostics }) => [file, siteDiagnostics.filter((d) => ruleIds.includes(d.ruleId)).map((d) => `${d.ruleId} ${d.message}`).sort()]));

describe('judging with the kept site index', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`says what judging every record afresh says, edit after edit (seed ${seed})`, () => {
      const next = random(seed);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const chance = (p: number): boolean => next() < p;
      const records = new Map<string, Record>();
      const removed: { liveSlugs?: readonly string[] }[] = [];
      const index = new SiteIndex<Record>();
      let now = Date.parse('2026-02-28T00:00:00Z');
      for (const file of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']) records.set(file, newVersion(pick, chance, file));
      let targets: Record[] = [...records.values()];
      for (let step = 0; step < 60; step += 1) {
        const request = { records: records.values(), targets, facts: { routes, articlePath, now: new Date(now) }, source: () => '---\ntitle: x\nslug: y\n---\n', removed };
        const kept = judgeSite({ ...request, records: records.values(), index });
        // The kept index also judges files whose old title an edit left (it remembers it): each
        // judgement is the one made afresh of the same file.
        const judgedFiles = new Set(kept.map(({ record }) => record.file));
        const fresh = judgeSite({ ...request, records: records.values(), targets: kept.map(({ record }) => record) });
        expect(said(kept)).toEqual(said(fresh).filter(({ file }) => judgedFiles.has(file)));
        // Of titles and redirects, what the server reports of every file, judged now or not, is what
        // judging the whole site says (the check), not only of the files just judged.
        const whole = judgeSite({ ...request, records: records.values(), targets: [...records.values()] });
        const judgedNow = new Map(kept.map(({ record, siteDiagnostics }) => [record.file, siteDiagnostics]));
        const server = [...records.values()].map((record) => ({ file: record.file, siteDiagnostics: judgedNow.get(record.file) ?? record.siteDiagnostics }));
        const rules = ['title-duplicate', 'redirect-shadows-article'];
        expect(reported(server, rules)).toEqual(reported(whole.map(({ record, siteDiagnostics }) => ({ file: record.file, siteDiagnostics })), rules));
        applyJudgements(kept, { reportKnown: false });
        // What the store remembers of each published article: the slugs readers reached it at.
        for (const { record, accepted } of kept) {
          if (accepted && !record.listing.draft && !(record.liveSlugs ?? []).includes(record.listing.slug)) record.liveSlugs = [...(record.liveSlugs ?? []), record.listing.slug];
        }
        // The next change: edits (a new record object, as the store makes), a deletion, a new file, the clock.
        targets = [];
        const files = [...records.keys()];
        const edits = 1 + Math.floor(next() * 2);
        for (let i = 0; i < edits; i += 1) {
          const file = pick(files);
          const edited = newVersion(pick, chance, file, records.get(file));
          records.set(file, edited);
          targets.push(edited);
        }
        if (chance(0.1) && records.size > 3) {
          const file = pick([...records.keys()]);
          const gone = records.get(file) as Record;
          records.delete(file);
          targets = targets.filter((record) => record.file !== file);
          if (gone.liveSlugs) removed.push({ liveSlugs: gone.liveSlugs });
        }
        if (chance(0.1)) {
          const added = newVersion(pick, chance, `new-${step}.md`);
          records.set(added.file, added);
          targets.push(added);
        }
        if (chance(0.3)) now += (chance(0.8) ? 1 : -1) * Math.floor(next() * 400) * 86_400_000;
      }
    });
  }

  const make = (i: number, title = `Article ${i}`, slug = `a-${i}`): Record => {
    const listing: ArticleListing = { slug, title, description: '', category: 'Back pain', tags: ['pain'], published: '2024-01-01', readingTimeMinutes: 1, wordCount: 1, draft: false };
    return { file: `a-${i}.md`, key: `k${i}`, ok: true, diagnostics: [], listing, links: [{ href: `/articles/a-${(i + 1) % 50}`, line: 1, column: 1 }], siteDiagnostics: [], good: { key: `k${i}`, listing }, liveSlugs: [listing.slug] };
  };

  it('learns a site in slices, a turn for others between them, exactly as at once', async () => {
    // Some shared titles and slugs, so the holders have more than one record to order.
    const records = Array.from({ length: 50 }, (_, i) => make(i, `Article ${i % 40}`, `a-${i % 45}`));
    const now = Date.parse('2026-01-01T00:00:00Z');
    const atOnce = new SiteIndex<Record>();
    atOnce.refresh(records, now, { articlePath, routes });
    const sliced = new SiteIndex<Record>();
    let turns = 0;
    await sliced.refreshInSlices(records, now, { articlePath, routes }, { between: async () => void (turns += 1), sliceSize: 7 });
    expect(turns).toBe(7);
    for (let i = 0; i < 50; i += 1) {
      const { slug, title } = (records[i] as Record).listing;
      expect(sliced.holderOf(slug)).toBe(atOnce.holderOf(slug));
      expect(sliced.claimant(slug, records[i] as Record)).toBe(atOnce.claimant(slug, records[i] as Record));
      expect(sliced.titleHolders.get(titleKey(title))).toEqual(atOnce.titleHolders.get(titleKey(title)));
    }
    expect(sliced.holderOf('a-44')?.file).toBe('a-44.md');
    expect(sliced.titleHolders.get(titleKey('Article 3'))).toEqual(['a-3.md', 'a-43.md']);
  });

  it('tells an edited file of a title another file has, as judging afresh does', () => {
    const index = new SiteIndex<Record>();
    const records = Array.from({ length: 50 }, (_, i) => make(i));
    const facts = { routes, articlePath, now: new Date('2026-01-01') };
    judgeSite({ records, targets: [], facts, source: () => '', index });
    // A second article titled like the first: only the edited file is told, as from scratch.
    records[7] = make(7, 'Article 3');
    const kept = judgeSite({ records, targets: [records[7] as Record], facts, source: () => '', index });
    expect(said(kept)).toEqual(said(judgeSite({ records, targets: [records[7] as Record], facts, source: () => '' })));
    expect(kept[0]?.siteDiagnostics.map((d) => d.ruleId)).toEqual(['title-duplicate']);
    expect(kept[0]?.siteDiagnostics[0]?.message).toContain('also the title of a-3.md');
  });
});
