import type { Browser } from 'playwright-core';

/** The lockfile's pinned Chromium, headless (needs libnss3: run from the browser steps, not `npm test`). */
export declare function launchPinnedChromium(): Promise<Browser>;
