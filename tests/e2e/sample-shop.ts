// The sample shop as the browser specs start from it: any earlier sample removed, the shop loaded
// on a fixed day, the analysis pinned to a date, and the analysis of that date in (the segments,
// or the predictions that follow them) before the spec looks at a screen.
import { expect } from '@playwright/test';
import type { wsClientFor } from '../transport/clients';

type Client = ReturnType<typeof wsClientFor>;

export async function loadPinnedSampleShop(client: Client, o: { anchor: number; pin: string; until: 'segments' | 'predictions' }): Promise<void> {
  if ((await client.api.app.overview.query()).sampleCustomers > 0) await client.api.sample.remove.mutate();
  const { jobId } = await client.api.sample.load.mutate({ seed: 42, customers: 2000, anchor: o.anchor });
  await expect.poll(async () => (await client.api.jobs.get.query({ id: jobId })).status, { timeout: 120_000 }).toBe('done');
  // A run of the same day left by an earlier spec (or made while the old sample was removed) is not
  // this shop's: wait for one computed after the load (one write lane, so it read the loaded shop).
  const since = (await client.api.jobs.get.query({ id: jobId })).finishedAt ?? Date.now();
  await client.api.segments.setAnalysisDate.mutate({ date: o.pin });
  await expect
    .poll(
      async () => {
        const a = o.until === 'segments' ? await client.api.segments.overview.query({}) : await client.api.predictions.overview.query({});
        return a.jobId === null && a.run?.date === o.pin && a.run.computedAt >= since && !a.stale;
      },
      { timeout: 180_000, intervals: [1000] },
    )
    .toBe(true);
}
