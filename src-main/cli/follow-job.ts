// Runs one job of the core's job system from the command line, exactly as the UI starts it, and
// waits for it to end: progress on stderr, Ctrl+C cancels it (its transaction rolls back, so a
// cancelled import keeps nothing).
import type { Core } from '../core/core';
import type { JobEvent, JobInput, JobRow } from '../core/jobs/catalog';
import { isActiveStatus, type JobKindName } from '../shared/job-kinds';
import { ProgressLine } from './output';

/** How a job's progress reads on one line, or null to show nothing for this event. */
export type Describe = (e: JobEvent) => string | null;

export async function followJob<K extends JobKindName>(core: Core, kind: K, input: JobInput<K>, describe: Describe): Promise<JobRow> {
  const line = new ProgressLine();
  let id = -1;
  let ended: () => void = () => {};
  const end = new Promise<void>((resolve) => (ended = resolve));
  const onEvent = (e: JobEvent) => {
    if (e.id !== id) return;
    if (!isActiveStatus(e.status)) ended();
    else if (e.done > 0) {
      const text = describe(e);
      if (text) line.update(text);
    }
  };
  const onInterrupt = () => {
    line.end();
    process.stderr.write('Cancelling…\n');
    core.jobs.cancel(id).catch((err: unknown) => process.stderr.write(`Could not cancel: ${err instanceof Error ? err.message : String(err)}\n`));
  };
  core.jobs.events.on('job', onEvent);
  process.once('SIGINT', onInterrupt);
  try {
    id = core.jobs.start(kind, input);
    // It may have ended before the listener could hear it (a job that fails at once).
    if (!isActiveStatus(core.jobs.get(id).status)) ended();
    await end;
    return core.jobs.get(id);
  } finally {
    line.end();
    core.jobs.events.off('job', onEvent);
    process.off('SIGINT', onInterrupt);
  }
}
