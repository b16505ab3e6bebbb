// The shop's sales forecast for one period (day, week, month): paid revenue per local day (the
// dashboard's day table) summed into periods up to the analysis date, a missing day counted as no
// sales; the period the analysis date falls in is not over yet, so it is forecast, not fitted on,
// and what it has taken so far is kept beside the forecast.
import type { ForecastPeriod } from '../../shared/predictions';
import { ForecastInputError, forecastSeries } from './forecast/forecast';
import { toRegularSeries, type DatedValue } from './forecast/series';
import { DAY_MS } from '../segments/analysis-date';

/** History kept with the forecast for the chart, per period. */
const SHOWN_HISTORY: Record<ForecastPeriod, number> = { day: 90, week: 52, month: 36 };
/** At most this much history is fitted on (older years say little about next month, and cost time). */
const FIT_HISTORY: Record<ForecastPeriod, number> = { day: 3 * 365, week: 4 * 52, month: 10 * 12 };

export interface ForecastPoint {
  date: string;
  mean: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface SalesForecast {
  period: ForecastPeriod;
  /** Revenue (cents) of each complete period, oldest first, the last SHOWN_HISTORY of them. */
  history: { date: string; value: number }[];
  /** The period of the analysis date when it is not over: its revenue so far. */
  current: { date: string; soFar: number } | null;
  /** Empty when there is too little history (reason says so). */
  forecast: ForecastPoint[];
  model: string | null;
  season: number;
  converged: boolean;
  /** Complete periods the fit rests on. */
  fittedOn: number;
  reason: 'too_short' | null;
}

/**
 * The forecast of `horizon` periods from the first one not over, from the day revenues (cents) up
 * to `analysisDate` ('YYYY-MM-DD'); with `dayOpen` that day is today, still taking orders.
 */
export function forecastSales(days: readonly DatedValue[], period: ForecastPeriod, horizon: number, analysisDate: string, dayOpen = false): SalesForecast | null {
  const upTo = days.filter((d) => d.date <= analysisDate);
  if (!upTo.length) return null;
  // Zero points carry the series to the analysis date and name the periods after it.
  // The first day not over: the analysis day itself when it is today (unpinned), else the next.
  const future = dayOpen ? analysisDate : addDays(analysisDate, 1);
  const ahead = period === 'day' ? horizon : period === 'week' ? horizon * 7 : horizon * 31;
  const series = toRegularSeries([...upTo, { date: analysisDate, value: 0 }, { date: addDays(analysisDate, ahead), value: 0 }], period);
  // The first period that is not over: the one holding the day after the analysis date.
  const firstFuture = series.dates.findIndex((d, i) => d <= future && (series.dates[i + 1] ?? '9999') > future);
  const complete = series.values.slice(0, firstFuture);
  // Open and already taking orders: it starts on or before the analysis date.
  const current = series.dates[firstFuture] <= analysisDate ? { date: series.dates[firstFuture], soFar: series.values[firstFuture] } : null;
  const dates = series.dates.slice(firstFuture, firstFuture + horizon);
  const fitOn = complete.slice(-FIT_HISTORY[period]);
  const history = complete.slice(-SHOWN_HISTORY[period]).map((value, k, shown) => ({ date: series.dates[firstFuture - shown.length + k], value }));
  const none = { period, history, current, forecast: [], model: null, season: 0, converged: false, fittedOn: fitOn.length };
  try {
    const f = forecastSeries(fitOn, { horizon: dates.length, period });
    return {
      ...none,
      forecast: dates.map((date, h) => ({
        date,
        mean: Math.max(0, f.mean[h]),
        lower80: Math.max(0, f.lower80[h]),
        upper80: Math.max(0, f.upper80[h]),
        lower95: Math.max(0, f.lower95[h]),
        upper95: Math.max(0, f.upper95[h]),
      })),
      model: f.model,
      season: f.season,
      converged: f.converged,
      reason: null,
    };
  } catch (err) {
    if (err instanceof ForecastInputError) return { ...none, reason: 'too_short' };
    throw err;
  }
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
