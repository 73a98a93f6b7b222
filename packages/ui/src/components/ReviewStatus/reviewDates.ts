/**
 * ISO calendar dates (YYYY-MM-DD) as the byline prints and compares them. A fixed locale and
 * UTC, so the server's HTML and the browser's agree on every date ("10 January 2026").
 */
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The date as a UTC Date, or undefined when the text is not a real YYYY-MM-DD calendar date. */
export function parseIsoDate(text: string | undefined): Date | undefined {
  const match = text === undefined ? null : isoDatePattern.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March: such a date is not real.
  const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal ? date : undefined;
}

/** "2026-01-10" → "10 January 2026"; undefined for anything else. */
export function formatIsoDate(text: string | undefined): string | undefined {
  const date = parseIsoDate(text);
  return date ? dateFormat.format(date) : undefined;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayIsoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
