// Win-back and campaign messages: made for a customer, a segment or a smart list (targets.ts), one
// message per customer who can be written to (reach.ts), drafted by the model-lane job
// (campaign-job.ts), reviewed one by one (approve, edit, skip), exported as CSV and logged on each
// timeline (campaign-export.ts). Every write is one transaction on the change bus, recorded as a
// 'campaign' change so open pages refresh.
import type { CampaignMessage, CampaignMessageStatus, CampaignPurpose, CampaignTarget, Tone } from '../../shared/drafting';
import { isActiveStatus } from '../../shared/job-kinds';
import { changeBus } from '../changes/bus';
import type { Core } from '../core';
import { checkDraft } from '../drafting/checks';
import { customerRecords } from '../drafting/customer-records';
import { getShopFacts, writtenFacts } from '../drafting/facts';
import { AppError, notFound } from '../errors';
import { CAMPAIGN_JOB_KIND } from './campaign-job';
import { expectations } from './campaign-prompt';
import { channelFor, contactsOf } from './reach';
import { campaignRow, messageById, messageCounts, messagesOf, requireCampaign, type CampaignRow, type Counts } from './store';
import { resolveTarget } from './targets';

export { exportCampaign } from './campaign-export';

export interface CampaignInput {
  name: string;
  purpose: CampaignPurpose;
  target: CampaignTarget;
  brief: string;
  tone: Tone;
}

export interface CampaignSummary extends CampaignRow {
  counts: Record<CampaignMessageStatus, number> & { total: number; drafted: number };
}

const summary = (c: CampaignRow, counts: Counts): CampaignSummary => ({ ...c, counts });

/**
 * Resolves the target to customers (at most CAMPAIGN_MAX_CUSTOMERS), stores one pending message
 * each and starts the job. Customers with no consent or no contact for any channel are left out:
 * `leftOut` counts them; campaign_empty when nobody is left.
 */
export function createCampaign(core: Core, input: CampaignInput): { campaignId: number; jobId: number; customers: number; leftOut: number } {
  const { sqlite } = core;
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const ids = resolveTarget(sqlite, input.target);
    const reached = contactsOf(sqlite, ids).flatMap((c) => {
      const channel = channelFor(c);
      return channel ? [{ c, channel }] : [];
    });
    const leftOut = ids.length - reached.length;
    if (!reached.length) {
      throw new AppError('campaign_empty', ids.length ? `None of the ${ids.length} customers can be written to (no consent or no contact for any channel).` : 'The target has no customers.', 'target', { leftOut });
    }
    const now = Date.now();
    const campaignId = Number(
      sqlite
        .prepare('INSERT INTO campaigns (name, purpose, target, brief, tone, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.name, input.purpose, JSON.stringify(input.target), input.brief, input.tone, now).lastInsertRowid,
    );
    const add = sqlite.prepare(`INSERT INTO campaign_messages (campaign_id, customer_id, position, language, channel, status, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`);
    reached.forEach(({ c, channel }, i) => add.run(campaignId, c.id, i + 1, c.language, channel, now));
    // Queued inside the transaction: the job's lane starts it only after this commits.
    const jobId = core.jobs.start(CAMPAIGN_JOB_KIND, { campaignId, name: input.name });
    sqlite.prepare('UPDATE campaigns SET job_id = ? WHERE id = ?').run(jobId, campaignId);
    bus.record('campaign', 'create', [campaignId]);
    return { campaignId, jobId, customers: reached.length, leftOut };
  });
}

/** Every campaign, newest first, with its messages counted by status. */
export function listCampaigns(core: Core): CampaignSummary[] {
  const { sqlite } = core;
  const ids = sqlite.prepare('SELECT id FROM campaigns ORDER BY id DESC').pluck().all() as number[];
  return ids.flatMap((id) => {
    const c = campaignRow(sqlite, id);
    return c ? [summary(c, messageCounts(sqlite, id))] : [];
  });
}

export function getCampaign(core: Core, id: number): CampaignSummary {
  return summary(requireCampaign(core.sqlite, id), messageCounts(core.sqlite, id));
}

/** The campaign's messages in review order, with their customers' names. */
export function campaignMessages(core: Core, id: number): CampaignMessage[] {
  requireCampaign(core.sqlite, id);
  return messagesOf(core.sqlite, id);
}

const refused = (field: 'status' | 'body', message: string) => new AppError('invalid_input', `${field}: ${message}`, field, {}, [{ field, code: 'not_allowed', params: {} }]);

/**
 * Approve, skip, re-open ('pending'), and/or edit one message. An edited body is checked again
 * against the customer's records, the brief and the shop facts, and stored with its checks. An exported message
 * is on the customer's timeline already and stays as it went out.
 */
export function reviewMessage(core: Core, input: { id: number; status?: 'approved' | 'skipped' | 'pending'; body?: string }): CampaignMessage {
  const { sqlite } = core;
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const m = messageById(sqlite, input.id);
    if (!m) throw notFound('Campaign message', input.id);
    if (m.status === 'exported') throw refused(input.body !== undefined ? 'body' : 'status', 'this message was exported and logged on the customer\u2019s timeline already.');
    const status = input.status ?? m.status;
    let { body, checks } = m;
    if (input.body !== undefined && input.body !== m.body) {
      const campaign = requireCampaign(sqlite, m.campaignId);
      const records = customerRecords(sqlite, m.customerId);
      body = input.body;
      checks = checkDraft(body, expectations(records, m.language, m.channel, campaign.brief, writtenFacts(getShopFacts(core.db))));
    }
    if (status === 'approved' && !body) throw refused('status', 'this message has not been written yet.');
    sqlite.prepare('UPDATE campaign_messages SET status = ?, body = ?, checks = ?, updated_at = ? WHERE id = ?').run(status, body, body === null ? null : JSON.stringify(checks), Date.now(), m.id);
    bus.record('campaign', 'update', [m.campaignId], [m.customerId]);
    return messageById(sqlite, m.id) as CampaignMessage;
  });
}

/** Whether the campaign's job is still queued or running. */
function activeJob(core: Core, c: CampaignRow): number | null {
  if (c.jobId === null) return null;
  try {
    return isActiveStatus(core.jobs.get(c.jobId).status) ? c.jobId : null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * Drafts the messages still without a body (after a cancel or a failure) as a new job; the job
 * already at work when there is one.
 */
export function resumeCampaign(core: Core, id: number): { jobId: number } {
  const { sqlite } = core;
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const c = requireCampaign(sqlite, id);
    const running = activeJob(core, c);
    if (running !== null) return { jobId: running };
    const jobId = core.jobs.start(CAMPAIGN_JOB_KIND, { campaignId: id, name: c.name });
    sqlite.prepare('UPDATE campaigns SET job_id = ? WHERE id = ?').run(jobId, id);
    bus.record('campaign', 'update', [id]);
    return { jobId };
  });
}

/** Removes a campaign and its messages; what was exported stays on the customers' timelines. */
export function deleteCampaign(core: Core, id: number): void {
  const { sqlite } = core;
  const bus = changeBus(sqlite);
  const c = bus.write(() => {
    const c = requireCampaign(sqlite, id);
    sqlite.prepare('DELETE FROM campaigns WHERE id = ?').run(id);
    bus.record('campaign', 'delete', [id]);
    return c;
  });
  // Its job finds nothing left to write; stopping it saves the model the work.
  const running = activeJob(core, c);
  if (running !== null) void core.jobs.cancel(running).catch(() => undefined);
}
