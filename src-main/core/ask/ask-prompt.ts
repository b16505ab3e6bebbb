// What the local model is told to turn a request in words into a filter: the fields with their
// meanings and units, the operators, the conventions that make a phrase one filter and not
// several ("has not bought in 90 days" is days_since_last_order > 90), the analysis date, the
// shop currency and how the shop spells its cities and tags, then worked examples in English and
// Chinese. One system prompt per shop and day, shared by every request (a sequence evaluates it
// once); the request is the user turn. The answer is written under the grammar of ask-schema.ts.
import { FILTER_FIELD_NAMES, FILTER_FIELDS, FILTER_TYPES, type FilterField, type FilterType } from '../../shared/filters';
import { ASPECTS, FEELING_DAYS } from '../../shared/sentiment';
import { RFM_SEGMENTS, NO_ORDERS } from '../../shared/segments';

/** What the prompt says of the shop: all of it aggregate, no customer's personal data. */
export interface AskContext {
  /** The analysis date, 'YYYY-MM-DD': what "today" and "N days" count from. */
  date: string;
  /** The shop currency (ISO code): money in filters is in whole units of it. */
  currency: string;
  /** The shop's commonest cities, as it spells them (上海, London). */
  cities: string[];
  /** The shop's tags. */
  tags: string[];
  /** The latest clustering's clusters by number, with the names the segments page shows. */
  clusters?: { idx: number; name: string }[];
}

/** The longest request taken: a request is a sentence or two. */
export const MAX_REQUEST_CHARS = 500;

/** A few words for the fields whose name does not say it all (units, what counts). */
const NOTE: Partial<Record<FilterField, string>> = {
  tag: 'tag names; has any of them',
  total_spent: 'all paid orders',
  avg_order_value: 'per order',
  order_count: 'paid orders',
  days_since_last_order: 'since the last paid order',
  days_since_first_order: 'since the first paid order',
  cluster: '1, 2, 3…',
  r_score: '1-5, 5 = most recent',
  f_score: '1-5, 5 = most often',
  m_score: '1-5, 5 = most spent',
  customer_since: 'became a customer',
  language: 'en, zh',
  source: 'manual, sample, import',
  feeling: `unhappy, happy; last ${FEELING_DAYS} days`,
  rfm_segment: 'codes below',
  complained_about: `codes below; last ${FEELING_DAYS} days`,
  churn_risk: 'percent 0-100, chance they order nothing for longer than their usual rhythm',
  p_alive: 'percent 0-100, chance they are still a customer',
  clv: 'predicted value of future orders, whole CURRENCY',
};

/** Each type's operators and value form, as the prompt states them. */
const TYPE_LINE: Record<FilterType, string> = {
  text: 'is, contains, starts_with with a text; is_empty',
  number: 'eq, gt, gte, lt, lte with a number; between [low, high]; is_empty',
  money: 'whole CURRENCY; ops as number',
  date: 'before, after with "YYYY-MM-DD"; between [from, to]; is_empty',
  enum: 'in with a list of codes',
  tags: 'in with a list of tags',
};

/** How owners name the RFM segments, in both languages (the segments page's names among them). */
const SEGMENT_WORDS: Record<(typeof RFM_SEGMENTS)[number] | typeof NO_ORDERS, string> = {
  champions: 'best customers, 冠军客户',
  loyal: '忠实客户',
  potential_loyalists: '潜在忠实客户, 潜力客户',
  new: 'first order very recent, 新客户',
  promising: '潜力新客',
  need_attention: '需要关注',
  about_to_sleep: '即将沉睡',
  at_risk: 'slipping away, 有流失风险, 流失风险',
  cant_lose: 'must win back, 重点挽回',
  hibernating: 'dormant, 沉睡客户',
  lost: 'churned, 已流失',
  no_orders: 'never ordered, 尚未下单, 没下过单',
};

const ASPECT_WORDS: Record<(typeof ASPECTS)[number], string> = {
  price: '价格',
  quality: '质量',
  delivery: 'shipping, 物流, 快递',
  service: 'staff, 客服',
  packaging: '包装',
  size_fit: '尺码',
  taste: '味道',
  as_described: 'wrong item, 不符',
  returns: 'refunds, 退款',
  stock: 'out of stock, 缺货',
  cleanliness: '卫生',
};

