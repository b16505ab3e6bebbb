// `npm run eval -- clv [--file LOG.csv --calibration-end YYYY-MM-DD] [--customer-col C --date-col D --amount-col A]`
// Customer-base models on a transaction log split at the calibration end: BG/NBD and Gamma-Gamma
// fitted on the calibration period, then repeat purchases predicted for the hold-out (calibration
// end to the last date in the file) against what happened, overall and binned by calibration
// frequency 0..6, 7+ (the BTYD vignette's check, sec. 4.4). Without --file: the CDNOW sample in
// the reference data with calibration end 1997-09-30, beside the vignette's published numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedPurchases, fitBgnbd } from '../../src-main/core/predict/bgnbd';
import { churnSplit } from '../../src-main/core/predict/churn-split';
import { summariseLog } from '../../src-main/core/predict/customer-summary';
import { historyFromTransactions } from '../../src-main/core/predict/history';
import { fitGammaGamma, spendFrequencyCorrelation } from '../../src-main/core/predict/gamma-gamma';
import { log, parseArgs } from '../bench/lib/report';
import { formatTable, type Cell } from '../bench/lib/table';
import { referenceDataDir } from './lib/reference-data';
import { formatDay, parseDay, readTransactionLog } from './lib/transaction-log';

const CDNOW_CALIBRATION_END = '1997-09-30';
const BINS = ['0', '1', '2', '3', '4', '5', '6', '7+'];

const fix = (x: number, d = 4) => Number(x.toFixed(d));

interface Reference {
  bgnbd: Record<string, number>;
  gg: Record<string, number>;
  bins: { actual: number[]; expected: number[] };
}

