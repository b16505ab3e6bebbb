// Drafts say the day the owner means: the local day. Run in Shanghai (UTC+8), where an order
// imported as "2024-03-01" is stored at local midnight, 2024-02-29 16:00 UTC: the reply's prompt,
// its sources, the facts check, a campaign message's prompt and template, and the summary all say
// 1 March, never 29 February (which a UTC day would).
process.env.TZ = 'Asia/Shanghai';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { buildSummaryPrompt } from '../../src-main/core/ai/summary-prompt';
import { customerPrompt } from '../../src-main/core/campaigns/campaign-prompt';
import { campaignMessages, createCampaign } from '../../src-main/core/campaigns/service';
import { createCustomer } from '../../src-main/core/customers/service';
import { customerRecords } from '../../src-main/core/drafting/customer-records';
import { checkReply, draftContext } from '../../src-main/core/drafting/draft-reply';
import { parseDate } from '../../src-main/core/import/parse-date';
import { logInteraction } from '../../src-main/core/interactions/service';
import { addOrder } from '../../src-main/core/orders/write';
import { tempCore } from './temp-core';

describe('dates in drafts, in Asia/Shanghai', () => {
  let env: ReturnType<typeof tempCore>;
  let core: Core;
  let customerId: number;
  let messageId: number;

  beforeAll(() => {
    env = tempCore({ noResume: true });
    core = env.core;
    customerId = createCustomer(core.sqlite, { name: 'Ivy Chen', language: 'en', email: 'ivy@example.com', consentEmail: true }).id;
    addOrder(core.sqlite, { customerId, orderNo: 'IC-0301', orderedAt: parseDate('2024-03-01')!, lines: [{ name: 'Oolong 乌龙茶 100g', quantity: 1, unitPriceCents: 8800 }] });
    messageId = logInteraction(core.sqlite, { customerId, channel: 'email', direction: 'inbound', body: 'Where is my oolong?', language: 'en', occurredAt: parseDate('2024-03-05 09:30')! }).id;
  });
  afterAll(() => env.cleanup());

  it('runs where the local day and the UTC day differ', () => {
    const stored = parseDate('2024-03-01')!;
    expect(new Date(stored).getTimezoneOffset()).toBe(-480);
    expect(new Date(stored).toISOString().slice(0, 10)).toBe('2024-02-29');
  });

  it("writes the reply's prompt and sources with the local day, and its facts check accepts that day", () => {
    const c = draftContext(core, { messageId, tone: 'warm' });
    expect(c.prompt).toContain('IC-0301: 2024-03-01, 88.00');
    expect(c.prompt).toContain('2024-03-05');
    expect(c.prompt).not.toContain('2024-02-29');
    expect(c.sources.find((s) => s.kind === 'order')?.text).toMatch(/^IC-0301: 2024-03-01,/);
    const facts = (text: string) => checkReply(core, { messageId, language: 'en', text }).find((x) => x.check === 'facts');
    expect(facts('Hi Ivy, your order IC-0301 of 1 March 2024 is on its way.')).toMatchObject({ ok: true });
    expect(facts('Hi Ivy, your order IC-0301 of 29 February 2024 is on its way.')).toMatchObject({ ok: false, params: { unknown: ['29 February 2024'] } });
  });

  it("writes a campaign message's prompt and template with the local day", async () => {
    expect(customerPrompt(customerRecords(core.sqlite, customerId), 'en', 'email')).toContain('Last order: IC-0301 on 1 March 2024');
    const made = createCampaign(core, { name: 'Back', purpose: 'winback', target: { kind: 'customer', customerId }, brief: '', tone: 'formal' });
    await core.jobs.idle();
    const [m] = campaignMessages(core, made.campaignId);
    expect(m.body).toContain('most recently on 1 March 2024');
    expect(m.checks.filter((x) => !x.ok)).toEqual([]);
  });

  it('writes the summary with the local day', () => {
    expect(buildSummaryPrompt(core.sqlite, customerId, 'en').prompt).toContain('last order 2024-03-01');
  });
});
