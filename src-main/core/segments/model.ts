// What a run stores besides the customers' rows (segment_runs.thresholds and .model), so a single
// customer's edit is scored and placed on exactly the scale of the run, and screens can explain
// how k was chosen.
import type { RfmCuts } from './rfm';
import type { KChoice } from './choose-k';
import type { FeatureKey, Standardisation } from './features';

export interface RunThresholds {
  /** The cuts as of the run's date. */
  current: RfmCuts;
  /** The cuts one period earlier (prev_segment), and that date. */
  prev: RfmCuts & { asOf: number };
}

export interface RunModel {
  seed: number;
  method: 'silhouette';
  k: number;
  scores: KChoice['scores'];
  reason: KChoice['reason'];
  sampled: number;
  features: FeatureKey[];
  categories: string[];
  std: Standardisation;
  /** k centroids on the standardised scale, in cluster order (idx 1 first). */
  centroids: number[][];
}
