import { expect } from 'vitest';

/** The headers every HTML response must carry, whatever its status (200, 404, 500). */
export function expectSecurityHeaders(headers: Headers | Record<string, string>, what: string): void {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? '';
  const csp = read('content-security-policy');
  expect(csp, `${what}: Content-Security-Policy`).toMatch(/(^|;)\s*default-src\s/);
  expect(csp, `${what}: CSP frame-ancestors`).toMatch(/frame-ancestors\s+('none'|'self')/);
  expect(csp, `${what}: CSP script-src without 'unsafe-inline'`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${what}: CSP base-uri`).toMatch(/base-uri\s+('none'|'self')/);
  expect(csp, `${what}: CSP object-src`).toMatch(/object-src\s+'none'/);
  expect(read('x-content-type-options'), `${what}: X-Content-Type-Options`).toBe('nosniff');
  expect(read('referrer-policy'), `${what}: Referrer-Policy`).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin|origin|origin-when-cross-origin)$/,
  );
}

/** Fails with every problem spelled out in full (matchers truncate long strings in reports). */
export function expectNone(problems: readonly string[], context: string): void {
  if (problems.length > 0) throw new Error(`${context}:\n  ${problems.join('\n  ')}`);
}
