// The sales forecast as the app cuts it: complete periods are history, the period not over yet
// (a week or month in progress, or today when the analysis date is not pinned) is forecast with
// what it has taken so far beside it, a missing day counts as no sales, and the forecast starts
// right after the history.
import { describe, expect, it } from 'vitest';
import { forecastSales } from '../../../src-main/core/predict/forecast-sales';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// 400 days to Wednesday 2026-03-04, a weekly pattern, no sales on Sundays, nothing on 2026-02-10.
const days = Array.from({ length: 400 }, (_, i) => Date.UTC(2026, 2, 4) - (399 - i) * DAY)
  .filter((ms) => new Date(ms).getUTCDay() !== 0 && iso(ms) !== '2026-02-10')
  .map((ms) => ({ date: iso(ms), value: 1000 + 300 * new Date(ms).getUTCDay() }));

describe('forecastSales', () => {
  it('by day: the analysis day is history when pinned (over), and open when it is today', () => {
    const pinned = forecastSales(days, 'day', 7, '2026-03-04')!;
    expect(pinned.history.at(-1)).toEqual({ date: '2026-03-04', value: 1900 });
    expect(pinned.current).toBeNull();
    expect(pinned.forecast.map((p) => p.date)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']);
    expect(pinned.history.find((h) => h.date === '2026-02-10')?.value).toBe(0);
    const open = forecastSales(days, 'day', 7, '2026-03-04', true)!;
    expect(open.history.at(-1)!.date).toBe('2026-03-03');
    expect(open.current).toEqual({ date: '2026-03-04', soFar: 1900 });
    expect(open.forecast[0].date).toBe('2026-03-04');
  });

  it('by week and month: the period in progress is forecast, with its takings so far', () => {
    const week = forecastSales(days, 'week', 4, '2026-03-04')!;
    expect(week.history.at(-1)!.date).toBe('2026-02-23');
    expect(week.current).toEqual({ date: '2026-03-02', soFar: 1300 + 1600 + 1900 });
    expect(week.forecast.map((p) => p.date)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    const month = forecastSales(days, 'month', 3, '2026-03-04')!;
    expect(month.history.at(-1)!.date).toBe('2026-02-01');
    expect(month.current?.date).toBe('2026-03-01');
    expect(month.forecast[0].date).toBe('2026-03-01');
    for (const f of [week, month]) for (const p of f.forecast) expect(p.lower95 <= p.mean && p.mean <= p.upper95).toBe(true);
  });

  it('says why there is no forecast on too short a history, and is null with no sales at all', () => {
    expect(forecastSales(days.slice(-2), 'month', 3, '2026-03-04')!.reason).toBe('too_short');
    expect(forecastSales([], 'day', 7, '2026-03-04')).toBeNull();
  });
});
