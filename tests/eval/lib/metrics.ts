// Binary accuracy, macro-F1 over the two classes, and Pearson's r.

export function binaryScores(truth: boolean[], predicted: boolean[]) {
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  truth.forEach((t, i) => {
    if (t && predicted[i]) tp++;
    else if (!t && !predicted[i]) tn++;
    else if (predicted[i]) fp++;
    else fn++;
  });
  const f1 = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  const n = truth.length;
  return { n, accuracy: n ? (tp + tn) / n : NaN, macroF1: (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2 };
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 2) return NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
