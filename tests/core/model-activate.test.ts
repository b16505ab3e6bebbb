// Choosing the active model with real files and a real llama.cpp load: a model that cannot load
// is never left active. The previous good model stays active (and loaded), the file that failed
// keeps its coded reason for the model page, and an active model that stops loading is let go.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { buildTinyGguf, tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempDir } from './temp-core';

const dataDir = tempDir();
const scratch = mkdtempSync(join(tmpdir(), 'patron-activate-'));
let core: Core;

beforeAll(() => {
  core = openCore(dataDir, { noResume: true });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

const until = async (pred: () => boolean) => {
  for (let i = 0; i < 600 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
  return pred();
};

describe('activating a model', () => {
  it('keeps the previous model active and loaded when the chosen one fails to load, with the reason coded', async () => {
    const good = await core.models.importFile(tinyGgufPath());
    await core.models.activate(good.file);
    expect(core.models.status().activeFile).toBe(good.file);

    // Its header is sound (it passes the check and installs), but llama.cpp refuses it.
    const brokenPath = join(scratch, 'no-norm.gguf');
    writeFileSync(brokenPath, buildTinyGguf({ omitTensors: ['output_norm.weight'] }));
    const broken = await core.models.importFile(brokenPath);
    expect(broken).toMatchObject({ file: 'no-norm.gguf', active: false, error: null });

    await expect(core.models.activate('no-norm.gguf')).rejects.toMatchObject({
      code: 'model_load_failed',
      params: { file: 'no-norm.gguf', detail: expect.stringContaining('output_norm.weight') },
    });
    expect(core.models.status().activeFile).toBe(good.file);
    const rows = await core.models.store.list();
    expect(rows.find((m) => m.file === 'no-norm.gguf')).toMatchObject({ active: false, loadError: { code: 'model_load_failed', params: { file: 'no-norm.gguf' } } });
    expect(rows.find((m) => m.file === good.file)).toMatchObject({ active: true, loadError: null });
    // The good model is loaded again, so the AI features go on working.
    expect(await until(() => core.models.llm.getStatus().state === 'ready')).toBe(true);
    expect(core.models.llm.getStatus().modelPath).toBe(core.models.store.pathOf(good.file));
  }, 300_000);

  it('refuses a corrupt GGUF before loading it, leaving the active model as it was', async () => {
    const corrupt = Buffer.from(readFileSync(tinyGgufPath()));
    corrupt.writeBigUInt64LE(1n << 40n, 8);
    // Damaged in place after it was installed (a disk error, a bad copy over it).
    writeFileSync(join(core.models.store.dir, 'damaged.gguf'), corrupt);
    const before = core.models.status().activeFile;
    await expect(core.models.activate('damaged.gguf')).rejects.toMatchObject({ code: 'model_invalid', params: { file: 'damaged.gguf', reason: 'truncated' } });
    expect(core.models.status().activeFile).toBe(before);
    await expect(core.models.activate('absent.gguf')).rejects.toMatchObject({ code: 'model_missing', params: { file: 'absent.gguf' } });
    expect(core.models.status().activeFile).toBe(before);
  }, 120_000);

  it('lets go of an active model that no longer loads, so none is left active', async () => {
    // As an older version could leave it: a model that fails to load marked active.
    core.models.store.setActive('no-norm.gguf');
    await expect(core.models.ensureReady()).rejects.toMatchObject({ code: 'model_load_failed', params: { file: 'no-norm.gguf' } });
    expect(core.models.status().activeFile).toBeNull();
    expect(core.models.llm.getStatus()).toMatchObject({ state: 'failed', error: { code: 'model_load_failed', params: { file: 'no-norm.gguf' } } });
  }, 300_000);
});
