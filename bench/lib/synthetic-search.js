// Synthetic search documents for the search bench: many distinct articles from the seed's text.

/** Deterministic PRNG (mulberry32), so every run searches the same synthetic site. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vi', 'so', 'pe', 'da', 'gu', 'fi', 'ba', 'tor', 'lin', 'mes', 'dra', 'sto', 'pha', 'cre'];

/** A generated word: the vocabulary grows with the site, as real articles add terms. */
export function word(index) {
  let text = '';
  let n = index + 20;
  while (n > 0) {
    text += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return text;
}

/**
 * `count` search docs, shaped like a real health site rather than 10,000 copies of one article:
 * one article in 20 is on the seed's topic (40 of its sentences in random order); every article
 * has 400 words drawn Zipf-like (log-uniform ranks) from a generated vocabulary that grows with
 * the site (4 words per article, at least 5,000), three tags from a pool, and its own title.
 */
export function syntheticSearchDocs(seedDoc, count, seed = 1) {
  const next = random(seed);
  const sentences = seedDoc.body.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 20);
  const vocabulary = Math.max(5000, count * 4);
  const zipfWord = () => word(Math.floor(Math.exp(next() * Math.log(vocabulary))) - 1);
  const tagPool = [...seedDoc.tags, ...Array.from({ length: 200 }, (_, i) => `topic ${word(i)}`)];
  const docs = [];
  for (let i = 0; i < count; i += 1) {
    const onSeedTopic = i % 20 === 0;
    const picked = onSeedTopic ? Array.from({ length: 40 }, () => sentences[Math.floor(next() * sentences.length)]) : [];
    const words = Array.from({ length: 400 }, zipfWord);
    docs.push({
      id: `synthetic-${i + 1}`,
      title: onSeedTopic ? `${seedDoc.title} (${i + 1})` : `${words[0]} ${words[1]} and ${words[2]} (${i + 1})`,
      description: onSeedTopic ? seedDoc.description : `What the evidence says about ${words.slice(3, 8).join(' ')}.`,
      tags: onSeedTopic ? seedDoc.tags : Array.from({ length: 3 }, () => tagPool[Math.floor(next() * tagPool.length)]),
      category: `Category ${i % 12}`,
      headings: onSeedTopic ? seedDoc.headings : words.slice(8, 12).map((heading) => `About ${heading}`),
      body: `${picked.join(' ')} ${words.join(' ')}`,
      published: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString().slice(0, 10),
    });
  }
  return docs;
}
