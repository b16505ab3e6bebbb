// What the campaign pages read from the core (campaigns.*), by the router's own types, and the
// query keys under keys.campaignsAll (refetched by the 'campaign' change events).
import type { CampaignMessageStatus } from '../../../../src-main/shared/drafting';
import type { Outputs } from '../../lib/api-types';
import { keys } from '../../lib/query-keys';

export type Campaign = Outputs['campaigns']['get'];
export type CampaignMsg = Outputs['campaigns']['messages'][number];

export const campaignsListKey = [...keys.campaignsAll, 'list'] as const;
export const campaignKey = (id: number) => [...keys.campaignsAll, id] as const;
export const messagesKey = (id: number) => [...keys.campaignsAll, id, 'messages'] as const;

export const STATUS_COLORS: Record<CampaignMessageStatus, string> = {
  pending: 'blue',
  approved: 'teal',
  skipped: 'gray',
  exported: 'indigo',
};
