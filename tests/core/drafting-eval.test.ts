// `npm run eval -- drafting`, end to end with the tiny GGUF really loaded (the plumbing: a table,
// then the JSON line last with the pass rate of every check), on a small sample shop to stay quick.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_CHECKS } from '../../src-main/shared/drafting';

describe('npm run eval -- drafting', () => {
  it('drafts a fixed set of sample messages through the app and prints each check’s pass rate', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'tests', 'eval', 'run.ts'), 'drafting', '--customers', '300', '--n', '6'], {
      encoding: 'utf8',
      env: { ...process.env, PATRON_LLM_GPU: 'cpu' },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]) as Record<string, number | string>;
    expect(json).toMatchObject({ eval: 'drafting', model: expect.stringMatching(/^tiny-.*\.gguf$/), n: expect.any(Number), pass_rate: expect.any(Number) });
    expect(json.n).toBeGreaterThanOrEqual(3);
    for (const check of DRAFT_CHECKS) expect(json[check], check).toBeGreaterThanOrEqual(0);
    // The tiny model writes English words, so Chinese drafts fail the language check: the rates are real.
    expect(json.language).toBeLessThan(1);
    expect(r.stdout).toMatch(/check\s+pass rate/);
    expect(r.stdout).toMatch(/\bzh\b.*language/);
  }, 240_000);
});
