// `npm run eval -- sentiment --model PATH`: measures a local GGUF model on labelled texts the way
// the app runs it: the model job's own call (askModel: its shared system prompt, JSON-schema
// grammar and answer check) through the core's LLM runtime (the model host process), several
// sequences in parallel. Same measures as the analyzer's, with the analyzer's one threshold on
// the model's score. An answer the model got wrong in form (cut off, off the schema) counts as a
// wrong answer, so a model cannot score well by failing on the hard rows.
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isPositive } from '../../../src-main/core/sentiment/analyzer';
import { answerToSentiment, askModel, modelJobInput } from '../../../src-main/core/sentiment/model-job';
import { LlmRuntime } from '../../../src-main/core/llm/runtime';
import type { BenchResult } from '../../bench/lib/report';
import { formatTable, type Cell } from '../../bench/lib/table';
import { readLabelledFile, type LabelledRow } from './labelled-file';
import { binaryScores, pearson } from './metrics';

/** Items per call to the model: progress is reported between calls. */
const CHUNK = 32;

export interface ModelEvalSet {
  name: string;
  file: string;
  textCol?: string;
  labelCol?: string;
  vaderR?: number;
}

export interface ModelMeasure {
  n: number;
  binaryN: number;
  accuracy: number;
  macroF1: number;
  /** Over the rows the model answered. */
  r: number | null;
  answered: number;
  failed: number;
  msgsPerSec: number;
}

/** The job's default and bounds for parallel sequences. */
export const parseParallel = (value: string | undefined): number => {
  const parsed = modelJobInput.shape.parallel.safeParse(value === undefined ? undefined : Number(value));
  if (!parsed.success) throw new Error(`--parallel must be a whole number from 1 to 8 (as the model job allows), got "${value}"`);
  return parsed.data;
};

/** `limit` rows spread evenly over the file (labelled files are often sorted by label), in file order. */
export function spreadSample<T>(rows: T[], limit: number): T[] {
  if (limit <= 0 || limit >= rows.length) return rows;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor((i * rows.length) / limit)]);
}

/** Accuracy and macro-F1 at isPositive's threshold (a missing answer counted wrong), r where the file has human scores. */
export function measureModel(rows: LabelledRow[], scores: (number | null)[], numeric: boolean, secs: number): ModelMeasure {
  const binary = rows.flatMap((row, i) => (row.positive === null ? [] : [{ truth: row.positive, score: scores[i] }]));
  const b = binaryScores(
    binary.map((x) => x.truth),
    binary.map((x) => (x.score === null ? !x.truth : isPositive({ score: x.score }))),
  );
  const answered = rows.flatMap((row, i) => {
    const s = scores[i];
    return s === null ? [] : [{ human: row.human ?? 0, score: s }];
  });
  return {
    n: rows.length,
    binaryN: b.n,
    accuracy: b.accuracy,
    macroF1: b.macroF1,
    r: numeric ? pearson(answered.map((x) => x.score), answered.map((x) => x.human)) : null,
    answered: answered.length,
    failed: rows.length - answered.length,
    msgsPerSec: rows.length / Math.max(secs, 1e-9),
  };
}

/** The model's score for each row (null where it did not answer in form), and the seconds the model took. */
async function scoreWithModel(rt: LlmRuntime, rows: LabelledRow[], parallel: number, log: (m: string) => void): Promise<{ scores: (number | null)[]; secs: number }> {
  const scores: (number | null)[] = [];
  let secs = 0;
  for (let at = 0; at < rows.length; at += CHUNK) {
    const texts = rows.slice(at, at + CHUNK).map((r) => r.text);
    const t0 = performance.now();
    const out = await askModel(rt, texts, { parallel });
    secs += (performance.now() - t0) / 1000;
    if (out.aborted) throw new Error('The model run was stopped.');
    for (const a of out.answers) scores.push(a ? answerToSentiment(a).score : null);
    log(`  ${scores.length}/${rows.length}`);
  }
  return { scores, secs };
}

