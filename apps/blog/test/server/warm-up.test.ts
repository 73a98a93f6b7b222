import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUp, warmUpPaths } from '../../server/warm-up.js';

const store = (slugs: string[]) => ({ ready: Promise.resolve(), snapshot: () => ({ articles: slugs.map((slug) => ({ slug })) }) });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('warm-up', () => {
  it('renders the newest articles, then the home page', async () => {
    expect(await warmUpPaths(store(['newest', 'b c', 'third', 'fourth']))).toEqual(['/articles/newest', '/articles/b%20c', '/articles/third', '/']);
    const rendered: string[] = [];
    await warmUp({ paths: async () => ['/articles/a', '/'], render: async (pathname) => void rendered.push(pathname) });
    expect(rendered).toEqual(['/articles/a', '/']);
  });

  it('logs a failure and lets the server start', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(warmUp({ paths: async () => ['/'], render: async () => Promise.reject(new Error('no articles')) })).resolves.toBeUndefined();
    expect(String(logged.mock.calls[0]?.[0])).toContain('warm-up render failed (pages are still served): Error: no articles');
  });
});
