// The labelled Chinese sets the shipped weights are learned from, and the fit itself, shared by
// the learning command and the eval's cross-validation so both learn the same way.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAnalyzer, type Analyzer } from '../../../src-main/core/sentiment/analyzer';
import { learnValences, trainingDocs, type TrainingDoc } from '../../../src-main/core/sentiment/learn-valences';
import { loadLexicons, sentimentDir, type Lexicons } from '../../../src-main/core/sentiment/lexicons';
import { readLabelledFile, type LabelledRow } from './labelled-file';
import { labelledSets } from './reference-data';

export interface TrainingSet {
  name: string;
  file: string;
  sha256: string;
  /** Every labelled row of the file, as the eval reads it. */
  rows: LabelledRow[];
  /** Row by row: the training document (null for a row without a side). */
  docs: (TrainingDoc | null)[];
}

export const fileSha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The lexicons without learned weights: what learning starts from. */
export function priorLexicons(): { analyzer: Analyzer; lex: Lexicons } {
  const lex = loadLexicons(sentimentDir(), new Map());
  return { analyzer: createAnalyzer(lex), lex };
}

/** The Chinese labelled sets of the reference data, as training documents. */
export function trainingSets(dataDir: string, analyzer: Analyzer): TrainingSet[] {
  return labelledSets(dataDir)
    .filter((s) => s.language === 'zh')
    .map((s) => {
      const { rows } = readLabelledFile(s.file, s.textCol, s.labelCol);
      const docs = trainingDocs(analyzer, rows.map((r) => ({ text: r.text, positive: r.positive === true, set: s.name })));
      return { name: s.name, file: s.file, sha256: fileSha256(s.file), rows, docs: docs.map((d, i) => (rows[i].positive === null ? null : d)) };
    });
}

/** Learns the Chinese valences from the sets (all rows, or those `keep` lets through). */
export function learnFrom(sets: TrainingSet[], lex: Lexicons, keep: (set: TrainingSet, i: number) => boolean = () => true): Map<string, number> {
  const docs = sets.flatMap((s) => s.docs.filter((d, i): d is TrainingDoc => d !== null && keep(s, i)));
  return learnValences(lex.zhHand, docs);
}
