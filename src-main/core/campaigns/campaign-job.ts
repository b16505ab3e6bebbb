// CONTRACT STUB (replaced by the campaigns helper): the model-lane job drafting one message per customer of a campaign.
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { defineJob } from '../jobs/job-kind';
import type { ModelServices } from '../models/service';

export const CAMPAIGN_JOB_KIND = 'campaigns.draft' satisfies JobKindName;

export const campaignJobInput = z.object({ campaignId: z.number().int().positive() });
const checkpoint = z.object({ done: z.number(), byModel: z.number(), byTemplate: z.number() });

export function campaignJob(models: ModelServices) {
  return defineJob({
    kind: CAMPAIGN_JOB_KIND,
    input: campaignJobInput,
    checkpoint,
    async run(): Promise<{ drafted: number; byModel: number; byTemplate: number; failed: number }> {
      void models;
      throw new Error('campaigns not built yet');
    },
  });
}
