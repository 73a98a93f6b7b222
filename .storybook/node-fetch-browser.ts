// citation-js (the bibliography parser @cited/content compiles with) imports node-fetch, which only
// runs on Node. In the browser the platform's own fetch does the same job; compiling articles here
// never fetches anything anyway.
export default globalThis.fetch;
export const Headers = globalThis.Headers;
