// A row of a messages file (emails, WeChat chats, call logs...), checked and turned into stored values.
import type { CHANNELS, DIRECTIONS } from '../db/schema';
import type { Sentiment } from '../../shared/sentiment';
import { CHANNEL, choice, DIRECTION, parseBool } from './parse-values';
import { bad, readLanguage, readOwnerAndTime, type Checked, type Columns, type ParseOptions, type Person, valueOf } from './validate-common';

export interface InteractionRow {
  person: Person;
  occurredAt: number;
  channel: (typeof CHANNELS)[number];
  direction: (typeof DIRECTIONS)[number];
  subject: string | null;
  body: string;
  language: string;
  handled: boolean;
  /** The analyzer's reading of an inbound message, made while checking (check-row.ts). */
  sentiment: Sentiment | null;
}

export function readInteraction(cols: Columns, cells: string[], opts: ParseOptions & { defaultChannel: InteractionRow['channel'] }): Checked<InteractionRow> {
  const head = readOwnerAndTime(cols, cells, opts, 'message');
  if (!head.ok) return head;
  const body = cols.get(cells, 'body');
  if (!body) return bad('body', { code: 'message_empty', params: {} });
  let channel = opts.defaultChannel;
  const rawChannel = cols.get(cells, 'channel');
  if (rawChannel) {
    const c = choice(CHANNEL, rawChannel);
    if (!c) return bad('channel', { code: 'channel_unknown', params: { value: valueOf(rawChannel) } });
    channel = c;
  }
  let direction: InteractionRow['direction'] = 'inbound';
  const rawDirection = cols.get(cells, 'direction');
  if (rawDirection) {
    const d = choice(DIRECTION, rawDirection);
    if (!d) return bad('direction', { code: 'direction_unknown', params: { value: valueOf(rawDirection) } });
    direction = d;
  }
  const language = readLanguage(cols, cells, body);
  if (!language.ok) return language;
  // Imported history is treated as dealt with unless the file says a message still waits.
  let handled = true;
  const rawHandled = cols.get(cells, 'handled');
  if (rawHandled && direction === 'inbound') {
    const h = parseBool(rawHandled);
    if (h === undefined) return bad('handled', { code: 'yes_no_invalid', params: { value: valueOf(rawHandled) } });
    handled = h;
  }
  return {
    ok: true,
    value: {
      person: head.value.person,
      occurredAt: head.value.occurredAt,
      channel,
      direction,
      subject: cols.get(cells, 'subject').slice(0, 500) || null,
      body: body.slice(0, 100_000),
      language: language.value,
      handled,
      sentiment: null,
    },
  };
}
