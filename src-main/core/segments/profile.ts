// Each cluster's profile: how big it is, the revenue it brings, each feature's mean against the
// whole base (natural units, and z: the distance in base standard deviations on the standardised
// scale the clustering used) and the categories it buys most against the base. This is all the
// model is told when it names a cluster (name-job.ts), and what the rule-based names read.
import type { Facts } from './facts';
import type { FeatureKey } from './features';

export interface FeatureProfile {
  key: FeatureKey;
  mean: number;
  baseMean: number;
  z: number;
}

export interface ClusterProfile {
  features: FeatureProfile[];
  topCategories: { category: string; share: number; baseShare: number }[];
}

export interface ClusterSummary {
  /** 0-based label of the fit. */
  label: number;
  size: number;
  revenueCents: number;
  profile: ClusterProfile;
}

/** How many of a cluster's categories its profile lists. */
const TOP = 3;

/** Profiles of the k clusters of `labels`, in label order. */
export function profiles(f: Facts, keys: FeatureKey[], x: Float64Array, natural: Float64Array, labels: Int32Array, k: number): ClusterSummary[] {
  const d = keys.length;
  const c = f.categories.length;
  const size = new Float64Array(k);
  const revenue = new Float64Array(k);
  const zSum = new Float64Array(k * d);
  const natSum = new Float64Array(k * d);
  const baseNat = new Float64Array(d);
  const catSpend = new Float64Array(k * c);
  const lineSpend = new Float64Array(k);
  for (let i = 0; i < f.n; i++) {
    const l = labels[i];
    size[l]++;
    revenue[l] += f.spend[i];
    lineSpend[l] += f.lineSpend[i];
    for (let j = 0; j < d; j++) {
      zSum[l * d + j] += x[i * d + j];
      natSum[l * d + j] += natural[i * d + j];
      baseNat[j] += natural[i * d + j];
    }
    for (let j = 0; j < c; j++) catSpend[l * c + j] += f.catSpend[i * c + j];
  }
  const out: ClusterSummary[] = [];
  for (let l = 0; l < k; l++) {
    const s = size[l] || 1;
    const features = keys.map((key, j) => ({ key, mean: natSum[l * d + j] / s, baseMean: f.n ? baseNat[j] / f.n : 0, z: zSum[l * d + j] / s }));
    const topCategories = f.categories
      .map((category, j) => ({ category, share: lineSpend[l] > 0 ? catSpend[l * c + j] / lineSpend[l] : 0, baseShare: f.baseLineSpend > 0 ? f.baseCatSpend[j] / f.baseLineSpend : 0 }))
      .filter((t) => t.share > 0)
      .sort((a, b) => b.share - a.share)
      .slice(0, TOP);
    out.push({ label: l, size: size[l], revenueCents: Math.round(revenue[l]), profile: { features, topCategories } });
  }
  return out;
}
