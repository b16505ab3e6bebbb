// Learns the Chinese word valences (resources/sentiment/zh-learned.tsv) from labelled reviews:
// L2-regularised logistic regression whose features are the analyzer's own view of each word
// (its count, turned by negation, moved by intensifiers, weighed by contrast: Analyzer.features),
// so a learned weight means in the analyzer what it meant in training. The regularisation pulls
// each weight towards the hand-written valence (zh-lexicon.tsv) rather than to zero: the hand list
// is the prior, the reviews move it. (English is not learned: the rated English corpora are
// tweets, film snippets and editorials, and what they teach beyond VADER is mostly their topics,
// e.g. "customer" and "warranty" came out negative; see resources/sentiment/SOURCES.md.) Classes are balanced within each set, so a word is not
// rated by how often its domain complains (waimai is two-thirds negative, hotels one-third).
import type { Analyzer } from './analyzer';

export interface LabelledText {
  text: string;
  positive: boolean;
  /** Which labelled set the text came from (classes are balanced per set). */
  set: string;
}

/** A labelled text as the learning sees it (Analyzer.features), computed once for many fits. */
export interface TrainingDoc {
  positive: boolean;
  set: string;
  features: { words: string[]; factors: number[]; offset: number };
}

export const trainingDocs = (analyzer: Analyzer, texts: LabelledText[]): TrainingDoc[] =>
  texts.map((t) => ({ positive: t.positive, set: t.set, features: analyzer.features(t.text) }));

export interface LearnOptions {
  /** A word must occur in at least this many training texts. */
  minDocs?: number;
  /** L2 strength towards the prior (0 for a word the hand list does not rate). */
  l2?: number;
  /** L2 strength for a word the hand list rates: the reviews move a considered valence less. */
  l2Hand?: number;
  iterations?: number;
}

/** VADER valence units per logit: the scale learned weights are stored in. */
export const VALENCE_PER_LOGIT = 1.6;
export const LEARN_DEFAULTS: Required<LearnOptions> = { minDocs: 3, l2: 5, l2Hand: 30, iterations: 250 };

export function learnValences(hand: Map<string, number>, docs: TrainingDoc[], options: LearnOptions = {}): Map<string, number> {
  const { minDocs, l2, l2Hand, iterations } = { ...LEARN_DEFAULTS, ...options };
  const feats = docs.map((d) => d.features);
  const docCount = new Map<string, number>();
  for (const f of feats) for (const w of new Set(f.words)) docCount.set(w, (docCount.get(w) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [w, c] of docCount) if (c >= minDocs || hand.has(w)) vocab.set(w, vocab.size);
  const words = [...vocab.keys()];
  const prior = Float64Array.from(words, (w) => (hand.get(w) ?? 0) / VALENCE_PER_LOGIT);

  // Sparse rows: feature index and summed factor per document.
  const rows = feats.map((f) => {
    const acc = new Map<number, number>();
    f.words.forEach((w, k) => {
      const j = vocab.get(w);
      if (j !== undefined) acc.set(j, (acc.get(j) ?? 0) + f.factors[k]);
    });
    return { idx: Int32Array.from(acc.keys()), val: Float64Array.from(acc.values()), offset: f.offset / VALENCE_PER_LOGIT };
  });
  const y = Float64Array.from(docs, (d) => (d.positive ? 1 : 0));
  const weight = classBalance(docs);

  // Full-batch Adam (Kingma & Ba 2015): deterministic, and fast enough for tens of thousands of reviews.
  const w = Float64Array.from(prior);
  const m = new Float64Array(w.length);
  const v = new Float64Array(w.length);
  const grad = new Float64Array(w.length);
  const lr = 0.05;
  for (let it = 1; it <= iterations; it++) {
    for (let j = 0; j < w.length; j++) grad[j] = (hand.has(words[j]) ? l2Hand : l2) * (w[j] - prior[j]);
    for (let d = 0; d < rows.length; d++) {
      const r = rows[d];
      let z = r.offset;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]] * r.val[k];
      const g = weight[d] * (1 / (1 + Math.exp(-z)) - y[d]);
      for (let k = 0; k < r.idx.length; k++) grad[r.idx[k]] += g * r.val[k];
    }
    const b1 = 1 - 0.9 ** it;
    const b2 = 1 - 0.999 ** it;
    for (let j = 0; j < w.length; j++) {
      m[j] = 0.9 * m[j] + 0.1 * grad[j];
      v[j] = 0.999 * v[j] + 0.001 * grad[j] * grad[j];
      w[j] -= (lr * (m[j] / b1)) / (Math.sqrt(v[j] / b2) + 1e-8);
    }
  }
  const out = new Map<string, number>();
  words.forEach((word, j) => out.set(word, Math.round(w[j] * VALENCE_PER_LOGIT * 1000) / 1000));
  return out;
}

/**
 * Per-document weights that give every set, and within it the positive and the negative texts,
 * an equal say (a small set counts as much as a large one).
 */
function classBalance(docs: TrainingDoc[]): Float64Array {
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(`${d.set}:${d.positive}`, (counts.get(`${d.set}:${d.positive}`) ?? 0) + 1);
  const sets = new Set(docs.map((d) => d.set)).size;
  return Float64Array.from(docs, (d) => docs.length / (2 * sets * (counts.get(`${d.set}:${d.positive}`) ?? 1)));
}
