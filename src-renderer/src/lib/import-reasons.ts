// Why a row was rejected, in the person's language. The core says it in plain English (and that
// text also goes into the downloadable rejected-rows file); for Chinese the known sentences are
// recognised here and said again in Chinese, with the quoted values kept. Anything not
// recognised is shown as the core wrote it, so nothing is ever lost in translation.
import { currentLanguage } from '../i18n';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const Q = '"(.*)"';
const yesNo = (v: string) => `“${v}”不是“是”或“否”。`;

const ZH: Rule[] = [
  [new RegExp(`^${Q} is not a valid email address\\.$`), (m) => `“${m[1]}”不是有效的邮箱地址。`],
  [new RegExp(`^${Q} is not a phone number \\(too few digits\\)\\.$`), (m) => `“${m[1]}”不是电话号码（位数太少）。`],
  [new RegExp(`^${Q} does not fit the chosen date order \\((day/month/year|month/day/year)\\); check the day/month order setting\\.$`), (m) =>
    `“${m[1]}”与所选的日期顺序（${m[2] === 'day/month/year' ? '日/月/年' : '月/日/年'}）不符，请检查“日期顺序”设置。`],
  [new RegExp(`^${Q} is not a real date or time\\.$`), (m) => `“${m[1]}”不是一个真实存在的日期或时间。`],
  [new RegExp(`^${Q} is not a date Patron understands \\(use a form like 2024-01-05\\)\\.$`), (m) => `无法识别日期“${m[1]}”（请使用 2024-01-05 这样的格式）。`],
  [/^The (.+) is empty\.$/, (m) => `${EMPTY_WHAT[m[1]] ?? m[1]}为空。`],
  [new RegExp(`^${Q} is not a yes or no\\.$`), (m) => yesNo(m[1])],
  [/^The row has no name, email or phone\.$/, () => '这一行没有姓名、邮箱或手机。'],
  [new RegExp(`^${Q} is not a language Patron knows \\(English or Chinese\\)\\.$`), (m) => `无法识别语言“${m[1]}”（只支持英文或中文）。`],
  [/^The row has no customer email or phone, so Patron cannot tell whose (order|message|review) it is\.$/, (m) =>
    `这一行没有客户邮箱或手机，无法确定这条${({ order: '订单', message: '消息', review: '评价' } as Record<string, string>)[m[1]]}属于哪位客户。`],
  [new RegExp(`^${Q} is not a kind of feedback Patron knows \\(review, complaint or survey\\)\\.$`), (m) => `无法识别反馈类型“${m[1]}”（应为评价、投诉或问卷）。`],
  [new RegExp(`^The rating ${Q} is not a number of stars\\.$`), (m) => `评分“${m[1]}”不是星级数字。`],
  [/^The rating (.+) is outside 1 to 5 stars\.$/, (m) => `评分 ${m[1]} 不在 1 到 5 星之间。`],
  [new RegExp(`^The NPS score ${Q} is not a whole number\\.$`), (m) => `推荐度“${m[1]}”不是整数。`],
  [/^The NPS score (.+) is outside 0 to 10\.$/, (m) => `推荐度 ${m[1]} 不在 0 到 10 之间。`],
  [/^The row has no rating, score or text\.$/, () => '这一行没有评分、推荐度或内容。'],
  [/^The message is empty\.$/, () => '消息内容为空。'],
  [new RegExp(`^${Q} is not a channel Patron knows`), (m) => `无法识别渠道“${m[1]}”（应为邮件、电话、短信、微信、WhatsApp、社交媒体或当面）。`],
  [new RegExp(`^${Q} is neither inbound`), (m) => `“${m[1]}”既不是“客户发来”也不是“发给客户”。`],
  [new RegExp(`^${Q} is not an amount of money\\.$`), (m) => `“${m[1]}”不是金额。`],
  [/^The (.+) is negative \((.*)\)\.$/, (m) => `${EMPTY_WHAT[m[1]] ?? m[1]}为负数（${m[2]}）。`],
  [/^The order number is empty\.$/, () => '订单号为空。'],
  [new RegExp(`^${Q} is not an order status Patron knows`), (m) => `无法识别订单状态“${m[1]}”（应为已付款、已退款或已取消）。`],
  [/^The product is empty\.$/, () => '商品为空。'],
  [new RegExp(`^The quantity ${Q} is not a whole number\\.$`), (m) => `数量“${m[1]}”不是整数。`],
  [/^The quantity is negative \((.*)\)\.$/, (m) => `数量为负数（${m[1]}）。`],
  [/^The quantity is 0\.$/, () => '数量为 0。'],
  [/^The line has no price\.$/, () => '这一行没有价格。'],
  [/^The order has no amount\.$/, () => '这笔订单没有金额。'],
  [new RegExp(`^${Q} is not a currency code`), (m) => `“${m[1]}”不是币种代码（例如 CNY 或 USD）。`],
  [/^Order (.+) was left out because its line (\d+) was rejected; fix that line and import the whole order again\.$/, (m) =>
    `订单 ${m[1]} 的第 ${m[2]} 行有问题，所以整笔订单没有导入；请改正那一行后重新导入整笔订单。`],
  [/^No customer has (.+)\. Import the customers first, or let the import create them\.$/, (m) =>
    `没有客户的${m[1].replace(/the email /g, '邮箱是 ').replace(/the phone /g, '手机是 ').replace(/ or /g, '或')}。请先导入客户，或允许导入时自动创建客户。`],
  [/^This row has (\d+) values but the header has (\d+) columns/, (m) => `这一行有 ${m[1]} 个值，但表头只有 ${m[2]} 列；可能某个值里有未加引号的分隔符（例如“1,299.00”里的逗号）。`],
  [/^A quote \("\) in this row is never closed/, () => '这一行有一个引号（"）没有闭合，无法判断这一行在哪里结束，后面的内容都被读进了这一行。请修正引号后重新导入。'],
  [/^A value in this row has a stray quote/, () => '这一行的某个值在结束引号后还有多余的引号；值里面的引号需要写成两个（""）。'],
];

const EMPTY_WHAT: Record<string, string> = {
  date: '日期',
  'order date': '下单时间',
  'unit price': '单价',
  'line total': '小计',
  'order total': '订单金额',
  quantity: '数量',
};

/** The core's reason for a rejected row, in the UI language. */
export function translateReason(reason: string): string {
  if (currentLanguage() === 'en') return reason;
  for (const [re, say] of ZH) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return reason;
}
