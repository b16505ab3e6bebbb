// Minimises a function of a few unbounded parameters (the fits work on log-parameters, so every
// value is allowed) with fmin's Nelder–Mead, restarted from its own best point until a restart no
// longer improves: a single Nelder–Mead run can stall on a flat ridge (Nelder & Mead 1965;
// restarting is the remedy Press et al., Numerical Recipes §10.5, recommend).
import { nelderMead } from 'fmin';

export interface Minimum {
  x: number[];
  fx: number;
  /** false when the restarts ran out while still improving, or the value is not finite. */
  converged: boolean;
  restarts: number;
}

export interface MinimiseOptions {
  /** Most restarts; each is one Nelder–Mead run from the best point so far. */
  maxRestarts?: number;
  /** A restart that improves fx by less than this (relative) ends the search. */
  tolerance?: number;
  maxIterations?: number;
}

export function minimise(f: (x: number[]) => number, x0: number[], options: MinimiseOptions = {}): Minimum {
  const maxRestarts = options.maxRestarts ?? 20;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 400 * x0.length;
  // A non-finite value (overflow far from the optimum) must lose to any finite one.
  const safe = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  let best = { x: x0.slice(), fx: safe(x0) };
  for (let restart = 1; restart <= maxRestarts; restart++) {
    // A simplex 10% wide around the current best (fmin's default is 5%, or 0.001 at zero).
    const next = nelderMead(safe, best.x.slice(), {
      maxIterations,
      nonZeroDelta: 1.1,
      zeroDelta: 0.1,
      minErrorDelta: 1e-12,
      minTolerance: 1e-10,
    });
    const improved = best.fx - next.fx;
    if (next.fx < best.fx) best = { x: next.x.slice(), fx: next.fx };
    if (improved <= tolerance * Math.max(1, Math.abs(best.fx))) {
      return { ...best, converged: Number.isFinite(f(best.x)), restarts: restart };
    }
  }
  return { ...best, converged: false, restarts: maxRestarts };
}
