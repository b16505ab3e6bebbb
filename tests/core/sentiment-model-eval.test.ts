// `npm run eval -- sentiment --model PATH`: the measures it reports for a model (a malformed answer
// counted wrong, r over what was answered, a limited run sampling the whole file) and the command
// itself end to end with the tiny GGUF really loaded: a table, then the JSON line last.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabelledRow } from '../eval/lib/labelled-file';
import { measureModel, parseParallel, spreadSample } from '../eval/lib/model-sentiment';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { tempDir } from './temp-core';

const row = (positive: boolean | null, human: number | null = null): LabelledRow => ({ text: 't', positive, human });

describe('what the model eval measures', () => {
  it('counts an answer the model did not give as wrong, and leaves it out of r', () => {
    const rows = [row(true, 2), row(false, -2), row(true, 1), row(false, -1)];
    const all = measureModel(rows, [0.8, -0.6, 0.3, -0.2], true, 1);
    expect(all).toMatchObject({ n: 4, binaryN: 4, accuracy: 1, answered: 4, failed: 0 });
    const oneMissing = measureModel(rows, [0.8, -0.6, null, -0.2], true, 1);
    expect(oneMissing).toMatchObject({ n: 4, binaryN: 4, accuracy: 0.75, answered: 3, failed: 1 });
    expect(oneMissing.macroF1).toBeLessThan(1);
    expect(oneMissing.r).toBeGreaterThan(0.9);
    expect(oneMissing.msgsPerSec).toBe(4);
  });

  it('decides at the analyzer’s threshold: a score of 0 is positive', () => {
    expect(measureModel([row(true), row(false)], [0, -0.1], false, 1)).toMatchObject({ accuracy: 1, r: null });
  });

  it('leaves rows at the middle of a numeric scale out of the binary measures', () => {
    expect(measureModel([row(true, 3), row(null, 0), row(false, -3)], [0.5, 0.9, -0.5], true, 1)).toMatchObject({ n: 3, binaryN: 2, accuracy: 1 });
  });

  it('samples a limited run over the whole file, so a file sorted by label gives both labels', () => {
    const sorted = [...Array.from({ length: 600 }, () => row(true)), ...Array.from({ length: 400 }, () => row(false))];
    const sample = spreadSample(sorted, 200);
    expect(sample).toHaveLength(200);
    expect(sample.filter((r) => r.positive === false)).toHaveLength(80);
    expect(spreadSample(sorted, 0)).toBe(sorted);
    expect(spreadSample(sorted, 5000)).toBe(sorted);
  });

  it('takes the model job’s bounds for --parallel', () => {
    expect(parseParallel(undefined)).toBe(4);
    expect(parseParallel('2')).toBe(2);
    for (const bad of ['0', '9', '1.5', 'many']) expect(() => parseParallel(bad)).toThrow(/--parallel/);
  });
});

describe('npm run eval -- sentiment --model', () => {
  const dir = tempDir('patron-eval-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const evalCommand = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'tests', 'eval', 'run.ts'), 'sentiment', ...args], { encoding: 'utf8', env: { ...process.env, PATRON_LLM_GPU: 'cpu' } });
    const lines = r.stdout.trim().split('\n');
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: JSON.parse(lines[lines.length - 1]) as Record<string, unknown> };
  };

  it('runs a real GGUF over a labelled file through the model job’s prompt and prints the table and the JSON line', () => {
    const file = join(dir, 'small.csv');
    writeFileSync(
      file,
      ['review,label', '"The tea is lovely, thank you!",1', '"Terrible, the parcel arrived broken and late.",0', '质量很好，物流也快,1', '客服态度很差，退款一直没到账。,0', '味道不错，下次还会再来,1'].join('\n'),
    );
    const model = tinyGgufPath();
    const r = evalCommand(['--model', model, '--file', file, '--parallel', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/answered\s+failed\s+binary n\s+accuracy\s+macro-F1/);
    expect(r.stdout).toContain('a malformed answer counts as wrong');
    expect(r.json).toMatchObject({ eval: 'sentiment', n: 5, model: basename(model), parallel: 2 });
    expect(r.json.accuracy).toBeGreaterThanOrEqual(0);
    expect(r.json.accuracy).toBeLessThanOrEqual(1);
    expect(r.json.msgs_per_s).toBeGreaterThan(0);
    expect(r.json).toHaveProperty('macro_f1');
    expect(r.json).not.toHaveProperty('r');
  }, 120_000);

  it('reports r for a file of numeric human scores, and --limit cuts the rows', () => {
    const file = join(dir, 'scored.tsv');
    writeFileSync(file, ['1\t2.5\tI love this tea', '2\t-3.1\tWorst order ever', '3\t1.2\tNice box', '4\t-1.8\tA bit slow', '5\t0.9\tOkay'].join('\n'));
    const r = evalCommand(['--model', tinyGgufPath(), '--file', file, '--limit', '4', '--parallel', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ n: 4, parallel: 1, limit: 4 });
    expect(r.json).toHaveProperty('r');
  }, 120_000);

  it('refuses a --parallel the model job would not take, before loading anything', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'tests', 'eval', 'run.ts'), 'sentiment', '--model', tinyGgufPath(), '--file', 'x.csv', '--parallel', '9'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--parallel must be a whole number from 1 to 8');
  });
});