const EXAMPLES: [string, string][] = [
  ['customers in Hangzhou with more than 3 orders', '{"match":"all","conditions":[{"field":"city","op":"is","value":"杭州","not":false},{"field":"order_count","op":"gt","value":3,"not":false}]}'],
  ['bought in the last 30 days but not tagged VIP', '{"match":"all","conditions":[{"field":"days_since_last_order","op":"lte","value":30,"not":false},{"field":"tag","op":"in","value":["VIP"],"not":true}]}'],
  ['在成都或者重庆、平均每单超过500元的客户', '{"match":"all","conditions":[{"match":"any","not":false,"conditions":[{"field":"city","op":"is","value":"成都","not":false},{"field":"city","op":"is","value":"重庆","not":false}]},{"field":"avg_order_value","op":"gt","value":500,"not":false}]}'],
  ['2026年1月以后才成为客户、抱怨过价格的', '{"match":"all","conditions":[{"field":"customer_since","op":"after","value":"2025-12-31","not":false},{"field":"complained_about","op":"in","value":["price"],"not":false}]}'],
];

/** The shared instruction for every request of a shop on a day. */
export function askSystemPrompt(ctx: AskContext): string {
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '(none yet)');
  return [
    'You turn a shop owner’s request about their customers, in English or Chinese, into a filter over the customer list. Answer with JSON only.',
    'A filter is {"match", "conditions"}: match "all" = and, "any" = or. A condition is {"field", "op", "value", "not"}; "not": true = not, without, 不是, 没有. A condition may be a group {"match", "not", "conditions"}: an "or" inside an "and".',
    'Fields by type (operators and value):',
    ...FILTER_TYPES.map((type) => {
      const note = (f: FilterField) => (f === 'cluster' && ctx.clusters?.length ? ctx.clusters.map((c) => `${c.idx} = ${c.name}`).join(', ') : NOTE[f]);
      const fields = FILTER_FIELD_NAMES.filter((f) => FILTER_FIELDS[f].type === type).map((f) => (note(f) ? `${f} (${note(f)})` : f));
      return `- ${type} (${TYPE_LINE[type].replace('CURRENCY', ctx.currency)}): ${fields.join(', ')}`;
    }),
    'Conventions:',
    `- Money is in whole ${ctx.currency}, not cents. 1k, 1千 = 1000; 1万 = 10000.`,
    '- over, 超过, 以上 → gt; at least, 至少 → gte; under, 不到, 少于 → lt; at most, 不超过 → lte.',
    '- not bought in N days, N天没下单 → days_since_last_order gt N; bought in the last N days, 最近N天买过 → days_since_last_order lte N. A month is 30 days.',
    '- ordered once, 只买过一次 → order_count eq 1; repeat customers, 回头客 → order_count gte 2.',
    `- rfm_segment codes: ${[...RFM_SEGMENTS, NO_ORDERS].map((c) => `${c} (${SEGMENT_WORDS[c]})`).join('; ')}.`,
    `- complained_about codes: ${ASPECTS.map((a) => `${a} (${ASPECT_WORDS[a]})`).join('; ')}. "unhappy about delivery", 抱怨物流 → complained_about in [delivery]; just unhappy, 不满意 → feeling in [unhappy].`,
    '- Write a city or a tag as the shop spells it (below), even when the request uses another language.',
    '- Use only what the request asks for; add nothing of your own.',
    `Today (the analysis date) is ${ctx.date}. The shop currency is ${ctx.currency}.`,
    `The shop’s cities: ${list(ctx.cities)}.`,
    `The shop’s tags: ${list(ctx.tags)}.`,
    'Examples:',
    ...EXAMPLES.map(([q, a]) => `Request: ${q}\nFilter: ${a}`),
  ].join('\n');
}

/** The user turn for one request. */
export function askPrompt(text: string): string {
  const t = text.trim();
  return `Request: ${t.length > MAX_REQUEST_CHARS ? t.slice(0, MAX_REQUEST_CHARS) : t}`;
}