const fix = (x: number | null, d = 3) => (x === null || Number.isNaN(x) ? null : Number(x.toFixed(d)));

/**
 * Loads the model once, measures each set (each limited to `limit` rows spread over the file when
 * `limit` > 0), prints the table and returns the result for the JSON line.
 */
export async function evalModel(opts: { model: string; sets: ModelEvalSet[]; parallel: number; limit: number; limitNote?: string; gpu: 'auto' | false; log: (m: string) => void }): Promise<BenchResult> {
  const { sets, parallel, limit, log } = opts;
  // One sequence more than the parallel work, as the app keeps one free for interactive use.
  const rt = new LlmRuntime({ sequences: parallel + 1, gpu: opts.gpu });
  const model = basename(opts.model);
  const measured: { set: ModelEvalSet; m: ModelMeasure }[] = [];
  try {
    const info = await rt.load(opts.model);
    log(`model ${model}: ${info.gpu ? `${info.gpu}, ${info.gpuLayers}/${info.totalLayers} layers on the GPU` : 'CPU'}, ${info.sequences} sequences, ${parallel} in parallel`);
    for (const set of sets) {
      const f = readLabelledFile(set.file, set.textCol, set.labelCol);
      const rows = spreadSample(f.rows, limit);
      log(`${set.name}: ${rows.length} of ${f.rows.length} rows…`);
      const { scores, secs } = await scoreWithModel(rt, rows, parallel, log);
      measured.push({ set, m: measureModel(rows, scores, f.numeric, secs) });
    }
  } finally {
    await rt.close();
  }

  const withVader = sets.some((s) => s.vaderR !== undefined);
  const header = ['set', 'n', 'answered', 'failed', 'binary n', 'accuracy', 'macro-F1', 'r', ...(withVader ? ['VADER r'] : []), 'msgs/s'];
  const rows: Cell[][] = measured.map(({ set, m }) => [
    set.name,
    m.n,
    m.answered,
    m.failed,
    m.binaryN,
    fix(m.accuracy),
    fix(m.macroF1),
    fix(m.r),
    ...(withVader ? [set.vaderR ?? null] : []),
    fix(m.msgsPerSec, 2),
  ]);
  const note = `model ${model}, ${parallel} parallel sequences${limit > 0 ? `, at most ${limit} rows per set, spread over each file${opts.limitNote ? ` (${opts.limitNote})` : ''}` : ''}; a malformed answer counts as wrong`;
  process.stdout.write(`${formatTable(header, rows)}\n${note}\n`);

  const totalRows = measured.reduce((a, x) => a + x.m.n, 0);
  const binaryN = measured.reduce((a, x) => a + x.m.binaryN, 0);
  const totalSecs = measured.reduce((a, x) => a + x.m.n / x.m.msgsPerSec, 0);
  const result: BenchResult = {
    n: totalRows,
    accuracy: fix(measured.reduce((a, x) => a + x.m.accuracy * x.m.binaryN, 0) / binaryN) ?? 'NaN',
    macro_f1: fix(measured.reduce((a, x) => a + x.m.macroF1 * x.m.binaryN, 0) / binaryN) ?? 'NaN',
  };
  const single = measured.length === 1 ? measured[0].m : null;
  if (single?.r != null) result.r = fix(single.r) ?? 'NaN';
  Object.assign(result, {
    model,
    parallel,
    msgs_per_s: fix(totalRows / Math.max(totalSecs, 1e-9), 2) ?? 'NaN',
    failed: measured.reduce((a, x) => a + x.m.failed, 0),
    ...(limit > 0 ? { limit } : {}),
  });
  if (!single) {
    for (const { set, m } of measured) {
      const key = set.name.replace(/-/g, '_');
      result[`${key}_accuracy`] = fix(m.accuracy) ?? 'NaN';
      result[`${key}_macro_f1`] = fix(m.macroF1) ?? 'NaN';
      if (m.r !== null) result[`${key}_r`] = fix(m.r) ?? 'NaN';
    }
  }
  return result;
}
