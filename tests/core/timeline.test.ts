import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../src-main/core/customers/service';
import { logInteraction } from '../../src-main/core/interactions/service';
import { addNote, deleteNote } from '../../src-main/core/notes/service';
import { addTask } from '../../src-main/core/tasks/service';
import { customerTimeline, type TimelineCursor } from '../../src-main/core/timeline/service';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
let customerId: number;

beforeAll(() => {
  env = tempCore();
  customerId = createCustomer(env.core.sqlite, { name: '陈静' }).id;
});
afterAll(() => env.cleanup());

describe('customer timeline', () => {
  it('merges notes, tasks and messages newest first and pages without losing items that share a time', () => {
    const { sqlite } = env.core;
    // Five messages in the same millisecond straddle the first page's end.
    for (let i = 0; i < 5; i++) logInteraction(sqlite, { customerId, channel: 'wechat', direction: 'inbound', body: `同一时刻 ${i}`, occurredAt: 1_000 });
    for (let i = 0; i < 4; i++) logInteraction(sqlite, { customerId, channel: 'email', direction: 'outbound', body: `later ${i}`, occurredAt: 2_000 + i });
    addNote(sqlite, customerId, 'Prefers WeChat', 500);
    addTask(sqlite, { customerId, title: 'Call back' });
    const seen: string[] = [];
    let cursor: TimelineCursor | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = customerTimeline(sqlite, customerId, cursor, 6);
      seen.push(...page.items.map((i) => `${i.type}:${i.id}`));
      for (let k = 1; k < page.items.length; k++) expect(page.items[k].at).toBeLessThanOrEqual(page.items[k - 1].at);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(11);
    expect(seen[0]).toMatch(/^task:/);
    expect(seen.at(-1)).toMatch(/^note:/);
  });

  it('a deleted note restored with its time returns to the same place', () => {
    const { sqlite } = env.core;
    const note = addNote(sqlite, customerId, 'Allergic to nuts', 1_500);
    const removed = deleteNote(sqlite, note.id);
    addNote(sqlite, customerId, removed.body, removed.createdAt);
    const items = customerTimeline(sqlite, customerId, undefined, 50).items;
    const restored = items.find((i) => i.type === 'note' && i.body === 'Allergic to nuts')!;
    expect(restored.at).toBe(1_500);
  });
});