function cdnowReference(dir: string): Reference {
  const c = JSON.parse(readFileSync(join(dir, 'reference_values.json'), 'utf8')).cdnow;
  return {
    bgnbd: c.bgnbd_params.recomputed,
    gg: c.gamma_gamma_params.recomputed,
    bins: { actual: c.validation_by_calibration_frequency.actual_mean_validation_tx, expected: c.validation_by_calibration_frequency.bgnbd_expected },
  };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const started = performance.now();
  const { flags } = parseArgs(args);
  for (const k of ['file', 'calibration-end', 'customer-col', 'date-col', 'amount-col']) {
    if (flags.get(k) === true) throw new Error(`--${k} needs a value`);
  }
  const str = (k: string) => flags.get(k) as string | undefined;
  let file = str('file');
  let calText = str('calibration-end');
  let reference: Reference | null = null;
  if (!file) {
    const dir = referenceDataDir();
    if (!dir) throw new Error('No --file given and the reference data (../shared/data or PATRON_REFERENCE_DATA) is not here.');
    file = join(dir, 'cdnow', 'CDNOW_sample.txt');
    calText ??= CDNOW_CALIBRATION_END;
    if (calText === CDNOW_CALIBRATION_END) reference = cdnowReference(dir);
  }
  if (!calText) throw new Error('--calibration-end YYYY-MM-DD is needed with --file');
  const calEnd = parseDay(calText);
  if (calEnd === null) throw new Error(`--calibration-end "${calText}" is not a date (YYYY-MM-DD or YYYYMMDD)`);

  const data = readTransactionLog(file, { customer: str('customer-col'), date: str('date-col'), amount: str('amount-col') });
  if (calEnd < data.firstDay || calEnd >= data.lastDay) {
    throw new Error(`--calibration-end ${formatDay(calEnd)} is outside ${file}'s dates (${formatDay(data.firstDay)}..${formatDay(data.lastDay)}): it must leave a hold-out after it`);
  }
  log(`${file}: ${data.transactions.length} transactions (${data.format}; customer "${data.columns.customer}", date "${data.columns.date}", amount "${data.columns.amount}"), ${formatDay(data.firstDay)}..${formatDay(data.lastDay)}`);
  const customers = summariseLog(data.transactions, calEnd);
  const repeaters = customers.filter((c) => c.x > 0).length;
  if (repeaters === 0) throw new Error(`${file}: no customer bought again before ${formatDay(calEnd)}; the models need repeat customers`);
  const holdoutWeeks = (data.lastDay - calEnd) / 7;

  const fitStart = performance.now();
  // A customer first seen on the calibration end day (T = 0) says nothing to the fit (history.ts).
  const bg = fitBgnbd(customers.filter((c) => c.T > 0));
  const bgMs = performance.now() - fitStart;
  const ggStart = performance.now();
  const gg = fitGammaGamma(customers);
  const ggMs = performance.now() - ggStart;
  const corr = spendFrequencyCorrelation(customers);

  const predicted = customers.map((c) => expectedPurchases(bg.params, holdoutWeeks, c.x, c.t_x, c.T));
  const predictedRepeat = predicted.reduce((s, v) => s + v, 0);
  const actualRepeat = customers.reduce((s, c) => s + c.holdout, 0);

  const { r, alpha, a, b } = bg.params;
  const { p, q, gamma } = gg.params;
  const ref = reference;
  process.stdout.write(
    `${formatTable(
      ['model', 'customers', 'parameters', 'log-likelihood', 'converged', 'fit ms', ...(ref ? ['reference'] : [])],
      [
        ['BG/NBD', customers.length, `r=${fix(r)} α=${fix(alpha)} a=${fix(a)} b=${fix(b)}`, fix(bg.ll, 3), bg.converged, Math.round(bgMs), ...(ref ? [`r=${ref.bgnbd.r} α=${ref.bgnbd.alpha} a=${ref.bgnbd.a} b=${ref.bgnbd.b} LL=${ref.bgnbd.loglik}`] : [])],
        ['Gamma-Gamma', gg.customers, `p=${fix(p)} q=${fix(q)} γ=${fix(gamma)}`, fix(gg.ll, 3), gg.converged, Math.round(ggMs), ...(ref ? [`p=${ref.gg.p} q=${ref.gg.q} γ=${ref.gg.gamma} LL=${ref.gg.loglik}`] : [])],
      ],
    )}\n\n`,
  );
  process.stdout.write(
    `frequency–spend correlation (repeat customers): r = ${fix(corr.r, 3)}${corr.correlationWarning ? '  WARNING: |r| ≥ 0.3, Gamma-Gamma assumes spend independent of frequency' : ''}\n`,
  );
  process.stdout.write(
    `hold-out ${formatDay(calEnd + 1)}..${formatDay(data.lastDay)} (${fix(holdoutWeeks, 2)} weeks): repeat purchases predicted ${fix(predictedRepeat, 1)}, actual ${actualRepeat} (${fix((100 * (predictedRepeat - actualRepeat)) / Math.max(1, actualRepeat), 1)} %)\n\n`,
  );

  // Mean hold-out purchases, actual vs expected, by calibration frequency.
  const n = new Array<number>(BINS.length).fill(0);
  const act = new Array<number>(BINS.length).fill(0);
  const exp = new Array<number>(BINS.length).fill(0);
  customers.forEach((c, i) => {
    const k = Math.min(c.x, BINS.length - 1);
    n[k]++;
    act[k] += c.holdout;
    exp[k] += predicted[i];
  });
  const rows: Cell[][] = BINS.map((bin, k) => [
    bin,
    n[k],
    n[k] ? fix(act[k] / n[k]) : null,
    n[k] ? fix(exp[k] / n[k]) : null,
    ...(ref ? [ref.bins.actual[k], ref.bins.expected[k]] : []),
  ]);
  process.stdout.write(`${formatTable(['x (calibration)', 'customers', 'actual mean', 'BG/NBD mean', ...(ref ? ['BTYD actual', 'BTYD BG/NBD'] : [])], rows)}\n`);
  // Churn: scored as of the calibration end from what came before it only (the app's own model,
  // trained on a split inside the calibration period), against "no purchase in the hold-out".
  const { history } = historyFromTransactions(data.transactions, data.lastDay + 1);
  const churn = churnSplit(history, calEnd + 1, data.lastDay - calEnd);
  if (churn) {
    process.stdout.write(
      `\nchurn (no purchase ${formatDay(calEnd + 1)}..${formatDay(data.lastDay)}): ${churn.churned} of ${churn.customers} customers; AUC of the churn risk ${fix(churn.auc, 3)} (${churn.model}), of recency alone ${fix(churn.recencyAuc, 3)}\n`,
    );
  }
  log(`total ${Math.round(performance.now() - started)} ms`);

  return {
    customers: customers.length,
    bgnbd: { r: fix(r, 6), alpha: fix(alpha, 6), a: fix(a, 6), b: fix(b, 6), ll: fix(bg.ll, 3), converged: bg.converged },
    gg: { p: fix(p, 6), q: fix(q, 6), gamma: fix(gamma, 6), ll: fix(gg.ll, 3), converged: gg.converged, customers: gg.customers },
    spend_frequency_correlation: fix(corr.r, 4),
    predicted_repeat: fix(predictedRepeat, 1),
    actual_repeat: actualRepeat,
    holdout_weeks: fix(holdoutWeeks, 4),
    churn_auc: churn ? fix(churn.auc, 4) : null,
    recency_auc: churn ? fix(churn.recencyAuc, 4) : null,
    churn_model: churn?.model ?? null,
  };
}
