// `npm run eval -- forecast --file SERIES.csv --horizon N [--season S] [--origins K] [--date-col C] [--value-col V] [--transform sqrt|log|none] [--yearly on|off]`
// A CSV of dates and values (one row per day, week or month; a missing period is zero) is forecast
// from K rolling origins: the last K windows of N points, each forecast fitted only on what came
// before it (Tashman 2000, "Out-of-sample tests of forecasting accuracy"). Prints the forecast's
// MASE and the seasonal naive's per origin and their means, and how often the truth fell inside
// the 80% / 95% intervals. Without --file: AirPassengers from the reference data, horizon 12.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { forecastSeries, type Transform } from '../../src-main/core/predict/forecast/forecast';
import { mase, seasonalNaive, toRegularSeries, type DatedValue } from '../../src-main/core/predict/forecast/series';
import { intFlag, log, parseArgs, type BenchResult } from '../bench/lib/report';
import { formatTable } from '../bench/lib/table';
import { referenceDataDir } from './lib/reference-data';

const DATE_NAMES = ['date', 'day', 'week', 'month', 'period', 'ds', 'time', '日期'];
const VALUE_NAMES = ['value', 'revenue', 'sales', 'amount', 'total', 'y', 'passengers', '金额', '销售额'];
const fix = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)) : NaN);

/** Reads the file's date and value columns (by the names given, else by common header names). */
export function readSeriesFile(file: string, dateCol?: string, valueCol?: string): DatedValue[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const headers = parsed.meta.fields ?? [];
  const find = (given: string | undefined, names: string[], what: string) => {
    if (given !== undefined) {
      if (!headers.includes(given)) throw new Error(`${file}: no column "${given}" (columns: ${headers.join(', ')})`);
      return given;
    }
    const hit = names.map((n) => headers.find((h) => h.trim().toLowerCase() === n)).find((h) => h !== undefined);
    if (!hit) throw new Error(`${file}: no ${what} column found among ${headers.join(', ')}; name it with --${what}-col`);
    return hit;
  };
  const dc = find(dateCol, DATE_NAMES, 'date');
  const vc = find(valueCol, VALUE_NAMES, 'value');
  return parsed.data.map((row, i) => {
    const value = Number(String(row[vc] ?? '').trim());
    if (!Number.isFinite(value)) throw new Error(`${file}: row ${i + 2}, column "${vc}": "${row[vc]}" is not a number`);
    return { date: String(row[dc] ?? '').trim(), value };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  for (const k of ['file', 'horizon', 'season', 'origins', 'date-col', 'value-col', 'transform', 'yearly']) {
    if (flags.get(k) === true) throw new Error(`--${k} needs a value`);
  }
  const str = (k: string) => flags.get(k) as string | undefined;
  let file = str('file');
  if (!file) {
    const dir = referenceDataDir();
    if (!dir) throw new Error('No --file given and the reference data (../shared/data or PATRON_REFERENCE_DATA) is not here.');
    file = join(dir, 'timeseries', 'AirPassengers.csv');
  }
  if (!str('file') && !flags.has('horizon')) flags.set('horizon', '12');
  if (!flags.has('horizon')) throw new Error('--horizon N is required');
  const horizon = intFlag(flags, 'horizon', 12);
  const origins = intFlag(flags, 'origins', 1);
  const seasonFlag = str('season');
  const season = seasonFlag === undefined ? undefined : Number(seasonFlag);
  if (season !== undefined && !(Number.isInteger(season) && season >= 0)) throw new Error(`--season must be a whole number ≥ 0, got "${seasonFlag}"`);
  const transform = str('transform') as Transform | undefined;
  if (transform !== undefined && transform !== 'log' && transform !== 'sqrt' && transform !== 'none') throw new Error(`--transform must be log or none, got "${transform}"`);

  const yearlyFlag = str('yearly');
  if (yearlyFlag !== undefined && yearlyFlag !== 'on' && yearlyFlag !== 'off') throw new Error(`--yearly must be on or off, got "${yearlyFlag}"`);
  const yearly = yearlyFlag === undefined ? undefined : yearlyFlag === 'on';
  const series = toRegularSeries(readSeriesFile(file, str('date-col'), str('value-col')));
  const y = series.values;
  const n = y.length;
  if (n - origins * horizon < 4) throw new Error(`${file}: ${n} ${series.period}s are too few for ${origins} origin(s) of ${horizon}`);
  log(`${file}: ${n} ${series.period}s from ${series.dates[0]} to ${series.dates[n - 1]}`);

  const rows: (string | number)[][] = [];
  const res = { mase: [] as number[], naive: [] as number[], in80: 0, in95: 0, secs: [] as number[] };
  let model = '';
  let m = 1;
  for (let k = origins; k >= 1; k--) {
    const cut = n - k * horizon;
    const history = y.slice(0, cut);
    const actual = y.slice(cut, cut + horizon);
    const started = performance.now();
    const f = forecastSeries(history, { horizon, season, period: series.period, transform, yearly });
    res.secs.push((performance.now() - started) / 1000);
    model = f.model;
    m = f.season;
    const naive = seasonalNaive(history, m, horizon);
    const a = mase(actual, f.mean, history, m);
    const b = mase(actual, naive, history, m);
    res.mase.push(a);
    res.naive.push(b);
    let c80 = 0;
    let c95 = 0;
    actual.forEach((v, i) => {
      if (v >= f.lower80[i] && v <= f.upper80[i]) c80++;
      if (v >= f.lower95[i] && v <= f.upper95[i]) c95++;
    });
    res.in80 += c80;
    res.in95 += c95;
    rows.push([series.dates[cut], f.model, f.season, fix(a), fix(b), fix(c80 / horizon, 2), fix(c95 / horizon, 2), fix(res.secs[res.secs.length - 1], 3)]);
  }
  const out = {
    n,
    period: series.period,
    season: m,
    horizon,
    origins,
    model,
    mase: fix(mean(res.mase)),
    mase_seasonal_naive: fix(mean(res.naive)),
    coverage_80: fix(res.in80 / (origins * horizon)),
    coverage_95: fix(res.in95 / (origins * horizon)),
    secs_per_fit: fix(mean(res.secs)),
  };
  rows.push(['mean', '', '', out.mase, out.mase_seasonal_naive, out.coverage_80, out.coverage_95, out.secs_per_fit]);
  process.stdout.write(`${formatTable(['origin', 'model', 'season', 'MASE', 'MASE snaive', 'in 80%', 'in 95%', 'secs'], rows)}\n`);
  return out;
}
