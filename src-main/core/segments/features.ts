// The behavioural features clustering sees, standardised to z-scores so no unit dominates the
// distances: log1p of spend, orders and average order value (money and counts are heavily
// right-skewed; the log keeps a few big spenders from being a cluster of their own), recency and
// tenure in days, and the share of spend on each of the base's top categories. The means and
// standard deviations are stored with the run so one customer is placed later on the same scale.
import type { Facts } from './facts';
import { daysBefore } from './rfm';

export const BASE_FEATURES = ['log_spend', 'orders', 'recency_days', 'aov', 'tenure_days'] as const;
export type BaseFeature = (typeof BASE_FEATURES)[number];
export type FeatureKey = BaseFeature | `cat:${string}`;

export interface Standardisation {
  keys: FeatureKey[];
  mean: number[];
  sd: number[];
}

/** One customer's raw (transformed, unstandardised) features. */
export interface CustomerFeatures {
  spend: number;
  orders: number;
  recencyDays: number;
  tenureDays: number;
  catShare: ArrayLike<number>;
}

export function featureKeys(categories: string[]): FeatureKey[] {
  return [...BASE_FEATURES, ...categories.map((c) => `cat:${c}` as const)];
}

/** Writes one customer's transformed features into out[at..at + d). */
export function transform(c: CustomerFeatures, out: Float64Array, at: number): void {
  const aov = c.orders > 0 ? c.spend / c.orders : 0;
  out[at] = Math.log1p(Math.max(0, c.spend));
  out[at + 1] = Math.log1p(c.orders);
  out[at + 2] = c.recencyDays;
  out[at + 3] = Math.log1p(Math.max(0, aov));
  out[at + 4] = c.tenureDays;
  for (let j = 0; j < c.catShare.length; j++) out[at + 5 + j] = c.catShare[j];
}

/** Natural units of the features for profiles: spend and AOV in cents, orders, days, shares. */
export interface Natural {
  d: number;
  /** n × d. */
  values: Float64Array;
}

/** The transformed matrix, its natural-unit twin and the standardisation; x is standardised in place. */
export function buildFeatures(f: Facts): { x: Float64Array; natural: Float64Array; std: Standardisation; d: number } {
  const keys = featureKeys(f.categories);
  const d = keys.length;
  const k = f.categories.length;
  const x = new Float64Array(f.n * d);
  const natural = new Float64Array(f.n * d);
  const share = new Float64Array(k);
  for (let i = 0; i < f.n; i++) {
    const line = f.lineSpend[i];
    for (let j = 0; j < k; j++) share[j] = line > 0 ? f.catSpend[i * k + j] / line : 0;
    const recencyDays = daysBefore(f.asOf, f.last[i]);
    const tenureDays = daysBefore(f.asOf, f.first[i]);
    transform({ spend: f.spend[i], orders: f.orders[i], recencyDays, tenureDays, catShare: share }, x, i * d);
    const at = i * d;
    natural[at] = f.spend[i];
    natural[at + 1] = f.orders[i];
    natural[at + 2] = recencyDays;
    natural[at + 3] = f.orders[i] > 0 ? f.spend[i] / f.orders[i] : 0;
    natural[at + 4] = tenureDays;
    for (let j = 0; j < k; j++) natural[at + 5 + j] = share[j];
  }
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (let i = 0; i < f.n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] = f.n ? mean[j] / f.n : 0;
  for (let i = 0; i < f.n; i++) for (let j = 0; j < d; j++) sd[j] += (x[i * d + j] - mean[j]) ** 2;
  for (let j = 0; j < d; j++) sd[j] = f.n ? Math.sqrt(sd[j] / f.n) : 0;
  // The category shares share one scale (their pooled standard deviation): each its own would
  // blow up a category 3% of customers buy into a distance as large as spend's, and k-means then
  // spends its clusters on small groups of coffee or snack buyers.
  const base = BASE_FEATURES.length;
  if (d > base) {
    let pooled = 0;
    for (let j = base; j < d; j++) pooled += sd[j] * sd[j];
    const shared = Math.sqrt(pooled / (d - base));
    for (let j = base; j < d; j++) sd[j] = shared;
  }
  // A feature with no spread (one category, everyone the same) divides by 1: it stays 0 for everyone.
  for (let j = 0; j < d; j++) sd[j] = sd[j] || 1;
  for (let i = 0; i < f.n; i++) for (let j = 0; j < d; j++) x[i * d + j] = (x[i * d + j] - mean[j]) / sd[j];
  return { x, natural, std: { keys, mean, sd }, d };
}

/** One customer's standardised features, on a stored run's scale. */
export function standardiseOne(c: CustomerFeatures, std: Standardisation): Float64Array {
  const d = std.keys.length;
  const out = new Float64Array(d);
  transform(c, out, 0);
  for (let j = 0; j < d; j++) out[j] = (out[j] - std.mean[j]) / std.sd[j];
  return out;
}
