/**
 * retext-simplify's swaps where the word is used in another sense than the plainer word has:
 * "however bad it looks" means "no matter how", not "but"; "side effects" are not "side results";
 * "kidney function" is not "kidney role"; "type 2 diabetes" cannot lose "type".
 */
const falseSwaps: readonly { word: RegExp; before?: RegExp; after?: RegExp }[] = [
  { word: /^however$/i, after: /^\s+(?:much|many|long|little|far|hard|bad|badly|good|well|small|large|severe|mild|often|strong|[a-z]+ly\b|[a-z]+er\b)/i },
  { word: /^effects?$/i, before: /(?:\bside|\b(?:the|an|no|any|its|their|this|that|these|those|small|large|positive|negative|lasting)\s*)$/i },
  { word: /^effects?$/i, after: /^\s+(?:of|on)\b/i },
  { word: /^function$/i, before: /\b(?:kidney|liver|lung|bladder|bowel|nerve|heart|thyroid|brain|muscle|joint|sexual|physical|immune|back|leg|arm|normal|their|your|its)\s+$/i },
  { word: /^type$/i, after: /^\s+(?:\d|i{1,3}\b|iv\b|[a-c]\b)/i },
];

/** True when the suggestion for `word` (with the text around it) would change what is meant. */
export function isFalseSwap(word: string, before: string, after: string): boolean {
  return falseSwaps.some((rule) => rule.word.test(word) && (!rule.before || rule.before.test(before)) && (!rule.after || rule.after.test(after)));
}
