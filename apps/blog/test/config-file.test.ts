/**
 * watchedConfig (people.yml, site.yml): a broken edit keeps the last good version, an edit is heard
 * without a request, and the directory watch survives what editors, deploys and dev reloads do to it.
 * The catalog test covers the whole path (people.yml edited → the store judges again).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '@cited/content';
import type * as configFile from '../app/lib/config-file.server';

type ConfigModule = typeof configFile;

const root = mkdtempSync(path.join(os.tmpdir(), 'cited-config-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
afterEach(() => errors.mockClear());

/** A config format for the test: any text is its value, except text starting with "bad" (an error at 1:1). */
function read(text: string, file: string): { value: string | undefined; diagnostics: Diagnostic[] } {
  if (!text.startsWith('bad')) return { value: text.trim(), diagnostics: [] };
  return { value: undefined, diagnostics: [{ severity: 'error', ruleId: 'test-invalid', message: 'not a valid test config', file, line: 1, column: 1 }] };
}

let names = 0;
/** A config file of its own (the watch map is by name) in a folder of its own, read once. */
async function watched(text: string, module?: ConfigModule) {
  const config = module ?? (await import('../app/lib/config-file.server'));
  names += 1;
  const name = `test-${names}.yml`;
  const dir = path.join(root, `config-${names}`);
  mkdirSync(dir);
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const state = { file };
  const value = config.watchedConfig(() => state.file, name, read);
  const heard = vi.fn();
  config.onConfigChange(name, (changed) => {
    if (changed === name) heard();
  });
  expect(value()).toBe(text.trim());
  return { value, heard, file, dir, name, state };
}

/** Saves as editors' tools do: a new file renamed over the old one. */
function save(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

describe('watchedConfig', () => {
  it('keeps the last good version when an edit is broken, and says where once per broken version', async () => {
    const config = await watched('first');
    save(config.file, 'bad: [unclosed');
    expect(config.value()).toBe('first');
    expect(config.value()).toBe('first');
    const kept = errors.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith(`[config] keeping the last good ${config.name}`));
    expect(kept).toHaveLength(1);
    // The file, then line:column and the problem (formatDiagnostics, as `cited-content check` prints).
    expect(kept[0]).toContain(config.file);
    expect(kept[0]).toMatch(/^\s*1:1\s+error\s+not a valid test config/m);
    expect(kept[0]).toContain('not a valid test config');
    save(config.file, 'second');
    expect(config.value()).toBe('second');
  });

  it('throws, naming the problem, when there never was a good version', async () => {
    const { watchedConfig } = await import('../app/lib/config-file.server');
    const dir = mkdtempSync(path.join(root, 'never-good-'));
    const file = path.join(dir, 'never-good.yml');
    writeFileSync(file, 'bad from the start');
    expect(() => watchedConfig(() => file, 'never-good.yml', read)()).toThrow(`${file} is not valid`);
  });

  it('hears an edit without a request, and not a broken one', async () => {
    const config = await watched('first');
    save(config.file, 'second');
    await vi.waitFor(() => expect(config.heard).toHaveBeenCalledTimes(1), { timeout: 20_000, interval: 20 });
    save(config.file, 'bad edit');
    // The broken edit is read (and logged) without a request too; nobody is told of a change.
    await vi.waitFor(() => expect(errors.mock.calls.some((call) => String(call[0]).startsWith(`[config] keeping the last good ${config.name}`))).toBe(true), { timeout: 20_000, interval: 20 });
    expect(config.heard).toHaveBeenCalledTimes(1);
    expect(config.value()).toBe('second');
  });

  it('tells nobody when the file in use moves to another path (tests do that between suites; a server never does)', async () => {
    const config = await watched('first');
    const other = path.join(config.dir, 'elsewhere.yml');
    writeFileSync(other, 'elsewhere');
    config.state.file = other;
    expect(config.value()).toBe('elsewhere');
    expect(config.heard).not.toHaveBeenCalled();
  });

  it('watches again when its directory is removed and copied anew, as a deploy may do', async () => {
    const config = await watched('first');
    rmSync(config.dir, { recursive: true });
    mkdirSync(config.dir);
    writeFileSync(config.file, 'deployed');
    // No request: the old watch saw its directory go; the new directory is watched and read.
    await vi.waitFor(() => expect(config.heard).toHaveBeenCalledTimes(1), { timeout: 20_000, interval: 20 });
    expect(config.value()).toBe('deployed');
    save(config.file, 'edited after the deploy');
    await vi.waitFor(() => expect(config.heard).toHaveBeenCalledTimes(2), { timeout: 20_000, interval: 20 });
    expect(config.value()).toBe('edited after the deploy');
  });

  it('watches again, without a request, when its directory comes back a while after it went', async () => {
    const config = await watched('first');
    rmSync(config.dir, { recursive: true });
    // Longer than a save takes to settle: the first try to watch again finds no directory.
    await new Promise((resolve) => setTimeout(resolve, 300));
    mkdirSync(config.dir);
    save(config.file, 'deployed late');
    await vi.waitFor(() => expect(config.heard).toHaveBeenCalledTimes(1), { timeout: 20_000, interval: 20 });
    save(config.file, 'edited after the deploy');
    await vi.waitFor(() => expect(config.heard).toHaveBeenCalledTimes(2), { timeout: 20_000, interval: 20 });
    expect(config.value()).toBe('edited after the deploy');
  });

  it('watches the new directory after a release symlink is swapped, from the first read on', async () => {
    const { watchedConfig, onConfigChange } = await import('../app/lib/config-file.server');
    const site = mkdtempSync(path.join(root, 'releases-'));
    for (const release of ['one', 'two']) {
      mkdirSync(path.join(site, release));
      writeFileSync(path.join(site, release, 'swapped.yml'), `release ${release}`);
    }
    symlinkSync(path.join(site, 'one'), path.join(site, 'current'));
    const file = path.join(site, 'current', 'swapped.yml');
    const value = watchedConfig(() => file, 'swapped.yml', read);
    const heard = vi.fn();
    onConfigChange('swapped.yml', (changed) => {
      if (changed === 'swapped.yml') heard();
    });
    expect(value()).toBe('release one');
    // Swapped as deploy tools do: a new link renamed over the old one.
    symlinkSync(path.join(site, 'two'), path.join(site, 'next'));
    renameSync(path.join(site, 'next'), path.join(site, 'current'));
    expect(value()).toBe('release two');
    expect(heard).toHaveBeenCalledTimes(1);
    // An edit in the new release is heard without a request: that read watched the new directory.
    save(path.join(site, 'two', 'swapped.yml'), 'release two, edited');
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2), { timeout: 20_000, interval: 20 });
  });

  it('serves the last good version while its directory is gone', async () => {
    const config = await watched('first');
    rmSync(config.dir, { recursive: true });
    expect(config.value()).toBe('first');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(config.value()).toBe('first');
  });

  it('keeps one watch per file across module reloads (dev re-imports it): the old module is not called', async () => {
    vi.resetModules();
    const before = await import('../app/lib/config-file.server');
    const old = await watched('first', before);
    vi.resetModules();
    const reloaded = await import('../app/lib/config-file.server');
    expect(reloaded).not.toBe(before);
    const value = reloaded.watchedConfig(() => old.file, old.name, read);
    const heard = vi.fn();
    reloaded.onConfigChange(old.name, heard);
    expect(value()).toBe('first');
    save(old.file, 'second');
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1), { timeout: 20_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(old.heard).not.toHaveBeenCalled();
  });
});
