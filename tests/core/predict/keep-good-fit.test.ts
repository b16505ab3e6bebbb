// A fit that does not converge keeps the last good one and says from when; with no good one to
// keep it is shown as it is, not converged; a kept fit carries on to the next bad run.
import { describe, expect, it } from 'vitest';
import { historyFromTransactions } from '../../../src-main/core/predict/history';
import { fitPhase, type PreviousFits } from '../../../src-main/core/predict/recompute';

// Clockwork customers: each buys every 4 weeks and nobody stops, which BG/NBD cannot pin down.
const tx = Array.from({ length: 80 }, (_, c) => Array.from({ length: 6 + (c % 10) }, (_, k) => ({ customer: `c${c}`, day: 100 + (c % 30) + k * 28, amount: 1000 + 10 * c })))
  .flat();
const endDay = 100 + 30 + 16 * 28;
const good = { params: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 }, ll: -9582, converged: true, customers: 2357 };

describe('keeping the last good fit', () => {
  const { history } = historyFromTransactions(tx, endDay);

  it('keeps the previous good BG/NBD fit, dated, when this one does not converge', () => {
    const previous: PreviousFits = { bgnbd: good, gg: null, date: '2026-02-01' };
    const fit = fitPhase(history, previous);
    expect(fit.bgnbd).toMatchObject({ params: good.params, converged: false, keptFrom: '2026-02-01' });
  });

  it('shows the unconverged fit as it is when there is nothing good to keep', () => {
    const fit = fitPhase(history);
    expect(fit.bgnbd!.converged).toBe(false);
    expect(fit.bgnbd!.keptFrom).toBeUndefined();
    const bad = fitPhase(history, { bgnbd: fit.bgnbd, gg: null, date: '2026-03-01' });
    expect(bad.bgnbd!.keptFrom).toBeUndefined();
  });

  it('carries a kept fit on, with the date it was first good', () => {
    const kept = { ...good, converged: false, keptFrom: '2026-01-01' };
    const fit = fitPhase(history, { bgnbd: kept, gg: null, date: '2026-02-01' });
    expect(fit.bgnbd).toMatchObject({ params: good.params, keptFrom: '2026-01-01' });
  });
});
