// `inbox [--limit N] [--json]`: the most urgent open messages, each with the reasons for its place,
// and the median response time, as the Inbox page shows them.
import { RESPONSE_DAYS, type InboxItem, type InboxStats, type UrgencyReason } from '../shared/inbox';
import { inboxList, inboxStats } from '../core/inbox/queries';
import { intOption, parse, UsageError } from './args';
import { dataDirOf, withCore } from './open-core';
import { count, n, say } from './output';

export const INBOX_USAGE = `npm run cli -- inbox [--limit 20] [--json] [--data-dir DIR]

Lists the open customer messages, most urgent first, with why each is urgent (how the customer
feels and what about, an unanswered complaint, their segment, value and churn risk, how long they
have waited), and the median response time over the last ${RESPONSE_DAYS} days.

  --limit N              how many messages to list (1 to 2,000; default 20)
  --json                 print only the JSON line
  --data-dir DIR         the data folder (default: the app's)

Ends with one JSON line: {"stats": {open, medianResponseMs, answered}, "total": N, "items": [...]}.`;

/** "40 min", "5.2 h", "3.1 days". */
export function duration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.round(ms / 60_000)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

function reasonText(r: UrgencyReason): string {
  switch (r.code) {
    case 'feeling':
      return r.aspects.length ? `${r.label}, about ${r.aspects.join(', ').replaceAll('_', ' ')}` : r.label;
    case 'open_complaint':
      return 'open complaint';
    case 'segment':
      return `segment ${r.segment}`;
    case 'churn_risk':
      return `churn risk ${Math.round(r.risk * 100)}%`;
    case 'high_value':
      return `top 10% lifetime value (${(r.clvCents / 100).toFixed(2)})`;
    case 'waiting':
      return `waiting ${duration(r.hours * 3_600_000)}`;
  }
}

function statsLine(s: InboxStats): string {
  const median = s.medianResponseMs === null ? 'no messages answered' : `median response ${duration(s.medianResponseMs)} over ${count(s.answered, 'answered message')}`;
  return `${count(s.open, 'open message')}; ${median} in the last ${RESPONSE_DAYS} days.`;
}

export async function inboxCommand(argv: string[]): Promise<{ stats: InboxStats; total: number; items: InboxItem[] }> {
  const { values, positionals } = parse(argv, { limit: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`inbox takes no file or list (got "${positionals[0]}").`);
  const limit = intOption(values.limit, 'limit', 1, 2000) ?? 20;
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    const now = Date.now();
    const stats = inboxStats(core.sqlite, now);
    const { items, total } = inboxList(core.sqlite, {}, limit, now);
    if (!values.json) {
      say(statsLine(stats));
      if (total > items.length) say(`The ${n(items.length)} most urgent:`);
      for (const m of items) {
        // Local time for the person ("sv" writes it as 2024-03-01 14:30:00); epoch ms in the JSON.
        say(`#${m.id}  ${new Date(m.at).toLocaleString('sv')}  ${m.customerName} (${m.channel}, ${m.language})  urgency ${m.urgency}`);
        say(`    ${m.reasons.map(reasonText).join('; ')}`);
        say(`    ${m.body.length > 100 ? `${m.body.slice(0, 99)}…` : m.body}`);
      }
    }
    return { stats, total, items };
  });
}
