// The fixed requests of `npm run eval -- ask`: 20 in English, 20 in Chinese, each with the filter a
// careful person would build for it in the filter editor, following the conventions the prompt
// states (core/ask/ask-prompt.ts: "over" is gt, "not bought in N days" is days_since_last_order
// gt N, a month is 30 days, cities and tags as the shop spells them). Written for this eval, not
// taken from the prompt's examples, and varied: cities, spend, orders, recency, RFM segments, tags,
// sentiment, dates, empty fields, and/or/not. The shop they ask about is EVAL_CONTEXT: the sample
// shop's cities and tags, its currency, a pinned analysis date.
import type { AskContext } from '../../../src-main/core/ask/ask-prompt';
import type { Filter, FilterCondition, FilterGroup } from '../../../src-main/shared/filters';

export interface AskCase {
  lang: 'en' | 'zh';
  text: string;
  expected: Filter;
}

export const EVAL_CONTEXT: AskContext = {
  date: '2026-06-30',
  currency: 'CNY',
  cities: ['上海', '北京', '深圳', '广州', '杭州', 'London', 'New York', '成都', 'Singapore', 'Hong Kong', 'Toronto', 'Sydney', '南京', '武汉'],
  tags: ['VIP', '老客户', 'Gift buyer', '企业 Corporate', '批发 Wholesale'],
};

const c = (field: FilterCondition['field'], op: FilterCondition['op'], value?: FilterCondition['value'], not = false): FilterCondition => ({
  field,
  op,
  ...(value === undefined ? {} : { value }),
  ...(not ? { not: true } : {}),
});
const all = (...conditions: (FilterCondition | FilterGroup)[]): Filter => ({ match: 'all', conditions });
const any = (...conditions: (FilterCondition | FilterGroup)[]): FilterGroup => ({ match: 'any', conditions });

