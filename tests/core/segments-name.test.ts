// Naming clusters with the model: the prompt holds the cluster's profile and nothing personal, the
// fitted name keeps its limits, and with the tiny GGUF really loaded the job names every cluster
// of the latest run (non-empty, within length, in the asked language) with a change event, and
// leaves a name a person gave alone. No model: the job fails with the model problem code.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { NAME_JOB_KIND } from '../../src-main/core/segments/name-job';
import { firstSentence, fitName, nameFits, namePrompt, type ClusterProfile } from '../../src-main/core/segments/name-prompt';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempDir } from './temp-core';

const profile = (z: number): ClusterProfile => ({
  features: [
    { key: 'log_spend', mean: 340_000, baseMean: 120_000, z },
    { key: 'orders', mean: 6.2, baseMean: 2.1, z: z / 2 },
    { key: 'recency_days', mean: 20, baseMean: 95, z: -z },
    { key: 'aov', mean: 54_800, baseMean: 57_100, z: 0.1 },
    { key: 'tenure_days', mean: 400, baseMean: 300, z: 0.4 },
    { key: 'cat:绿茶', mean: 0.45, baseMean: 0.2, z: 1 },
  ],
  topCategories: [
    { category: '绿茶', share: 0.45, baseShare: 0.2 },
    { category: 'Teaware', share: 0.3, baseShare: 0.25 },
  ],
});

