// `campaign create|list|show|approve|export|resume`: win-back and campaign messages without the
// window, through the same core functions the Campaigns page calls (core/campaigns/service.ts).
// `create` waits for the drafting job (progress on stderr; Ctrl+C stops it, `resume` carries on).
import { CAMPAIGN_PURPOSES, TONES, type CampaignTarget } from '../shared/drafting';
import { SEGMENT_CODES } from '../shared/segments';
import { isActiveStatus } from '../shared/job-kinds';
import type { CampaignJobResult } from '../core/campaigns/campaign-job';
import { campaignMessages, createCampaign, exportCampaign, getCampaign, listCampaigns, resumeCampaign, reviewMessage } from '../core/campaigns/service';
import type { Core } from '../core/core';
import type { JobEvent } from '../core/jobs/catalog';
import { choiceOption, intOption, parse, UsageError } from './args';
import { jobError } from './failure';
import { dataDirOf, withCore } from './open-core';
import { count, ProgressLine, progressText, say } from './output';

export const CAMPAIGN_USAGE = `npm run cli -- campaign <create|list|show|approve|export|resume> [options] [--data-dir DIR]

  create --name NAME (--segment CODE | --list ID | --customer ID)
         [--purpose winback|campaign] [--brief TEXT] [--tone warm|formal|brief|apologetic]
                       one message per customer who can be written to (at most 500), written by
                       the active model, or from templates without one; waits for it
  list                 the campaigns with their messages counted by status
  show ID              one campaign's messages in review order
  approve ID [--message M]
                       approves message M, or every written message still pending
  export ID            writes the approved messages not exported yet as CSV (UTF-8 with a BOM)
                       into the exports folder and logs each on its customer's timeline
  resume ID            writes the messages a stopped job left without a text

Ends with one JSON line: the command's result.`;

const SUBCOMMANDS = ['create', 'list', 'show', 'approve', 'export', 'resume'] as const;

const idArg = (value: string | undefined, what: string): number => {
  const id = intOption(value, what, 1, Number.MAX_SAFE_INTEGER);
  if (id === undefined) throw new UsageError(`Which campaign? Give its id (npm run cli -- campaign list shows them).`, what);
  return id;
};

/** Waits for the campaign's job to end, showing its progress; Ctrl+C stops it. */
async function waitForJob(core: Core, id: number): Promise<CampaignJobResult> {
  const line = new ProgressLine();
  let ended: () => void = () => {};
  const end = new Promise<void>((resolve) => (ended = resolve));
  const onEvent = (e: JobEvent) => {
    if (e.id !== id) return;
    if (!isActiveStatus(e.status)) ended();
    else if (e.done > 0) line.update(progressText('Writing messages', e, 'messages'));
  };
  const onInterrupt = () => {
    line.end();
    process.stderr.write('Stopping… (the messages written so far are kept; `campaign resume` carries on)\n');
    void core.jobs.cancel(id).catch(() => undefined);
  };
  core.jobs.events.on('job', onEvent);
  process.once('SIGINT', onInterrupt);
  try {
    if (!isActiveStatus(core.jobs.get(id).status)) ended();
    await end;
  } finally {
    line.end();
    core.jobs.events.off('job', onEvent);
    process.off('SIGINT', onInterrupt);
  }
  const job = core.jobs.get(id);
  if (job.kind !== 'campaigns.draft' || job.status !== 'done' || !job.result) throw jobError(job);
  return job.result;
}

function target(values: { segment?: string; list?: string; customer?: string }): CampaignTarget {
  const given = [values.segment, values.list, values.customer].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UsageError('Say who the campaign is for with one of --segment CODE, --list ID or --customer ID.', 'target');
  if (values.segment !== undefined) return { kind: 'segment', segment: choiceOption(values.segment, 'segment', SEGMENT_CODES)! };
  if (values.list !== undefined) return { kind: 'list', listId: idArg(values.list, 'list') };
  return { kind: 'customer', customerId: idArg(values.customer, 'customer') };
}

export async function campaignCommand(argv: string[]): Promise<object> {
  const { values, positionals } = parse(argv, {
    name: { type: 'string' },
    purpose: { type: 'string' },
    segment: { type: 'string' },
    list: { type: 'string' },
    customer: { type: 'string' },
    brief: { type: 'string' },
    tone: { type: 'string' },
    message: { type: 'string' },
  });
  const [sub, idText] = positionals;
  const what = choiceOption(sub, 'subcommand', SUBCOMMANDS);
  if (!what) throw new UsageError(`Say what to do: ${SUBCOMMANDS.join(', ')}.`, 'subcommand');
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    switch (what) {
      case 'create': {
        const name = values.name?.trim();
        if (!name) throw new UsageError('Give the campaign a --name.', 'name');
        const made = createCampaign(core, {
          name: name.slice(0, 120),
          purpose: choiceOption(values.purpose, 'purpose', CAMPAIGN_PURPOSES) ?? 'winback',
          target: target(values),
          brief: (values.brief ?? '').trim().slice(0, 2000),
          tone: choiceOption(values.tone, 'tone', TONES) ?? 'warm',
        });
        say(`Campaign ${made.campaignId}: ${count(made.customers, 'customer')}${made.leftOut ? `, ${count(made.leftOut, 'customer')} left out (no consent or no contact)` : ''}.`);
        const result = await waitForJob(core, made.jobId);
        say(`Wrote ${count(result.drafted, 'message')}: ${result.byModel} by the model, ${result.byTemplate} from templates.`);
        return { ...made, ...result };
      }
      case 'list': {
        const campaigns = listCampaigns(core);
        for (const c of campaigns) say(`${c.id}  ${c.name}  ${c.counts.drafted}/${c.counts.total} written, ${c.counts.approved} approved, ${c.counts.exported} exported`);
        return { campaigns };
      }
      case 'show': {
        const id = idArg(idText, 'id');
        const messages = campaignMessages(core, id);
        for (const m of messages) say(`#${m.id} ${m.customerName} (${m.channel}, ${m.language}, ${m.status}${m.checks.some((c) => !c.ok) ? ', check failed' : ''})\n${m.body ?? '(not written yet)'}\n`);
        return { campaign: getCampaign(core, id), messages };
      }
      case 'approve': {
        const id = idArg(idText, 'id');
        const only = values.message === undefined ? null : idArg(values.message, 'message');
        const chosen = campaignMessages(core, id).filter((m) => (only === null ? m.status === 'pending' && m.body !== null : m.id === only));
        if (only !== null && !chosen.length) throw new UsageError(`Campaign ${id} has no message ${only}.`, 'message');
        for (const m of chosen) reviewMessage(core, { id: m.id, status: 'approved' });
        say(`Approved ${count(chosen.length, 'message')}.`);
        return { approved: chosen.length, campaign: getCampaign(core, id) };
      }
      case 'export': {
        const out = exportCampaign(core, idArg(idText, 'id'));
        say(out.file ? `Wrote ${count(out.rows, 'message')} to ${out.file}; each is logged on its customer's timeline.` : 'No message was approved since the last export.');
        if (out.alreadyExported) say(`${count(out.alreadyExported, 'message')} went out in an earlier export and are not in this file.`);
        return out;
      }
      case 'resume': {
        const id = idArg(idText, 'id');
        const { jobId } = resumeCampaign(core, id);
        const result = await waitForJob(core, jobId);
        say(`Wrote ${count(result.drafted, 'message')}.`);
        return { jobId, ...result };
      }
    }
  });
}
