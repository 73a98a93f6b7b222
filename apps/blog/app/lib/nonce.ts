import { createContext, useContext } from 'react';

/**
 * The CSP nonce for this response, when the page hydrates. entry.server.tsx provides it; the
 * root layout hands it to <Scripts/> and <ScrollRestoration/>. Zero-JS pages have none.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
