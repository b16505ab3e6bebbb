// The architecture's import boundaries are lint rules; this checks the rules themselves bite (and
// let through what they should).
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

  it('the renderer may run the pure shared modules of src-main/shared', async () => {
    const file = 'src-renderer/src/pages/probe.ts';
    expect(await errors("import { problemText } from '../../../src-main/shared/problems';\nexport const x = problemText;\n", file)).toEqual([]);
    expect(await errors("import { AppError } from '../../../src-main/core/errors';\nexport const x = AppError;\n", file)).toEqual([
      expect.stringMatching(/Import only types from the core/),
    ]);
    // A folder that only looks like shared is still the core.
    expect(await errors("import { x } from '../../../src-main/core/shared/thing';\nexport const y = x;\n", file)).toEqual([
      expect.stringMatching(/Import only types from the core/),
    ]);
  });

  it('src-main/shared stays pure: no Node, database, model runtime, Electron or core code', async () => {
    const file = 'src-main/shared/probe.ts';
    const refused = [
      ["import fs from 'node:fs';\nexport const x = fs;\n", /no Node modules/],
      ["import { readFile } from 'fs/promises';\nexport const x = readFile;\n", /no Node modules/],
      ["import { createHash } from 'crypto';\nexport const x = createHash;\n", /no Node modules/],
      ["import Database from 'better-sqlite3';\nexport const x = Database;\n", /stays pure: The database belongs to the core/],
      ["import { eq } from 'drizzle-orm';\nexport const x = eq;\n", /stays pure: Queries belong to the core/],
      ["import { sqliteTable } from 'drizzle-orm/sqlite-core';\nexport const x = sqliteTable;\n", /no database, model runtime or Electron/],
      ["import { getLlama } from 'node-llama-cpp';\nexport const x = getLlama;\n", /stays pure: The model runs in the core/],
      ["import { app } from 'electron';\nexport const x = app;\n", /stays pure: Electron code lives/],
      ["import { AppError } from '../core/errors';\nexport const x = AppError;\n", /imports only other shared modules/],
      ['export const home = process.env.HOME;\n', /no Node globals/],
      ["export const bytes = Buffer.from('x');\n", /no Node globals/],
    ] as const;
    for (const [code, message] of refused) expect(await errors(code, file), code).toEqual([expect.stringMatching(message)]);
    expect(await errors("import { EN } from './problem-text-en';\nexport const x = EN;\n", file)).toEqual([]);
    expect(await errors("import type { AppRouter } from '../core/router';\nexport type X = AppRouter;\n", file)).toEqual([]);
  });

  it('the core imports no Electron', async () => {
    expect(await errors("import { app } from 'electron';\nexport const x = app;\n", 'src-main/core/customers/probe.ts')).toEqual([
      expect.stringMatching(/runs in plain Node too/),
    ]);
  });
});

describe('type safety', () => {
  it('an explicit any is an error everywhere', async () => {
    for (const file of ['src-main/core/customers/probe.ts', 'src-renderer/src/pages/probe.tsx', 'tests/core/probe.test.ts']) {
      expect(await errors('export function f(x: any) {\n  return x;\n}\n', file), file).toEqual([expect.stringMatching(/Unexpected any/)]);
    }
  });
});
