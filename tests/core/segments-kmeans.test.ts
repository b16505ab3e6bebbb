// k-means and the choice of k on generated Gaussian blobs: well-separated blobs give back their
// number by the silhouette, every blob lands in one cluster, and the same seed gives the same fit.
import { describe, expect, it } from 'vitest';
import { chooseK, meanSilhouette } from '../../src-main/core/segments/choose-k';
import { kmeans } from '../../src-main/core/segments/kmeans';
import { Rng } from '../../src-main/core/sample/random';

/** n points around each centre (d dims), standard deviation sd, shuffled; the blob of each point. */
function blobs(centres: number[][], n: number, sd: number, seed: number) {
  const rng = new Rng(seed);
  const d = centres[0].length;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()); // Box–Muller
  const total = centres.length * n;
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const x = new Float64Array(total * d);
  const truth = new Int32Array(total);
  order.forEach((p, row) => {
    const b = Math.floor(p / n);
    truth[row] = b;
    for (let j = 0; j < d; j++) x[row * d + j] = centres[b][j] + sd * gauss();
  });
  return { x, truth, n: total, d };
}

/** Whether the clustering puts each blob in a cluster of its own (a perfect match up to renaming). */
function recovers(labels: Int32Array, truth: Int32Array): boolean {
  const map = new Map<number, number>();
  const back = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    if ((map.get(truth[i]) ?? labels[i]) !== labels[i] || (back.get(labels[i]) ?? truth[i]) !== truth[i]) return false;
    map.set(truth[i], labels[i]);
    back.set(labels[i], truth[i]);
  }
  return true;
}

describe('choosing k', () => {
  it('finds 4 well-separated blobs', () => {
    const { x, truth, n, d } = blobs([[0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10]], 500, 1, 1);
    const choice = chooseK(x, n, d, { seed: 7 });
    expect(choice.k).toBe(4);
    expect(choice.reason).toEqual({ code: 'best_silhouette', params: { k: 4, silhouette: choice.scores.find((s) => s.k === 4)?.silhouette } });
    expect(choice.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(recovers(choice.fit?.labels as Int32Array, truth)).toBe(true);
  });

  it('finds 3 blobs in five dimensions, fitting candidates on a sample', () => {
    const { x, truth, n, d } = blobs([[0, 0, 0, 0, 0], [6, 6, 0, 0, 0], [0, 6, 6, 6, 0]], 3000, 1, 2);
    const choice = chooseK(x, n, d, { seed: 3, fitSample: 2000, scoreSample: 500 });
    expect(choice.k).toBe(3);
    expect(choice.sampled).toBe(2000);
    // The final fit is on everyone.
    expect(choice.fit?.labels.length).toBe(9000);
    expect(recovers(choice.fit?.labels as Int32Array, truth)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const { x, n, d } = blobs([[0, 0], [4, 0], [0, 4], [4, 4], [2, 2]], 300, 1.2, 3);
    const a = chooseK(x, n, d, { seed: 11 });
    const b = chooseK(x, n, d, { seed: 11 });
    expect(b.k).toBe(a.k);
    expect(b.scores).toEqual(a.scores);
    expect(Array.from(b.fit?.labels ?? [])).toEqual(Array.from(a.fit?.labels ?? []));
    expect(Array.from(b.fit?.centroids ?? [])).toEqual(Array.from(a.fit?.centroids ?? []));
    const c = kmeans(x, n, d, 5, 11);
    expect(Array.from(kmeans(x, n, d, 5, 11).labels)).toEqual(Array.from(c.labels));
  });

  it('says when there are too few customers to cluster', () => {
    const { x, n, d } = blobs([[0, 0]], 10, 1, 4);
    expect(chooseK(x, n, d, { seed: 1 })).toMatchObject({ k: 0, fit: null, reason: { code: 'too_few_customers', params: { customers: 10, min: 20 } } });
  });

  it('computes the silhouette as Rousseeuw defines it', () => {
    // Two points at 0 and 1 (cluster 0) and one at 5 (cluster 1): a(0) = 1, b(0) = 5 → s = 0.8; a(1) = 1, b(1) = 4 → s = 0.75; s(5) = 0 (alone).
    const pts = [0, 1, 5];
    const dist = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) dist[i * 3 + j] = Math.abs(pts[i] - pts[j]);
    expect(meanSilhouette(dist, 3, Int32Array.from([0, 0, 1]), 2)).toBeCloseTo((0.8 + 0.75) / 3, 10);
  });
});
