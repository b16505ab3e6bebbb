// Measures the analyzer on labelled texts: binary accuracy and macro-F1 with the analyzer's one
// fixed threshold (isPositive), and Pearson's r with human scores where the file has them. A set
// the shipped weights were learned from is measured by 5-fold cross-validation: each fifth is
// scored by weights learned without it (and with every other training set).
import { createAnalyzer, isPositive, type Analyzer } from '../../../src-main/core/sentiment/analyzer';
import { loadLexicons, sentimentDir, type Lexicons } from '../../../src-main/core/sentiment/lexicons';
import type { LabelledRow } from './labelled-file';
import { binaryScores, pearson } from './metrics';
import { learnFrom, type TrainingSet } from './training-sets';

export const FOLDS = 5;

export interface SentimentMeasure {
  n: number;
  binaryN: number;
  accuracy: number;
  macroF1: number;
  r: number | null;
  msgsPerSec: number;
  method: 'held-out' | 'cross-validation';
}

export function measure(rows: LabelledRow[], scores: number[], numeric: boolean, secs: number, method: SentimentMeasure['method']): SentimentMeasure {
  const binary = rows.map((r, i) => ({ truth: r.positive, score: scores[i] })).filter((x) => x.truth !== null);
  const b = binaryScores(
    binary.map((x) => x.truth === true),
    binary.map((x) => isPositive({ score: x.score })),
  );
  return {
    n: rows.length,
    binaryN: b.n,
    accuracy: b.accuracy,
    macroF1: b.macroF1,
    r: numeric ? pearson(scores, rows.map((r) => r.human ?? 0)) : null,
    msgsPerSec: rows.length / Math.max(secs, 1e-9),
    method,
  };
}

/** Scores with the shipped analyzer. */
export function scoreHeldOut(analyzer: Analyzer, rows: LabelledRow[]): { scores: number[]; secs: number } {
  const t0 = performance.now();
  const scores = rows.map((r) => analyzer.analyze(r.text).score);
  return { scores, secs: (performance.now() - t0) / 1000 };
}

/** Cross-validation over a training set: fold k holds rows i with i % FOLDS === k. */
export function scoreCrossValidated(target: TrainingSet, all: TrainingSet[], prior: Lexicons, log: (m: string) => void): { scores: number[]; secs: number } {
  const scores = new Array<number>(target.docs.length).fill(0);
  let secs = 0;
  for (let k = 0; k < FOLDS; k++) {
    const learned = learnFrom(all, prior, (s, i) => s !== target || i % FOLDS !== k);
    const analyzer = createAnalyzer(loadLexicons(sentimentDir(), learned));
    const t0 = performance.now();
    target.rows.forEach((row, i) => {
      if (i % FOLDS === k) scores[i] = analyzer.analyze(row.text).score;
    });
    secs += (performance.now() - t0) / 1000;
    log(`  ${target.name}: fold ${k + 1}/${FOLDS} done`);
  }
  return { scores, secs };
}
