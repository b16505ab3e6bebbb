// How the shop answered messages like this one before: other customers' (and this customer's)
// inbound messages found through the search index by this message's key words, each with the
// shop's reply to it — the outbound message that answers it (reply_to_id), or else the next one
// the shop sent that customer within REPLY_WINDOW_DAYS (messages logged before replies were linked).
// Only the shop's words are kept, and nothing of the customer they were written to: the customer's
// message is left out, the greeting dropped, their name said as "the customer", and every email
// and every token holding a digit (order numbers, amounts, dates, phones) taken out.
import type Database from 'better-sqlite3';
import type { DraftLanguage } from '../../shared/drafting';
import { writtenLanguage } from '../customers/language';
import { buildMatchQuery } from '../search/fts-text';
import { loadLexicons } from '../sentiment/lexicons';

export interface PastReply {
  messageId: number;
  replyId: number;
  /** The shop's reply, without the greeting and without anything that names or identifies its customer. */
  reply: string;
  at: number;
}

const REPLY_WINDOW_DAYS = 3;
const DAY = 86_400_000;
/** Index hits read per query: newest first, so a common word costs no more than a rare one. */
const HITS = 40;
const MAX_TERMS = 6;

const EN_STOP = new Set(
  ('the and for are but not you your yours with this that these those have has had was were been being from they them their there here what when where which who whom why how ' +
    'can could would should will shall may might must just very really also again still already please thanks thank hello dear hey its it\'s i\'m i\'ve i\'d don\'t didn\'t ' +
    'can\'t won\'t isn\'t wasn\'t our ours out into about over under than then too much many more most some any all each every other only own same such one two ' +
    'get got make made take took know want wanted like would\'ve let did does doing done say said tell told ask asked time day days week weeks today yesterday ' +
    'order orders ordered hi regards best wishes kind sincerely team shop store customer said phone call called visit visited message messages').split(' '),
);
const ZH_STOP = new Set(
  '您好 你好 你们 我们 他们 她们 一下 什么 怎么 怎么样 可以 还是 但是 就是 这个 那个 这次 上次 已经 没有 现在 谢谢 非常 真的 一个 一些 能不能 是不是 有没有 为什么 麻烦 请问 老板 客服 订单 东西 时候 知道 感觉 觉得 然后 所以 因为 如果 还有 一直 一样 不是 不能 不要 需要 应该 来电 到店 客人 不少 有点 哪里 一点 比较 还没 到底 回事 怎么回事 收到 问一下 一般 多少 几天'.split(' '),
);

/** The words that say what a message is about, most telling (longest) first. */
export function keyWords(text: string): string[] {
  const words: string[] = [];
  for (const w of text.toLowerCase().match(/[a-z][a-z']+/g) ?? []) {
    if (w.length < 3 || EN_STOP.has(w)) continue;
    // A crude stem, as a prefix query: "damaged" finds "damage", "delivery" finds "delivered".
    words.push(w.length > 5 ? w.slice(0, Math.max(5, w.length - 2)) : w.replace(/'.*$/, ''));
  }
  if (/\p{Script=Han}/u.test(text)) {
    for (const w of loadLexicons().jieba.cut(text, false)) if (/^\p{Script=Han}{2,}$/u.test(w) && !ZH_STOP.has(w)) words.push(w);
  }
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, MAX_TERMS);
}

interface Statements {
  hits: Database.Statement;
  message: Database.Statement;
  linked: Database.Statement;
  next: Database.Statement;
}
const cache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      hits: sqlite.prepare('SELECT rowid AS id FROM interactions_fts WHERE interactions_fts MATCH ? ORDER BY rowid DESC LIMIT ?'),
      message: sqlite.prepare(
        `SELECT i.customer_id AS customerId, c.name, i.language, i.subject, i.body, i.occurred_at AS at
         FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE i.id = ? AND i.direction = 'inbound'`,
      ),
      linked: sqlite.prepare(`SELECT id, body FROM interactions WHERE reply_to_id = ? AND direction = 'outbound' ORDER BY id LIMIT 1`),
      next: sqlite.prepare(
        `SELECT id, body FROM interactions WHERE customer_id = ? AND direction = 'outbound' AND occurred_at > ? AND occurred_at <= ? ORDER BY occurred_at LIMIT 1`,
      ),
    };
    cache.set(sqlite, s);
  }
  return s;
}

