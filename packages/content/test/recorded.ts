import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchLike } from '../src/refs/http.js';
import { fixturesDir } from './helpers.js';

interface Recording {
  request: { method: string; url: string; accept: string };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

const recordedDir = join(fixturesDir, 'recorded');
export const recordings: Map<string, Recording> = new Map(
  readdirSync(recordedDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const recording = JSON.parse(readFileSync(join(recordedDir, name), 'utf8')) as Recording;
      return [`${recording.request.accept} ${recording.request.url}`, recording] as const;
    }),
);

/**
 * A fetch that answers only from recorded responses (and records what was asked): an unrecorded
 * request fails the test instead of reaching the network.
 */
export function recordedFetch(only?: readonly string[]): FetchLike & { requests: string[] } {
  const requests: string[] = [];
  const fetcher = async (url: string, init: { headers: Record<string, string> }) => {
    requests.push(url);
    const recording = recordings.get(`${init.headers.accept} ${url}`);
    if (!recording || (only && !only.some((part) => url.includes(part)))) throw new Error(`No recorded response for ${init.headers.accept} ${url}`);
    const { status, headers, body } = recording.response;
    return {
      status,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
    };
  };
  return Object.assign(fetcher, { requests });
}

/** A fetch that fails like undici does offline (DNS lookup fails). */
export const offlineFetch: FetchLike = async () => {
  throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.crossref.org'), { code: 'ENOTFOUND' }) });
};

/** A fetch that never answers until aborted (a black-holed network): the timeout must end it. */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(init.signal.reason as Error));
  });
