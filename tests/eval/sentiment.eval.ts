// `npm run eval -- sentiment [--file F --text-col C --label-col L] [--limit N]`
// `npm run eval -- sentiment --model PATH [--file F ...] [--parallel N] [--limit N] [--cpu]`: the same
// measures for a local GGUF model through the model job's own prompt and grammar (lib/model-sentiment.ts).
// Without --file: every labelled set in the reference data, with VADER's published correlations
// beside ours. A file the Chinese weights were learned from is measured by cross-validation.
import { createAnalyzer } from '../../src-main/core/sentiment/analyzer';
import { loadLexicons } from '../../src-main/core/sentiment/lexicons';
import { log, parseArgs, type BenchResult } from '../bench/lib/report';
import { formatTable } from '../bench/lib/table';
import { readLabelledFile } from './lib/labelled-file';
import { evalModel, parseParallel, spreadSample } from './lib/model-sentiment';
import { labelledSets, referenceDataDir } from './lib/reference-data';
import { FOLDS, measure, scoreCrossValidated, scoreHeldOut, type SentimentMeasure } from './lib/sentiment-eval';
import { fileSha256, priorLexicons, trainingSets as readTrainingSets, type TrainingSet } from './lib/training-sets';

const fix = (x: number | null, d = 3) => (x === null || Number.isNaN(x) ? null : Number(x.toFixed(d)));

/** Rows per set a model is measured on when no --file and no --limit are given. */
const MODEL_DEFAULT_LIMIT = 200;

function modelSets() {
  const dir = referenceDataDir();
  if (!dir) throw new Error('No --file given and the reference data (../shared/data or PATRON_REFERENCE_DATA) is not here.');
  return labelledSets(dir);
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  const file = flags.get('file');
  const str = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined);
  for (const k of ['file', 'model', 'text-col', 'label-col', 'limit', 'parallel']) {
    if (flags.get(k) === true) throw new Error(`--${k} needs a value`);
  }
  const limitFlag = str('limit');
  if (limitFlag !== undefined && !(Number.isInteger(Number(limitFlag)) && Number(limitFlag) > 0)) throw new Error(`--limit must be a positive whole number, got "${limitFlag}"`);
  const model = str('model');
  if (model) {
    // A model answers a few messages a second: without --file, 200 rows of each set unless told.
    const sets = typeof file === 'string' ? [{ name: file, file, textCol: str('text-col'), labelCol: str('label-col') }] : modelSets();
    const limit = Number(limitFlag ?? (typeof file === 'string' ? 0 : MODEL_DEFAULT_LIMIT));
    const limitNote = limitFlag === undefined && typeof file !== 'string' ? `the default with --model; --limit N to change` : undefined;
    return evalModel({ model, sets, parallel: parseParallel(str('parallel')), limit, limitNote, gpu: flags.get('cpu') ? false : 'auto', log });
  }
  const shipped = createAnalyzer(loadLexicons());
  const dataDir = referenceDataDir();
  let training: TrainingSet[] | null = null;
  const trainingSets = () => {
    if (!dataDir) return [];
    training ??= readTrainingSets(dataDir, priorLexicons().analyzer);
    return training;
  };
  const evalOne = (path: string, textCol?: string, labelCol?: string): SentimentMeasure => {
    const f = readLabelledFile(path, textCol, labelCol);
    const limit = Number(str('limit') ?? 0);
    // Labelled files are often sorted by label: a limit takes rows spread over the whole file.
    const pick = <T>(all: T[]) => (limit > 0 ? spreadSample(all, limit) : all);
    const rows = pick(f.rows);
    const sha = fileSha256(path);
    const learnedFrom = dataDir ? trainingSets().find((s) => s.sha256 === sha) : undefined;
    if (learnedFrom) {
      // Never scored by weights learned from the same rows, a limit or not.
      log(`${path}: the shipped weights were learned from this file; measuring by ${FOLDS}-fold cross-validation`);
      const { scores, secs } = scoreCrossValidated(learnedFrom, trainingSets(), priorLexicons().lex, log);
      const kept = pick(learnedFrom.rows.map((row, i) => ({ row, score: scores[i] })));
      return measure(kept.map((k) => k.row), kept.map((k) => k.score), f.numeric, (secs * kept.length) / learnedFrom.rows.length, 'cross-validation');
    }
    const { scores, secs } = scoreHeldOut(shipped, rows);
    return measure(rows, scores, f.numeric, secs, 'held-out');
  };

  if (typeof file === 'string') {
    const m = evalOne(file, str('text-col'), str('label-col'));
    process.stdout.write(
      `${formatTable(['file', 'n', 'binary n', 'accuracy', 'macro-F1', 'r', 'msgs/s', 'method'], [[file, m.n, m.binaryN, fix(m.accuracy), fix(m.macroF1), fix(m.r), Math.round(m.msgsPerSec), m.method]])}\n`,
    );
    return { n: m.n, binary_n: m.binaryN, accuracy: fix(m.accuracy) ?? 'NaN', macro_f1: fix(m.macroF1) ?? 'NaN', ...(m.r === null ? {} : { r: fix(m.r) ?? 'NaN' }), msgs_per_s: Math.round(m.msgsPerSec), method: m.method };
  }
  if (!dataDir) throw new Error('No --file given and the reference data (../shared/data or PATRON_REFERENCE_DATA) is not here.');
  const result: BenchResult = {};
  const table = labelledSets(dataDir).map((s) => {
    log(`${s.name}…`);
    const m = evalOne(s.file, s.textCol, s.labelCol);
    const key = s.name.replace(/-/g, '_');
    result[`${key}_accuracy`] = fix(m.accuracy) ?? 'NaN';
    result[`${key}_macro_f1`] = fix(m.macroF1) ?? 'NaN';
    if (m.r !== null) result[`${key}_r`] = fix(m.r) ?? 'NaN';
    return { s, m };
  });
  process.stdout.write(
    `${formatTable(
      ['set', 'n', 'binary n', 'accuracy', 'macro-F1', 'r', 'VADER r', 'r ≥ VADER', 'msgs/s', 'method'],
      table.map(({ s, m }) => [s.name, m.n, m.binaryN, fix(m.accuracy), fix(m.macroF1), fix(m.r), s.vaderR ?? null, s.vaderR === undefined ? null : (m.r ?? 0) >= s.vaderR, Math.round(m.msgsPerSec), m.method]),
    )}\n`,
  );
  const n = table.reduce((a, x) => a + x.m.binaryN, 0);
  result.n = table.reduce((a, x) => a + x.m.n, 0);
  result.accuracy = fix(table.reduce((a, x) => a + x.m.accuracy * x.m.binaryN, 0) / n) ?? 'NaN';
  result.macro_f1 = fix(table.reduce((a, x) => a + x.m.macroF1 * x.m.binaryN, 0) / n) ?? 'NaN';
  return { n: result.n, accuracy: result.accuracy, macro_f1: result.macro_f1, ...result };
}