/** The queries to try, most specific first: the top words together, then any of them. */
function queries(terms: string[]): string[] {
  const q = terms.map((t) => buildMatchQuery(t)).filter((x): x is string => x !== null);
  const out = [q.slice(0, 3), q.slice(0, 2)].filter((g) => g.length > 1).map((g) => g.join(' AND '));
  if (q.length) out.push(q.join(' OR '));
  return [...new Set(out)].map((m) => `{subject body} : (${m})`);
}

/**
 * Up to `limit` past replies of the shop to messages like `message`, in `language`, newest first,
 * each reply once.
 */
export function findPastReplies(sqlite: Database.Database, message: { id: number; text: string }, language: DraftLanguage, limit = 3): PastReply[] {
  const s = statements(sqlite);
  const out: PastReply[] = [];
  const seen = new Set<number>([message.id]);
  const replies = new Set<string>();
  for (const match of queries(keyWords(message.text))) {
    for (const { id } of s.hits.all(match, HITS) as { id: number }[]) {
      if (out.length >= limit) return out;
      if (seen.has(id)) continue;
      seen.add(id);
      const m = s.message.get(id) as { customerId: number; name: string; language: string | null; subject: string | null; body: string; at: number } | undefined;
      if (!m || writtenLanguage(m.language, m.subject, m.body) !== language) continue;
      const reply = (s.linked.get(id) ?? s.next.get(m.customerId, m.at, m.at + REPLY_WINDOW_DAYS * DAY)) as { id: number; body: string } | undefined;
      if (!reply) continue;
      const text = anonymousReply(reply.body, m.name, language);
      if (!text || replies.has(text)) continue;
      replies.add(text);
      out.push({ messageId: id, replyId: reply.id, reply: text, at: m.at });
    }
    if (out.length >= limit) break;
  }
  return out;
}

/** A greeting at the start of a reply, up to its comma or line end: "Dear Ms Lee,", "Hi Ann!", "李娜您好，", "亲爱的王女士：". */
const GREETING =
  /^\s*(?:(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b[^,!.:;\n，！。：]{0,40}(?:[,!.:;，！。：]|\n)|(?:亲爱的|尊敬的)[^，,：:！!。\n]{0,12}[，,：:！!。\n]|[^，,。！!：:\n]{0,12}?(?:您好|你好)[，,！!。：:]?)\s*/iu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Letters and digits joined as one token ("S42-2025-00012-03", "1,280.00", "3pm"), with a currency sign before it or a Chinese unit after it ("5月", "3日", "128元"). */
const TOKEN = /(?:[¥￥$€£]\s*)?[A-Za-z0-9０-９]+(?:[-_/#.,:][A-Za-z0-9０-９]+)*(?:\s*[年月日号点时分秒元块天周个件])?/gu;
const TITLE = '(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?\\s+)?';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A past reply as another reply may be shown it: the greeting dropped, its customer's name (in
 * full, any one word of it, with a title, or a Chinese surname with 先生/女士/小姐) said as "the
 * customer", emails and every token holding a digit taken out.
 */
export function anonymousReply(reply: string, customerName: string, language: DraftLanguage): string {
  const them = language === 'zh' ? '顾客' : 'the customer';
  let text = reply
    .replace(GREETING, '')
    .replace(EMAIL, '')
    .replace(TOKEN, (t) => (/[0-9０-９]/.test(t) ? '' : t));
  const name = customerName.trim();
  for (const w of [name, ...name.split(/\s+/).filter((x) => [...x].length >= 2)]) {
    if (!w) continue;
    // A Latin name is matched as written (capitalised), so "May" or "Rose" leaves "may" and "rose" alone.
    const form = /\p{Script=Han}/u.test(w) ? `${escape(w)}|${escape(w.slice(0, 1))}(?:先生|女士|小姐)` : `(?<!\\p{L})${TITLE}${escape(w)}(?!\\p{L})`;
    text = text.replace(new RegExp(form, 'gu'), them);
  }
  // What the removals left: doubled spaces, a space before punctuation, empty brackets.
  return text
    .replace(/[（(]\s*[)）]/g, '')
    .replace(/[ \t]+([,.!?;:，。！？；：])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
