/** The part of the Fetch API the lookups use, so tests can pass recorded responses instead. */
export type FetchLike = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface ServiceOptions {
  fetch?: FetchLike;
  /** Per request; default 8 s, so an offline machine fails fast with a clear message. */
  timeoutMs?: number;
}

export const defaultTimeoutMs = 8000;
export const userAgent = 'cited-content (reference checker; https://www.npmjs.com/package/@cited/content)';

/** Why a lookup did not return a record; `kind` drives the verify table and the exit status. */
export class LookupError extends Error {
  constructor(
    readonly kind: 'not-found' | 'rate-limited' | 'unreachable' | 'bad-response',
    message: string,
  ) {
    super(message);
    this.name = 'LookupError';
  }
}

/** GET `url` as text; 404, 429, network failures and timeouts become LookupErrors with a plain message. */
export async function getText(url: string, service: string, options: ServiceOptions, accept = 'application/json'): Promise<string> {
  const fetcher = options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined);
  if (!fetcher) throw new LookupError('unreachable', `${service}: this Node.js has no fetch`);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetcher(url, { headers: { accept, 'user-agent': userAgent }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new LookupError(
      'unreachable',
      timedOut
        ? `${service} did not answer within ${timeoutMs / 1000} s (offline or slow network?)`
        : `${service} cannot be reached${cause ? ` (${cause})` : ''}: check the network connection (nothing in \`check\` or the build needs it)`,
    );
  }
  if (response.status === 404) throw new LookupError('not-found', `${service}: not found`);
  if (response.status === 429) {
    const retry = response.headers.get('retry-after');
    throw new LookupError('rate-limited', `${service} is rate-limiting requests${retry ? ` (retry after ${retry} s)` : ''}: try again later`);
  }
  if (response.status < 200 || response.status >= 300) throw new LookupError('bad-response', `${service} answered HTTP ${response.status}`);
  return response.text();
}

export async function getJson(url: string, service: string, options: ServiceOptions, accept?: string): Promise<unknown> {
  const text = await getText(url, service, options, accept);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new LookupError('bad-response', `${service} answered something that is not JSON`);
  }
}