/** A run of three clusters, the second renamed by a person; returns the run id. */
function insertRun(core: Core): number {
  const run = core.sqlite
    .prepare("INSERT INTO segment_runs (as_of, as_of_pinned, computed_at, customers, with_orders, orders, thresholds, model) VALUES (?, 1, ?, 30, 28, 90, '{}', '{}')")
    .run(Date.UTC(2026, 5, 30) + 86_400_000, Date.now()).lastInsertRowid as number;
  const add = core.sqlite.prepare('INSERT INTO clusters (run_id, idx, size, revenue_cents, profile, name, description, name_source, name_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  add.run(run, 1, 8, 900_000, JSON.stringify(profile(1.6)), 'High spend', null, 'rule', 'en');
  add.run(run, 2, 12, 400_000, JSON.stringify(profile(-0.3)), 'My regulars', 'The ones I know by name.', 'person', 'en');
  add.run(run, 3, 8, 100_000, JSON.stringify(profile(-1.2)), 'Lapsed', null, 'rule', 'en');
  return run;
}

const clusterRows = (core: Core, run: number) =>
  core.sqlite.prepare('SELECT idx, name, description, name_source AS nameSource, name_language AS nameLanguage FROM clusters WHERE run_id = ? ORDER BY idx').all(run) as {
    idx: number;
    name: string;
    description: string | null;
    nameSource: string;
    nameLanguage: string;
  }[];

describe('what the model is told of a cluster', () => {
  it('is the profile in words and numbers, with shares, units and categories', () => {
    const p = namePrompt({ idx: 1, size: 1234, sizeShare: 0.18, revenueShare: 0.42, profile: profile(1.6) }, 'CNY');
    expect(p).toContain('1,234 (18% of customers with orders)');
    expect(p).toContain('42% of revenue');
    expect(p).toContain('total spend: 3,400 CNY vs 1,200 CNY (z +1.6, much higher)');
    expect(p).toContain('days since the last order: 20 days vs 95 days (z -1.6, much lower)');
    expect(p).toContain('绿茶 45% vs 20%');
    // Category shares are given once, from topCategories.
    expect(p).not.toContain('cat:');
  });

  it('fits a name to four words or eight 汉字, and a description to one sentence', () => {
    expect(fitName('  "Big occasional spenders who love tea."  ', 'en')).toBe('Big occasional spenders who');
    expect(fitName('高消费 偶尔购买的老客户群体', 'zh')).toBe('高消费偶尔购买的');
    expect(fitName('“忠实茶客”', 'zh')).toBe('忠实茶客');
    expect(fitName(' ... ', 'en')).toBe('');
    expect(nameFits('Big occasional spenders', 'en')).toBe(true);
    expect(nameFits('One two three four five', 'en')).toBe(false);
    expect(nameFits('高消费偶尔购买的客户', 'zh')).toBe(false);
    expect(firstSentence('They buy often. They spend a lot.')).toBe('They buy often.');
    expect(firstSentence('他们常买。花得也多。')).toBe('他们常买。');
  });
});

describe('segments.name with the local model', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(() => {
    core = openCore(dir, { noResume: true });
    // Someone's personal data in the shop: it must never reach the prompt (which reads only
    // clusters). Added before the hand-made runs below, which carry no RFM thresholds.
    createCustomer(core.sqlite, { name: 'Wang Xiuying', email: 'xiuying@example.com', city: '上海' });
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no model installed, fails with the model problem code and leaves the names', async () => {
    const run = insertRun(core);
    const id = core.jobs.start(NAME_JOB_KIND, { language: 'en' });
    await core.jobs.idle();
    expect(core.jobs.get(id)).toMatchObject({ status: 'failed', error: { code: 'model_missing' } });
    expect(clusterRows(core, run).map((r) => r.nameSource)).toEqual(['rule', 'person', 'rule']);
  });

  it('names the latest run’s clusters within length, in the language asked, and leaves a person’s name alone', async () => {
    await core.models.importFile(tinyGgufPath());
    const run = insertRun(core);
    const sent = vi.spyOn(core.models.llm, 'generate');
    for (const language of ['en', 'zh'] as const) {
      const changes: ChangeEvent[] = [];
      const off = core.changes.on((e) => changes.push(e));
      const id = core.jobs.start(NAME_JOB_KIND, { language });
      await core.jobs.idle();
      off();
      const job = core.jobs.get(id);
      expect(job, JSON.stringify(job.error)).toMatchObject({ status: 'done', done: 2, total: 2 });
      expect(job.result).toMatchObject({ runId: run, named: 2, failed: 0, skipped: 1, language });
      const rows = clusterRows(core, run);
      for (const r of [rows[0], rows[2]]) {
        expect(r).toMatchObject({ nameSource: 'model', nameLanguage: language });
        expect(nameFits(r.name, language), r.name).toBe(true);
        expect(r.name).not.toContain('Wang');
      }
      expect(rows[1]).toMatchObject({ name: 'My regulars', description: 'The ones I know by name.', nameSource: 'person', nameLanguage: 'en' });
      const segmentChanges = changes.flatMap((e) => e.changes).filter((c) => c.type === 'segments');
      expect(segmentChanges.flatMap((c) => c.ids)).toContain(run);
    }
    // What the model was given: two clusters per language, their profiles, nobody's details.
    expect(sent).toHaveBeenCalledTimes(4);
    for (const [params] of sent.mock.calls) {
      const text = `${params.system}\n${params.prompt}`;
      expect(text).toContain('total spend');
      for (const personal of ['Wang', 'Xiuying', 'xiuying@example.com', '上海', 'My regulars']) expect(text).not.toContain(personal);
    }
    sent.mockRestore();
  }, 120_000);

  it('stops when cancelled, keeping the names committed and leaving the cluster in hand as it was', async () => {
    const run = insertRun(core);
    const id = core.jobs.start(NAME_JOB_KIND, { language: 'en' });
    // Progress per cluster: cancelled once the first is named, while the model works on the next.
    await new Promise<void>((resolve) => core.jobs.events.on('job', (e: JobEvent) => e.id === id && e.done >= 1 && resolve()));
    await core.jobs.cancel(id);
    await core.jobs.idle();
    const job = core.jobs.get(id);
    expect(job).toMatchObject({ status: 'cancelled', total: 2 });
    // The tiny model can finish the next cluster before the cancel lands on a busy machine: what
    // was committed is kept either way, and nothing after it was written.
    expect([1, 2]).toContain(job.done);
    const rows = clusterRows(core, run);
    expect(rows.map((r) => r.nameSource)).toEqual(['model', 'person', job.done === 2 ? 'model' : 'rule']);
    expect(rows[1]).toMatchObject({ name: 'My regulars', nameSource: 'person' });
  }, 60_000);
});
