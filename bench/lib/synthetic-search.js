// Synthetic search documents for the search bench: many distinct articles from the seed's text.

/** Deterministic PRNG (mulberry32), so every run searches the same synthetic site. */
function random(seed) {
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
function word(index) {
  let text = '';
  let n = index + 20;
  while (n > 0) {
    text += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return text;
}

/**
 * `count` search docs: each takes ~40 sentences of the seed body in a random order, ~60 words of
 * a generated vocabulary (4 per 1,000 articles), three tags from a pool and its own title.
 */
export function syntheticSearchDocs(seedDoc, count, seed = 1) {
  const next = random(seed);
  const sentences = seedDoc.body.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 20);
  const vocabulary = Math.max(2000, count * 4);
  const tagPool = [...seedDoc.tags, ...Array.from({ length: 200 }, (_, i) => `topic ${word(i)}`)];
  const docs = [];
  for (let i = 0; i < count; i += 1) {
    const picked = Array.from({ length: 40 }, () => sentences[Math.floor(next() * sentences.length)]);
    const extra = Array.from({ length: 60 }, () => word(Math.floor(next() * vocabulary)));
    docs.push({
      id: `synthetic-${i + 1}`,
      title: `${extra[0]} ${extra[1]}: ${seedDoc.title} (${i + 1})`,
      description: `${seedDoc.description} ${extra.slice(2, 8).join(' ')}`,
      tags: Array.from({ length: 3 }, () => tagPool[Math.floor(next() * tagPool.length)]),
      category: `Category ${i % 12}`,
      headings: seedDoc.headings.slice(0, 4).map((heading, h) => `${heading} ${extra[8 + h]}`),
      body: `${picked.join(' ')} ${extra.join(' ')}`,
      published: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString().slice(0, 10),
    });
  }
  return docs;
}
