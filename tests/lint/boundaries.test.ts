// The architecture's import boundaries are lint rules; this checks the rules themselves bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.message);
}

describe('import boundaries', () => {
  it('the renderer imports no Node module, database, model runtime or Electron', async () => {
    const file = 'src-renderer/src/pages/probe.ts';
    expect(await errors("import fs from 'node:fs';\nexport const x = fs;\n", file)).toEqual([expect.stringMatching(/imports no Node module/)]);
    expect(await errors("import Database from 'better-sqlite3';\nexport const x = Database;\n", file)).toEqual([expect.stringMatching(/never touches the database/)]);
    expect(await errors("import { getLlama } from 'node-llama-cpp';\nexport const x = getLlama;\n", file)).toEqual([expect.stringMatching(/model runs in the core/)]);
    expect(await errors("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", file)).toEqual([expect.stringMatching(/preload bridge/)]);
  });

  it('the renderer may import types from the core, not code', async () => {
    const file = 'src-renderer/src/pages/probe.ts';
    expect(await errors("import type { AppRouter } from '../../../src-main/core/router';\nexport type X = AppRouter;\n", file)).toEqual([]);
    expect(await errors("import { patronRouter } from '../../../src-main/core/router';\nexport const x = patronRouter;\n", file)).toEqual([
      expect.stringMatching(/Import only types from the core/),
    ]);
  });

  it('the core imports no Electron', async () => {
    expect(await errors("import { app } from 'electron';\nexport const x = app;\n", 'src-main/core/customers/probe.ts')).toEqual([
      expect.stringMatching(/runs in plain Node too/),
    ]);
  });
});
