// Change events: one per commit, after it commits, naming what changed; none for a rollback.
// Jobs' steps and an import's own transaction announce theirs when they commit.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import { changeBus } from '../../src-main/core/changes/bus';
import { SAMPLE_JOB_KIND, removeSampleData } from '../../src-main/core/sample/sample-job';
import { countJob } from '../fixtures/count-job';
import { portClientFor } from '../transport/port-client';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore> | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

function listen(sqlite: Parameters<typeof changeBus>[0]) {
  const events: ChangeEvent[] = [];
  changeBus(sqlite).on((e) => events.push(e));
  return events;
}

describe('change bus', () => {
  it('emits once per commit, after the commit, merging what the transaction recorded', () => {
    env = tempCore();
    const { sqlite } = env.core;
    const bus = changeBus(sqlite);
    const events = listen(sqlite);
    let committedWhenEmitted = false;
    bus.on(() => {
      committedWhenEmitted = !sqlite.inTransaction;
    });
    bus.write(() => {
      bus.record('note', 'create', [1], [7]);
      bus.write(() => bus.record('note', 'create', [2], [7]));
      bus.record('task', 'update', [3], [8]);
      expect(events).toHaveLength(0);
    });
    expect(committedWhenEmitted).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0].changes).toEqual([
      { type: 'note', op: 'create', ids: [1, 2], customerIds: [7] },
      { type: 'task', op: 'update', ids: [3], customerIds: [8] },
    ]);
  });

  it('emits nothing for a write that rolled back', () => {
    env = tempCore();
    const { sqlite } = env.core;
    const bus = changeBus(sqlite);
    const events = listen(sqlite);
    expect(() =>
      bus.write(() => {
        bus.record('customer', 'create', [1]);
        throw new Error('invalid');
      }),
    ).toThrow('invalid');
    bus.write(() => bus.record('customer', 'update', [2]));
    expect(events.map((e) => e.changes)).toEqual([[{ type: 'customer', op: 'update', ids: [2], customerIds: [] }]]);
  });

  it('a job step announces what it recorded once the step has committed; a cancelled step announces nothing', async () => {
    env = tempCore();
    const { core } = env;
    const recording = {
      ...countJob,
      kind: 'test.recording',
      async run(ctx: Parameters<typeof countJob.run>[0]) {
        await ctx.step(() => changeBus(ctx.sqlite).record('customer', 'bulk'), { checkpoint: { next: 1 }, done: 1, total: 2 });
        await ctx.step(() => {
          changeBus(ctx.sqlite).record('order', 'bulk');
          throw new Error('step failed');
        }, { checkpoint: { next: 2 }, done: 2, total: 2 });
        return { counted: 2 };
      },
    };
    core.jobs.register(recording);
    const events = listen(core.sqlite);
    const id = core.jobs.start(recording, { items: 2 });
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('failed');
    expect(events.flatMap((e) => e.changes.map((c) => c.type))).toEqual(['customer']);
  });

  it('removing the sample shop announces every type it deleted (the Tasks badge follows it)', async () => {
    env = tempCore();
    const { core } = env;
    core.jobs.start(SAMPLE_JOB_KIND, { seed: 1, customers: 20, anchor: Date.UTC(2026, 5, 1) });
    await core.jobs.idle();
    const events = listen(core.sqlite);
    removeSampleData(core.sqlite);
    const types = events.flatMap((e) => e.changes.filter((c) => c.op === 'bulk').map((c) => c.type));
    expect(types).toEqual(expect.arrayContaining(['customer', 'task', 'order', 'interaction', 'note']));
  });

  it('reaches a subscriber over the contract', async () => {
    env = tempCore();
    const { core } = env;
    const client = portClientFor(core);
    try {
      const got = new Promise<ChangeEvent>((resolve) => {
        const sub = client.api.changes.events.subscribe(undefined, {
          onData(e) {
            sub.unsubscribe();
            resolve(e);
          },
        });
      });
      // Let the subscription reach the core before the write.
      await new Promise((r) => setTimeout(r, 100));
      changeBus(core.sqlite).write(() => changeBus(core.sqlite).record('tag', 'create', [5], [9]));
      const event = await got;
      expect(event.changes).toEqual([{ type: 'tag', op: 'create', ids: [5], customerIds: [9] }]);
    } finally {
      client.close();
    }
  });
});
