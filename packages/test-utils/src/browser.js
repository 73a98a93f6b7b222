/**
 * The pinned Chromium (scripts/pinned-chromium.mjs: the lockfile's @sparticuz/chromium build) for
 * tests that must measure what a browser computes. It needs Debian's libnss3, so such tests run in
 * the browser steps (after `npm test`), never in Node-only `npm test`.
 */
import { chromium } from 'playwright-core';
import { pinnedChromium, pinnedChromiumArgs } from '../../../scripts/pinned-chromium.mjs';

export async function launchPinnedChromium() {
  const { executablePath } = pinnedChromium();
  return chromium.launch({ executablePath, args: pinnedChromiumArgs });
}
