// A seeded simulator of the BG/NBD purchase process (Fader, Hardie & Lee 2005 §2), for checking
// that a fit recovers known parameters and for timing fits on large populations.
import type { BgnbdParams, BgnbdRow } from '../../../src-main/core/predict/bgnbd';

/** mulberry32: a small, fast, seedable uniform generator on (0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1. */
export function gammaVariate(u: () => number, shape: number): number {
  if (shape < 1) return gammaVariate(u, shape + 1) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normal(u);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (Math.log(w) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulateOptions {
  customers: number;
  seed: number;
  /** Longest customer age in days; each customer's first purchase is uniform over it. */
  maxAgeDays: number;
  /** Round purchase times to whole days (as the app's summaries are): t_x and T become days / 7. */
  wholeDays?: boolean;
}

/** Histories (weeks) of `customers` drawn from the BG/NBD process with `params` (λ per week). */
export function simulateBgnbd(params: BgnbdParams, options: SimulateOptions): BgnbdRow[] {
  const u = rng(options.seed);
  const rows: BgnbdRow[] = [];
  for (let i = 0; i < options.customers; i++) {
    const lambda = gammaVariate(u, params.r) / params.alpha;
    const ga = gammaVariate(u, params.a);
    const p = ga / (ga + gammaVariate(u, params.b));
    const ageDays = 1 + Math.floor(u() * options.maxAgeDays);
    const T = ageDays / 7;
    let t = 0;
    let x = 0;
    let tx = 0;
    let lastDay = 0;
    for (;;) {
      t += -Math.log(u()) / lambda;
      if (t > T) break;
      if (options.wholeDays) {
        // A purchase on an already-used day merges with it, as the summaries do.
        const day = Math.min(ageDays, Math.floor(t * 7));
        if (day > lastDay) {
          x++;
          lastDay = day;
          tx = day / 7;
        }
      } else {
        x++;
        tx = t;
      }
      if (u() < p) break;
    }
    rows.push({ x, t_x: tx, T });
  }
  return rows;
}
