// The campaign tables as the service, the job and the export read them.
import type Database from 'better-sqlite3';
import { CAMPAIGN_MESSAGE_STATUSES, type CampaignMessage, type CampaignPurpose, type CampaignTarget, type DraftCheck, type Tone } from '../../shared/drafting';
import type { Channel } from '../../shared/records';
import { writtenLanguage } from '../customers/language';
import { notFound } from '../errors';

export interface CampaignRow {
  id: number;
  name: string;
  purpose: CampaignPurpose;
  target: CampaignTarget;
  brief: string;
  tone: Tone;
  jobId: number | null;
  createdAt: number;
}

export function campaignRow(sqlite: Database.Database, id: number): CampaignRow | null {
  const r = sqlite.prepare('SELECT id, name, purpose, target, brief, tone, job_id AS jobId, created_at AS createdAt FROM campaigns WHERE id = ?').get(id) as
    | (Omit<CampaignRow, 'target'> & { target: string })
    | undefined;
  return r ? { ...r, target: JSON.parse(r.target) as CampaignTarget } : null;
}

export function requireCampaign(sqlite: Database.Database, id: number): CampaignRow {
  const c = campaignRow(sqlite, id);
  if (!c) throw notFound('Campaign', id);
  return c;
}

export type Counts = Record<(typeof CAMPAIGN_MESSAGE_STATUSES)[number], number> & { total: number; drafted: number };

export function messageCounts(sqlite: Database.Database, campaignId: number): Counts {
  const rows = sqlite.prepare('SELECT status, count(*) AS n, count(body) AS drafted FROM campaign_messages WHERE campaign_id = ? GROUP BY status').all(campaignId) as {
    status: (typeof CAMPAIGN_MESSAGE_STATUSES)[number];
    n: number;
    drafted: number;
  }[];
  const counts: Counts = { pending: 0, approved: 0, skipped: 0, exported: 0, total: 0, drafted: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.total += r.n;
    counts.drafted += r.drafted;
  }
  return counts;
}

interface MessageRow {
  id: number;
  customerId: number;
  customerName: string;
  position: number;
  language: string;
  channel: Channel;
  body: string | null;
  madeBy: 'model' | 'template' | null;
  checks: string | null;
  status: CampaignMessage['status'];
}

const MESSAGE = `SELECT m.id, m.customer_id AS customerId, c.name AS customerName, m.position, m.language, m.channel, m.body, m.made_by AS madeBy, m.checks, m.status
  FROM campaign_messages m JOIN customers c ON c.id = m.customer_id`;

const toMessage = (r: MessageRow): CampaignMessage => ({ ...r, language: writtenLanguage(r.language), checks: r.checks ? (JSON.parse(r.checks) as DraftCheck[]) : [] });

export function messagesOf(sqlite: Database.Database, campaignId: number): CampaignMessage[] {
  return (sqlite.prepare(`${MESSAGE} WHERE m.campaign_id = ? ORDER BY m.position`).all(campaignId) as MessageRow[]).map(toMessage);
}

export function messageById(sqlite: Database.Database, id: number): (CampaignMessage & { campaignId: number }) | null {
  const r = sqlite.prepare(`${MESSAGE.replace('SELECT ', 'SELECT m.campaign_id AS campaignId, ')} WHERE m.id = ?`).get(id) as (MessageRow & { campaignId: number }) | undefined;
  return r ? { ...toMessage(r), campaignId: r.campaignId } : null;
}
