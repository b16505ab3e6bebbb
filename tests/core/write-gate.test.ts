// An import holds one transaction open while it streams the file. A note a person adds in the
// meantime must neither ride along with the import (and vanish when it is cancelled) nor be
// lost: it waits, then commits on its own.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../src-main/core/customers/service';
import { IMPORT_JOB_KIND } from '../../src-main/core/import/import-job';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { writeOrderLines } from '../fixtures/import-files';
import { portClientFor } from '../transport/port-client';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
let client: ReturnType<typeof portClientFor>;
beforeAll(() => {
  env = tempCore();
  client = portClientFor(env.core);
});
afterAll(async () => {
  client.close();
  await env.cleanup();
});

describe('writes during an import', () => {
  it('wait for the import to end and are kept when it is cancelled', async () => {
    const { core } = env;
    const customerId = createCustomer(core.sqlite, { name: '林小雨' }).id;
    const file = join(env.dir, 'orders.csv');
    // Big enough that the import is still writing long after the note is sent (it is cancelled then).
    writeOrderLines(file, 150_000);
    const id = core.jobs.start(IMPORT_JOB_KIND, {
      source: { path: file },
      kind: 'orders',
      mapping: { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 },
    });
    await new Promise<void>((resolve) =>
      core.jobs.events.on('job', (e: JobEvent) => {
        if (e.id === id && e.status === 'running' && e.done >= 5_000) resolve();
      }),
    );
    expect(core.writes.busy).toBe(true);
    let noteSettled = false;
    const note = client.api.notes.add.mutate({ customerId, body: 'Called about the Pu-erh order' }).finally(() => (noteSettled = true));
    await new Promise((r) => setTimeout(r, 200));
    // Still waiting: the import's transaction is open.
    expect(noteSettled).toBe(false);
    await core.jobs.cancel(id);
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('cancelled');
    await note;
    const notes = core.sqlite.prepare('SELECT body FROM notes WHERE customer_id = ?').all(customerId) as { body: string }[];
    expect(notes.map((n) => n.body)).toEqual(['Called about the Pu-erh order']);
    expect((core.sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBe(0);
  });
});
