// Small numeric helpers shared by the sections.

/** Median of a list of numbers (mean of the two middle values for even lengths). */
export function median(values) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile by the nearest-rank method (p95 of 60 values is the 57th smallest). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Rounds to a fixed number of decimals, keeping null for "not measured". */
export function round(value, decimals = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** a / b, or null when either side is missing or b is zero. */
export function ratio(a, b) {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

export function formatBytes(bytes) {
  if (bytes == null) return 'n/a';
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatPercent(fraction, decimals = 1) {
  if (fraction == null) return 'n/a';
  return `${(fraction * 100).toFixed(decimals)}%`;
}

export function formatMs(ms, decimals = 1) {
  if (ms == null) return 'n/a';
  return `${ms.toFixed(decimals)} ms`;
}
