// CONTRACT STUB (replaced by the campaigns helper): win-back and campaign messages, made per customer, reviewed, exported.
import type { CampaignMessage, CampaignMessageStatus, CampaignPurpose, CampaignTarget, Tone } from '../../shared/drafting';
import type { Core } from '../core';

export interface CampaignInput {
  name: string;
  purpose: CampaignPurpose;
  target: CampaignTarget;
  brief: string;
  tone: Tone;
}

export interface CampaignSummary {
  id: number;
  name: string;
  purpose: CampaignPurpose;
  target: CampaignTarget;
  brief: string;
  tone: Tone;
  jobId: number | null;
  createdAt: number;
  counts: Record<CampaignMessageStatus, number> & { total: number; drafted: number };
}

const notBuilt = (): never => {
  throw new Error('campaigns not built yet');
};

/** Resolves the target to customers (at most CAMPAIGN_MAX_CUSTOMERS), stores one pending message each and starts the job. */
export function createCampaign(core: Core, input: CampaignInput): { campaignId: number; jobId: number; customers: number } {
  void [core, input];
  return notBuilt();
}
export function listCampaigns(core: Core): CampaignSummary[] {
  void core;
  return notBuilt();
}
export function getCampaign(core: Core, id: number): CampaignSummary {
  void [core, id];
  return notBuilt();
}
export function campaignMessages(core: Core, id: number): CampaignMessage[] {
  void [core, id];
  return notBuilt();
}
/** Approve, skip, or edit (re-checked) one message. */
export function reviewMessage(core: Core, input: { id: number; status?: 'approved' | 'skipped' | 'pending'; body?: string }): CampaignMessage {
  void [core, input];
  return notBuilt();
}
/** Writes the approved messages as CSV into the exports folder, logs each on its customer's timeline; returns the file. */
export function exportCampaign(core: Core, id: number): { file: string; name: string; rows: number } {
  void [core, id];
  return notBuilt();
}
/** Drafts the messages still without a body again (after a cancel or a failure), as a new job. */
export function resumeCampaign(core: Core, id: number): { jobId: number } {
  void [core, id];
  return notBuilt();
}
export function deleteCampaign(core: Core, id: number): void {
  void [core, id];
  notBuilt();
}
