// A smart list's predicted value (lists.count's value): the CLVs of the customers its filter
// matches, summed from the latest predictions run over that run's horizon; none before a run, and
// customers the run did not score add nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { filterValue } from '../../src-main/core/lists/service';
import { patronRouter } from '../../src-main/core/router';
import { createCallerFactory } from '../../src-main/core/trpc';
import type { Filter } from '../../src-main/shared/filters';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
let core: Core;
const caller = () => createCallerFactory(patronRouter)({ core });
const ids: Record<string, number> = {};

// name, city, then the stored prediction: [churn risk, CLV cents], or none (not scored).
const PEOPLE: [string, string, [number, number] | null][] = [
  ['王芳', '上海', [0.82, 120_000]],
  ['王伟', '上海', [0.35, 45_050]],
  ['Ann Lee', '上海', null],
  ['李雷', '北京', [0.9, 300_000]],
];

const idle = async (c: Core) => {
  // Writes may start background jobs (segments, predictions): wait so they cannot replace the rows below.
  for (let i = 0; i < 200; i++) {
    if (!(c.sqlite.prepare(`SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')`).pluck().get() as number)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('jobs still running');
};

const storeRun = (horizonMonths: number) => {
  const s = core.sqlite;
  const runId = Number(
    s
      .prepare(`INSERT INTO prediction_runs (as_of, computed_at, customers, orders, horizon_months, discount_rate, model) VALUES (?, ?, 3, 9, ?, 0.1, '{}')`)
      .run(Date.now(), Date.now(), horizonMonths).lastInsertRowid,
  );
  s.prepare('DELETE FROM customer_predictions').run();
  for (const [name, , p] of PEOPLE) {
    if (!p) continue;
    s.prepare(
      `INSERT INTO customer_predictions (customer_id, run_id, purchases, p_alive, expected_purchases, expected_order_cents, clv_cents, churn_risk, reasons) VALUES (?, ?, 2, 0.5, 1, 1000, ?, ?, '[]')`,
    ).run(ids[name], runId, p[1], p[0]);
  }
};

beforeAll(async () => {
  env = tempCore({ noResume: true });
  core = env.core;
  for (const [name, city] of PEOPLE) ids[name] = createCustomer(core.sqlite, { name, city }).id;
  await idle(core);
});
afterAll(() => env.cleanup());

const shanghai: Filter = { match: 'all', conditions: [{ field: 'city', op: 'is', value: '上海' }] };
const atRisk: Filter = { match: 'all', conditions: [{ field: 'churn_risk', op: 'gt', value: 50 }] };

describe('a list’s predicted value', () => {
  it('is null before the first predictions run', async () => {
    expect(filterValue(core.sqlite, shanghai)).toBeNull();
    expect((await caller().lists.count({ filter: shanghai })).value).toBeNull();
  });

  it('sums the matching customers’ CLV from the latest run, over its horizon', async () => {
    storeRun(12);
    // Shanghai: 王芳 and 王伟 scored, Ann Lee not (adds nothing but still counts as a customer).
    expect(filterValue(core.sqlite, shanghai)).toEqual({ clvCents: 120_000 + 45_050, horizonMonths: 12 });
    const r = await caller().lists.count({ filter: shanghai });
    expect(r).toEqual({ count: 3, value: { clvCents: 165_050, horizonMonths: 12 } });
    // A prediction filter: churn risk over 50% holds 王芳 and 李雷.
    expect(await caller().lists.count({ filter: atRisk })).toEqual({ count: 2, value: { clvCents: 420_000, horizonMonths: 12 } });
    // Everyone.
    expect(filterValue(core.sqlite, { match: 'all', conditions: [] })?.clvCents).toBe(465_050);
  });

  it('follows the latest run', () => {
    storeRun(6);
    expect(filterValue(core.sqlite, shanghai)?.horizonMonths).toBe(6);
  });

  it('is zero for a filter nobody matches', () => {
    expect(filterValue(core.sqlite, { match: 'all', conditions: [{ field: 'city', op: 'is', value: '广州' }] })).toEqual({ clvCents: 0, horizonMonths: 6 });
  });
});
