// Area under the ROC curve as the Mann–Whitney statistic: the probability that a random positive
// scores above a random negative, ties counting one half (Hanley & McNeil 1982, Radiology 143:29).
// Computed from average ranks in O(n log n).

/** AUC of `scores` for the true `labels`; NaN when either class is empty. */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new Error(`auc: ${scores.length} scores but ${labels.length} labels`);
  const n = scores.length;
  const bad = scores.findIndex((s) => Number.isNaN(s));
  if (bad >= 0) throw new Error(`auc: score ${bad} is not a number`);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[i] - scores[j]);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    // Tied scores share the mean of ranks i+1..j+1.
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]]) {
        rankSumPos += rank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
