import { on } from 'node:events';
import type { ChangeEvent } from '../../shared/change-kinds';
import { procedure, router } from '../trpc';

export const changesRouter = router({
  /** What each commit changed, after it committed: the UI refreshes what is on screen from it. */
  events: procedure.subscription(async function* ({ ctx, signal }) {
    // `on` queues events that arrive while the consumer is busy and ends with the signal.
    for await (const [event] of on(ctx.core.changes.events, 'change', { signal })) {
      yield event as ChangeEvent;
    }
  }),
});
