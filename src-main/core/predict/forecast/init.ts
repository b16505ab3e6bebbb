// Initial states for exponential smoothing by the heuristic of Hyndman et al. (2008) §2.6.1 and
// R's forecast::ets (FPP 8.6): seasonal indices from a classical decomposition of the first
// seasons, then level and slope from a straight line through the first seasonally adjusted values.

/** Up to this many seasons go into the seasonal indices (R uses 3; more steadies noisy daily data). */
const INIT_SEASONS = 5;

export interface InitialStates {
  level: number;
  slope: number;
  /** m seasonal states, the one for t ≡ j (mod m) at j; [0] (or [1]) without a season. */
  seasonal: Float64Array;
}

/** Centred moving average of order m (2×m when m is even), the trend of a classical decomposition. */
function centredMean(y: number[], m: number): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(y.length).fill(null);
  const half = Math.floor(m / 2);
  for (let t = half; t + half < y.length; t++) {
    if (m % 2 === 1) {
      let s = 0;
      for (let i = t - half; i <= t + half; i++) s += y[i];
      out[t] = s / m;
    } else {
      if (t + half >= y.length) break;
      let s = (y[t - half] + y[t + half]) / 2;
      for (let i = t - half + 1; i < t + half; i++) s += y[i];
      out[t] = s / m;
    }
  }
  return out;
}

export function initialStates(y: number[], m: number, trend: boolean, season: 'N' | 'A' | 'M'): InitialStates {
  const multiplicative = season === 'M';
  let seasonal = Float64Array.of(multiplicative ? 1 : 0);
  let adjusted = y;
  if (season !== 'N' && m > 1) {
    const span = y.slice(0, Math.min(y.length, INIT_SEASONS * m));
    const tr = centredMean(span, m);
    const sums = new Float64Array(m);
    const counts = new Float64Array(m);
    span.forEach((v, t) => {
      const c = tr[t];
      if (c === null || (multiplicative && !(c > 0))) return;
      sums[t % m] += multiplicative ? v / c : v - c;
      counts[t % m]++;
    });
    seasonal = new Float64Array(m);
    for (let j = 0; j < m; j++) seasonal[j] = counts[j] > 0 ? sums[j] / counts[j] : multiplicative ? 1 : 0;
    // Normalised so the indices sum to 0 (additive) or average 1 (multiplicative).
    const mean = seasonal.reduce((a, b) => a + b, 0) / m;
    for (let j = 0; j < m; j++) seasonal[j] = multiplicative ? seasonal[j] / (mean || 1) : seasonal[j] - mean;
    adjusted = y.map((v, t) => (multiplicative ? v / seasonal[t % m] : v - seasonal[t % m]));
  }
  const maxn = Math.min(Math.max(10, 2 * m), adjusted.length);
  const xs = adjusted.slice(0, maxn);
  const meanY = xs.reduce((a, b) => a + b, 0) / maxn;
  if (!trend || maxn < 2) return { level: meanY, slope: 0, seasonal };
  // Least-squares line through (t, y_sa) for t = 1..maxn; the level is its value at t = 0.
  const meanT = (maxn + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((v, i) => {
    sxy += (i + 1 - meanT) * (v - meanY);
    sxx += (i + 1 - meanT) ** 2;
  });
  const slope = sxy / sxx;
  return { level: meanY - slope * meanT, slope, seasonal };
}
