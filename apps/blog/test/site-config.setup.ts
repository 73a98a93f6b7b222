import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFixtureSiteConfig } from '@cited/test-utils/site-config';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The made-up categories the test fixtures file articles under. The real site.yml lists only the
 * categories real articles use (an unknown one is `category-unknown`), so the tests run against a
 * site.yml of their own (CITED_SITE_CONFIG, which workers inherit): the real one with these added.
 * A test about the real registry sets CITED_SITE_CONFIG back to content/site.yml.
 */
export const fixtureCategories = ['Knee pain', 'Back & Spine', 'Neck pain', 'Spine surgery', 'Infections', 'Malformed', 'Neighbours', 'Control', 'Hostile tests'] as const;

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cited-blog-test-site-'));
  process.env.CITED_SITE_CONFIG = writeFixtureSiteConfig({ from: path.join(appDir, 'content/site.yml'), dir, categories: fixtureCategories });
  return () => rmSync(dir, { recursive: true, force: true });
}