export const ASK_CASES: AskCase[] = [
  // English
  { lang: 'en', text: 'customers in Shanghai who spent over 1000 and have not bought in 90 days', expected: all(c('city', 'is', '上海'), c('total_spent', 'gt', 1000), c('days_since_last_order', 'gt', 90)) },
  { lang: 'en', text: 'VIP customers in London', expected: all(c('tag', 'in', ['VIP']), c('city', 'is', 'London')) },
  { lang: 'en', text: 'customers at risk', expected: all(c('rfm_segment', 'in', ['at_risk'])) },
  { lang: 'en', text: 'customers who are unhappy about delivery', expected: all(c('complained_about', 'in', ['delivery'])) },
  { lang: 'en', text: 'champions who have spent at least 5000', expected: all(c('rfm_segment', 'in', ['champions']), c('total_spent', 'gte', 5000)) },
  { lang: 'en', text: 'customers with more than 10 orders', expected: all(c('order_count', 'gt', 10)) },
  { lang: 'en', text: 'customers who bought only once', expected: all(c('order_count', 'eq', 1)) },
  { lang: 'en', text: 'customers in Beijing or Shenzhen', expected: any(c('city', 'is', '北京'), c('city', 'is', '深圳')) },
  { lang: 'en', text: 'customers outside Singapore who complained about the price', expected: all(c('city', 'is', 'Singapore', true), c('complained_about', 'in', ['price'])) },
  { lang: 'en', text: 'lost or hibernating customers', expected: all(c('rfm_segment', 'in', ['lost', 'hibernating'])) },
  { lang: 'en', text: 'customers whose average order is above 800', expected: all(c('avg_order_value', 'gt', 800)) },
  { lang: 'en', text: 'gift buyers who bought in the last 30 days', expected: all(c('tag', 'in', ['Gift buyer']), c('days_since_last_order', 'lte', 30)) },
  { lang: 'en', text: 'customers without an email address', expected: all(c('email', 'is_empty')) },
  { lang: 'en', text: 'unhappy customers in New York', expected: all(c('feeling', 'in', ['unhappy']), c('city', 'is', 'New York')) },
  { lang: 'en', text: 'customers who spent between 500 and 2000', expected: all(c('total_spent', 'between', [500, 2000])) },
  { lang: 'en', text: 'customers who have never ordered', expected: all(c('rfm_segment', 'in', ['no_orders'])) },
  { lang: 'en', text: 'customers whose last order was before 1 March 2026', expected: all(c('last_order_date', 'before', '2026-03-01')) },
  { lang: 'en', text: 'can’t-lose customers in Hong Kong or Singapore', expected: all(c('rfm_segment', 'in', ['cant_lose']), any(c('city', 'is', 'Hong Kong'), c('city', 'is', 'Singapore'))) },
  { lang: 'en', text: 'customers whose company name contains "Tea"', expected: all(c('company', 'contains', 'Tea')) },
  { lang: 'en', text: 'wholesale customers who have not ordered in 6 months', expected: all(c('tag', 'in', ['批发 Wholesale']), c('days_since_last_order', 'gt', 180)) },
  // Chinese
  { lang: 'zh', text: '上海消费超过1000元且90天没下单的客户', expected: all(c('city', 'is', '上海'), c('total_spent', 'gt', 1000), c('days_since_last_order', 'gt', 90)) },
  { lang: 'zh', text: '有流失风险的客户', expected: all(c('rfm_segment', 'in', ['at_risk'])) },
  { lang: 'zh', text: '抱怨物流的客户', expected: all(c('complained_about', 'in', ['delivery'])) },
  { lang: 'zh', text: '北京的VIP客户', expected: all(c('city', 'is', '北京'), c('tag', 'in', ['VIP'])) },
  { lang: 'zh', text: '标签是老客户、下单超过5次的', expected: all(c('tag', 'in', ['老客户']), c('order_count', 'gt', 5)) },
  { lang: 'zh', text: '只买过一次的客户', expected: all(c('order_count', 'eq', 1)) },
  { lang: 'zh', text: '冠军客户', expected: all(c('rfm_segment', 'in', ['champions'])) },
  { lang: 'zh', text: '广州或深圳的客户', expected: any(c('city', 'is', '广州'), c('city', 'is', '深圳')) },
  { lang: 'zh', text: '最近30天买过东西的客户', expected: all(c('days_since_last_order', 'lte', 30)) },
  { lang: 'zh', text: '不满意的客户', expected: all(c('feeling', 'in', ['unhappy'])) },
  { lang: 'zh', text: '消费在2000到5000元之间的客户', expected: all(c('total_spent', 'between', [2000, 5000])) },
  { lang: 'zh', text: '平均每单不到100元的客户', expected: all(c('avg_order_value', 'lt', 100)) },
  { lang: 'zh', text: '没有手机号的客户', expected: all(c('phone', 'is_empty')) },
  { lang: 'zh', text: '不在上海、对价格有抱怨的客户', expected: all(c('city', 'is', '上海', true), c('complained_about', 'in', ['price'])) },
  { lang: 'zh', text: '沉睡客户和已流失的客户', expected: all(c('rfm_segment', 'in', ['hibernating', 'lost'])) },
  { lang: 'zh', text: '还没下过单的客户', expected: all(c('rfm_segment', 'in', ['no_orders'])) },
  { lang: 'zh', text: '杭州的重点挽回客户', expected: all(c('city', 'is', '杭州'), c('rfm_segment', 'in', ['cant_lose'])) },
  { lang: 'zh', text: '消费至少1万元、半年没买的客户', expected: all(c('total_spent', 'gte', 10000), c('days_since_last_order', 'gt', 180)) },
  { lang: 'zh', text: '抱怨过客服或者退款的客户', expected: all(c('complained_about', 'in', ['service', 'returns'])) },
  { lang: 'zh', text: '2025年6月1日之前成为客户的企业客户', expected: all(c('customer_since', 'before', '2025-06-01'), c('tag', 'in', ['企业 Corporate'])) },
];
