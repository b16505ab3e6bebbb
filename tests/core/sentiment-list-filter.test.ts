// The customers list filters by how people felt lately, and about what: the same SQL serves the
// list the UI scrolls and the export of "this list".
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { listCustomers } from '../../src-main/core/customers/service';
import { createCustomer } from '../../src-main/core/customers/write';
import { addFeedback } from '../../src-main/core/feedback/service';
import { logInteraction } from '../../src-main/core/interactions/service';
import { FEELING_DAYS } from '../../src-main/shared/sentiment';
import { openCore, tempDir } from './temp-core';

const DAY = 86_400_000;

describe('customers list: feeling and topic filters', () => {
  const dir = tempDir();
  let core: Core;
  const id: Record<string, number> = {};
  const names = (raw: Parameters<typeof listCustomers>[1]) => listCustomers(core.sqlite, raw).rows.map((r) => r.name).sort();

  beforeAll(() => {
    core = openCore(dir, { noResume: true });
    const s = core.sqlite;
    for (const name of ['Late Parcel', 'Happy Tea', 'Old Complaint', 'Quiet One', '王芳', 'Outbound Only']) id[name] = createCustomer(s, { name }).id;
    const now = Date.now();
    const msg = (who: string, body: string, daysAgo: number, direction: 'inbound' | 'outbound' = 'inbound') =>
      logInteraction(s, { customerId: id[who], channel: 'email', direction, body, occurredAt: now - daysAgo * DAY });
    msg('Late Parcel', 'The delivery was two weeks late and nobody told me. Very disappointed.', 3);
    msg('Happy Tea', 'Lovely tea, great quality, thank you!', 5);
    msg('Old Complaint', 'Terrible service, the parcel arrived broken.', FEELING_DAYS + 20);
    msg('Quiet One', 'Can you send the invoice for my order?', 2);
    addFeedback(s, { customerId: id['王芳'], kind: 'review', rating: 2, body: '物流太慢了，等了一个星期，很失望', occurredAt: now - DAY });
    msg('Outbound Only', 'We are sorry, your order is late and broken, terrible of us.', 1, 'outbound');
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"unhappy lately" finds who complained within the window, in either language, and not the shop’s own words', () => {
    expect(names({ feeling: 'unhappy' })).toEqual(['Late Parcel', '王芳']);
  });

  it('"happy lately" and a topic narrow it the same way', () => {
    expect(names({ feeling: 'happy' })).toEqual(['Happy Tea']);
    expect(names({ feeling: 'unhappy', aspect: 'delivery' })).toEqual(['Late Parcel', '王芳']);
    expect(names({ feeling: 'unhappy', aspect: 'price' })).toEqual([]);
    expect(names({ aspect: 'quality' })).toEqual(['Happy Tea']);
  });

  it('combines with the other filters and counts what it shows', () => {
    const r = listCustomers(core.sqlite, { feeling: 'unhappy', search: 'Parcel' });
    expect(r.rows.map((x) => x.name)).toEqual(['Late Parcel']);
    expect(r.total).toBe(1);
  });

  it('the model’s reading, where there is one, is the one the filter goes by', () => {
    const happyTeaMessage = core.sqlite.prepare('SELECT id FROM interactions WHERE customer_id = ?').pluck().get(id['Happy Tea']) as number;
    core.sqlite
      .prepare(
        `INSERT INTO sentiments (interaction_id, customer_id, source, label, score, aspects, words, reason, version, occurred_at, analyzed_at)
         SELECT interaction_id, customer_id, 'model', 'negative', -0.6, '[]', '[]', 'sarcastic', 'test.gguf', occurred_at, 0 FROM sentiments WHERE interaction_id = ?`,
      )
      .run(happyTeaMessage);
    expect(names({ feeling: 'unhappy' })).toEqual(['Happy Tea', 'Late Parcel', '王芳']);
    expect(names({ feeling: 'happy' })).toEqual([]);
  });
});
