// Special functions the customer-base models need: log-gamma (from @stdlib), log-beta, digamma
// (for the analytic gradients) and the Gauss hypergeometric 2F1 by its power series (for BG/NBD's
// expected purchases, Fader, Hardie & Lee 2005 eq. 7 and 10).
import gammaln from '@stdlib/math-base-special-gammaln';

/** ln Γ(x). */
export function lgamma(x: number): number {
  return gammaln(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the
 * asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) to k = 5 (Abramowitz & Stegun 6.3.5 and
 * 6.3.18), whose first omitted term is below 3e-14 there.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return acc + Math.log(x) - 0.5 / x - series;
}

/** Most terms hyp2f1 sums before giving up (it then returns NaN rather than a wrong value). */
export const HYP2F1_MAX_TERMS = 200_000;

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| < 1 (Abramowitz &
 * Stegun 15.1.1), summed until a term is below 1e-15 of the sum. The terms shrink like zⁿ, so z
 * near 1 needs many; past HYP2F1_MAX_TERMS the answer is NaN. Callers with large a, b should
 * first apply Euler's transformation (A&S 15.3.3) so the terms stay small (see bgnbd.ts).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) return Number.NaN;
  return hyp2f1Series(a, b, c, z);
}

/**
 * The same series for any z, for a caller that knows its terms die out before they could grow
 * again (|z| ≥ 1 with c far above a and b: the ratio of terms stays below 1 until n nears c/|z|,
 * long after they fell under the tolerance). NaN when it does not settle.
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    // A zero Pochhammer factor (a or b a non-positive integer) ends the series exactly.
    if (term === 0 || Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
    if (!Number.isFinite(sum)) return Number.NaN;
  }
  return Number.NaN;
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, where every term is positive: summed in logs
 * (log-sum-exp), so a series whose terms climb past 1e308 before they fall (a and b in the
 * hundreds, z near 1) still gives its logarithm. NaN when it does not settle.
 */
export function logHyp2f1Positive(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) return Number.NaN;
  if (z === 0) return 0;
  const lz = Math.log(z);
  let logTerm = 0;
  let logSum = 0;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    logTerm += Math.log(((a + n) * (b + n)) / ((c + n) * (n + 1))) + lz;
    logSum = logTerm > logSum ? logTerm + Math.log1p(Math.exp(logSum - logTerm)) : logSum + Math.log1p(Math.exp(logTerm - logSum));
    // Falling terms (ratio below 1) under 1e-16 of the sum: the rest adds nothing a double holds.
    if (logTerm < logSum - 37 && (a + n) * (b + n) * z < (c + n) * (n + 1)) return logSum;
  }
  return Number.NaN;
}
