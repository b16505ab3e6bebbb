// A subject access request (GDPR art. 15, PIPL art. 45): everything Patron holds about one customer
// as ONE readable, self-contained HTML file (headings and tables, print-friendly, no external
// resources and no script that runs), worded whole in English or Chinese, with the same data as
// JSON in a <script type="application/json"> block for machines. Written into dataDir/exports like
// the other exports, read back with export.read. Made while privacy mode is on, the personal fields
// are masked the way the screens mask them.
import type Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HIDDEN_TEXT, maskEmail, maskName, maskPhone, maskText } from '../../shared/privacy-mask';
import { notFound } from '../errors';
import { exportsDir } from '../export/export-list';
import { recordAudit } from './audit-log';
import { privacyModeOn } from './privacy-mode';

export type RightsLanguage = 'en' | 'zh';

type Row = Record<string, unknown>;

export interface CustomerData {
  profile: Row;
  tags: string[];
  orders: (Row & { lines: Row[] })[];
  messages: Row[];
  feedback: Row[];
  notes: Row[];
  tasks: Row[];
  sentiments: Row[];
  segment: Row | null;
  prediction: Row | null;
  campaignMessages: Row[];
  audit: Row[];
}

/** Reads everything held about the customer (the profile's derived columns included). */
export function collectCustomerData(sqlite: Database.Database, customerId: number): CustomerData {
  const profile = sqlite
    .prepare(
      `SELECT c.id, c.name, co.name AS company, c.email, c.phone, c.city, c.country, c.language,
              c.consent_email AS consentEmail, c.consent_sms AS consentSms, c.consent_wechat AS consentWechat,
              c.source, c.created_at AS createdAt, c.updated_at AS updatedAt, c.total_spent_cents AS totalSpentCents,
              c.order_count AS orderCount, c.first_order_at AS firstOrderAt, c.last_order_at AS lastOrderAt
       FROM customers c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ? AND c.erased_at IS NULL`,
    )
    .get(customerId) as Row | undefined;
  if (!profile) throw notFound('Customer', customerId);
  const all = (sql: string) => sqlite.prepare(sql).all(customerId) as Row[];
  const orders = all(
    `SELECT id, order_no AS orderNo, ordered_at AS orderedAt, status, channel, total_cents AS totalCents, currency
     FROM orders WHERE customer_id = ? ORDER BY ordered_at, id`,
  );
  const lines = sqlite.prepare(
    `SELECT product_name AS product, quantity, unit_price_cents AS unitPriceCents FROM order_items WHERE order_id = ? ORDER BY id`,
  );
  return {
    profile,
    tags: (all('SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ? ORDER BY t.name') as { name: string }[]).map((r) => r.name),
    orders: orders.map((o) => ({ ...o, lines: lines.all(o.id) as Row[] })),
    messages: all(
      `SELECT id, occurred_at AS at, channel, direction, language, subject, body, handled FROM interactions WHERE customer_id = ? ORDER BY occurred_at, id`,
    ),
    feedback: all(
      `SELECT f.occurred_at AS at, f.kind, p.name AS product, f.rating, f.nps, f.body FROM feedback f LEFT JOIN products p ON p.id = f.product_id
       WHERE f.customer_id = ? ORDER BY f.occurred_at, f.id`,
    ),
    notes: all('SELECT created_at AS at, body FROM notes WHERE customer_id = ? ORDER BY created_at, id'),
    tasks: all('SELECT created_at AS at, title, due_at AS dueAt, done_at AS doneAt FROM tasks WHERE customer_id = ? ORDER BY created_at, id'),
    sentiments: all(
      `SELECT occurred_at AS at, source, label, score, reason FROM sentiments WHERE customer_id = ? ORDER BY occurred_at, id`,
    ),
    segment: (sqlite.prepare('SELECT segment, r, f, m, cluster, updated_at AS at FROM customer_segments WHERE customer_id = ?').get(customerId) as Row | undefined) ?? null,
    prediction: (() => {
      const p = sqlite
        .prepare(
          `SELECT p_alive AS pAlive, expected_purchases AS expectedPurchases, clv_cents AS clvCents, churn_risk AS churnRisk, reasons
           FROM customer_predictions WHERE customer_id = ?`,
        )
        .get(customerId) as Row | undefined;
      return p ? { ...p, reasons: JSON.parse(String(p.reasons)) as unknown } : null;
    })(),
    campaignMessages: all(
      `SELECT m.updated_at AS at, c.name AS campaign, m.channel, m.status, m.body FROM campaign_messages m JOIN campaigns c ON c.id = m.campaign_id
       WHERE m.customer_id = ? ORDER BY m.updated_at, m.id`,
    ),
    audit: all(
      `SELECT at, profile_name AS profile, action, record_type AS recordType, record_id AS recordId, changes FROM audit_log WHERE customer_id = ? ORDER BY at, id`,
    ),
  };
}

/** The same data with the personal fields masked as privacy mode masks them on screen. */
function masked(d: CustomerData, lang: RightsLanguage): CustomerData {
  const hidden = HIDDEN_TEXT[lang];
  const text = (rows: Row[], ...keys: string[]) => rows.map((r) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, maskText(r[k] as string | null, hidden)])) }));
  return {
    ...d,
    profile: { ...d.profile, name: maskName(d.profile.name as string), email: maskEmail(d.profile.email as string | null), phone: maskPhone(d.profile.phone as string | null), city: maskText(d.profile.city as string | null, hidden) },
    messages: text(d.messages, 'subject', 'body'),
    feedback: text(d.feedback, 'body'),
    notes: text(d.notes, 'body'),
    tasks: text(d.tasks, 'title'),
    sentiments: text(d.sentiments, 'reason'),
    campaignMessages: text(d.campaignMessages, 'body'),
    audit: d.audit.map((a) => ({ ...a, changes: a.changes == null ? null : hidden })),
  };
}

const WORDS = {
  en: {
    title: 'Personal data held about {name}',
    intro:
      'This file lists everything Patron holds about this customer on the shop’s own computer, as asked for under the right of access (GDPR article 15; PIPL article 45). Made on {date}. The same data is inside the file in a machine-readable form (JSON).',
    masked: 'Made while privacy mode was on: names, contact details and texts are partly or wholly hidden.',
    profile: 'Profile',
    fields: {
      name: 'Name',
      company: 'Company',
      email: 'Email',
      phone: 'Phone',
      city: 'City',
      country: 'Country',
      language: 'Language',
      consents: 'Consents to be contacted',
      source: 'Where the record came from',
      createdAt: 'Customer since',
      updatedAt: 'Last changed',
      totalSpent: 'Total spent',
      orderCount: 'Orders',
      firstOrderAt: 'First order',
      lastOrderAt: 'Last order',
      tags: 'Tags',
    },
    consent: { email: 'email', sms: 'text message', wechat: 'WeChat', none: 'none' },
    languages: { en: 'English', zh: 'Chinese' } as Record<string, string>,
    orders: 'Orders',
    orderCols: ['Order', 'Date', 'Status', 'Channel', 'Total', 'Lines'],
    line: '{quantity} × {product} at {price}',
    messages: 'Messages',
    messageCols: ['Date', 'Channel', 'Direction', 'Subject', 'Text'],
    direction: { inbound: 'from the customer', outbound: 'to the customer' } as Record<string, string>,
    feedback: 'Feedback and reviews',
    feedbackCols: ['Date', 'Kind', 'Product', 'Rating', 'NPS', 'Text'],
    notes: 'Notes',
    noteCols: ['Date', 'Note'],
    tasks: 'Tasks',
    taskCols: ['Created', 'Task', 'Due', 'Done'],
    sentiments: 'Sentiment read from their messages',
    sentimentCols: ['Date', 'Read by', 'Feeling', 'Score', 'Why'],
    segment: 'Segment',
    segmentCols: ['Segment', 'Recency (R)', 'Frequency (F)', 'Money (M)', 'Updated'],
    prediction: 'Predictions',
    predictionCols: ['Customer lifetime value', 'Churn risk', 'Chance still active', 'Expected orders', 'Reasons for the churn risk'],
    campaigns: 'Campaign messages',
    campaignCols: ['Date', 'Campaign', 'Channel', 'Status', 'Text'],
    audit: 'Record of changes (audit log)',
    auditCols: ['When', 'Profile', 'Action', 'Record', 'What changed'],
    none: 'Nothing held.',
    yes: 'yes',
    no: 'no',
    dateLocale: 'en-GB',
  },
  zh: {
    title: '关于{name}的个人信息',
    intro: '本文件列出 Patron 在本店电脑上保存的关于这位客户的全部信息，依据查阅权提供（《通用数据保护条例》第 15 条；《个人信息保护法》第 45 条）。生成于{date}。文件内另附同样内容的机器可读格式（JSON）。',
    masked: '生成时隐私模式已开启：姓名、联系方式和文字已部分或全部隐藏。',
    profile: '基本资料',
    fields: {
      name: '姓名',
      company: '公司',
      email: '邮箱',
      phone: '电话',
      city: '城市',
      country: '国家或地区',
      language: '语言',
      consents: '同意接收联系的方式',
      source: '记录来源',
      createdAt: '成为客户的日期',
      updatedAt: '最后修改',
      totalSpent: '累计消费',
      orderCount: '订单数',
      firstOrderAt: '首次下单',
      lastOrderAt: '最近下单',
      tags: '标签',
    },
    consent: { email: '邮件', sms: '短信', wechat: '微信', none: '无' },
    languages: { en: '英文', zh: '中文' } as Record<string, string>,
    orders: '订单',
    orderCols: ['订单号', '日期', '状态', '渠道', '金额', '明细'],
    line: '{product} × {quantity}，单价 {price}',
    messages: '消息',
    messageCols: ['日期', '渠道', '方向', '主题', '内容'],
    direction: { inbound: '客户发来', outbound: '发给客户' } as Record<string, string>,
    feedback: '反馈与评价',
    feedbackCols: ['日期', '类型', '商品', '评分', 'NPS', '内容'],
    notes: '备注',
    noteCols: ['日期', '备注'],
    tasks: '待办',
    taskCols: ['创建日期', '待办事项', '截止日期', '完成日期'],
    sentiments: '从消息中识别的情绪',
    sentimentCols: ['日期', '识别方式', '情绪', '分值', '原因'],
    segment: '客户分群',
    segmentCols: ['分群', '最近购买（R）', '购买频率（F）', '消费金额（M）', '更新日期'],
    prediction: '预测',
    predictionCols: ['客户终身价值', '流失风险', '仍活跃的概率', '预计订单数', '流失风险的原因'],
    campaigns: '营销消息',
    campaignCols: ['日期', '活动', '渠道', '状态', '内容'],
    audit: '修改记录（审计日志）',
    auditCols: ['时间', '操作人', '操作', '记录', '修改内容'],
    none: '没有相关信息。',
    yes: '是',
    no: '否',
    dateLocale: 'zh-CN',
  },
} as const;

/** Codes the file spells out in words (statuses, kinds, labels, segments, actions). */
const CODES: Record<RightsLanguage, Record<string, string>> = {
  en: {
    paid: 'paid', refunded: 'refunded', cancelled: 'cancelled', pending: 'pending', review: 'review', complaint: 'complaint', survey: 'survey',
    positive: 'positive', negative: 'negative', neutral: 'neutral', mixed: 'mixed', lexicon: 'word list', model: 'model', whatsapp: 'WhatsApp', social: 'social media', in_person: 'in person',
    email: 'email', phone: 'phone', wechat: 'WeChat', sms: 'text message', chat: 'chat', online: 'online', store: 'in store', other: 'other',
    manual: 'entered by hand', import: 'imported', sample: 'sample data', create: 'created', update: 'changed', delete: 'deleted', merge: 'merged', export: 'exported', erase: 'erased',
    draft: 'draft', drafted: 'drafted', approved: 'approved', skipped: 'skipped', exported: 'exported', failed: 'failed',
    customer: 'customer', order: 'order', interaction: 'message', feedback: 'feedback', note: 'note', task: 'task', tag: 'tag',
    champions: 'Champions', loyal: 'Loyal', potential_loyalists: 'Potential loyalists', new: 'New customers', promising: 'Promising', need_attention: 'Need attention',
    about_to_sleep: 'About to sleep', at_risk: 'At risk', cant_lose: 'Can’t lose them', hibernating: 'Hibernating', lost: 'Lost', no_orders: 'No orders yet',
    gap: 'orders every {everyDays} days on average; nothing for {sinceDays} days', one_order: 'one order so far, {sinceDays} days ago',
    spend_falling: 'recent orders worth {pct}% less than earlier ones', complaints: '{count} complaint(s) with no reply since',
  },
  zh: {
    paid: '已付款', refunded: '已退款', cancelled: '已取消', pending: '待处理', review: '评价', complaint: '投诉', survey: '问卷',
    positive: '正面', negative: '负面', neutral: '中性', mixed: '褒贬不一', lexicon: '词表', model: '模型', whatsapp: 'WhatsApp', social: '社交媒体', in_person: '当面',
    email: '邮件', phone: '电话', wechat: '微信', sms: '短信', chat: '在线聊天', online: '线上', store: '门店', other: '其他',
    manual: '手动录入', import: '导入', sample: '示例数据', create: '新建', update: '修改', delete: '删除', merge: '合并', export: '导出', erase: '删除客户',
    draft: '草稿', drafted: '已起草', approved: '已通过', skipped: '已跳过', exported: '已导出', failed: '失败',
    customer: '客户', order: '订单', interaction: '消息', feedback: '反馈', note: '备注', task: '待办', tag: '标签',
    champions: '核心客户', loyal: '忠诚客户', potential_loyalists: '潜力客户', new: '新客户', promising: '有前景的客户', need_attention: '需要关注',
    about_to_sleep: '即将沉睡', at_risk: '有流失风险', cant_lose: '不能失去的客户', hibernating: '沉睡客户', lost: '已流失', no_orders: '尚未下单',
    gap: '平均每 {everyDays} 天下单一次，已 {sinceDays} 天没有下单', one_order: '只下过一次单，在 {sinceDays} 天前',
    spend_falling: '最近订单的金额比以前少 {pct}%', complaints: '有 {count} 条投诉之后未回复',
  },
};

const fill = (template: string, params: Row) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderCustomerHtml(data: CustomerData, lang: RightsLanguage, opts: { masked: boolean; now?: number }): string {
  const w = WORDS[lang];
  const code = (c: unknown) => (c == null ? '' : (CODES[lang][String(c)] ?? String(c)));
  const dateFmt = new Intl.DateTimeFormat(w.dateLocale, { year: 'numeric', month: 'long', day: 'numeric' });
  const timeFmt = new Intl.DateTimeFormat(w.dateLocale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const date = (v: unknown) => (typeof v === 'number' ? dateFmt.format(new Date(v)) : '');
  const time = (v: unknown) => (typeof v === 'number' ? timeFmt.format(new Date(v)) : '');
  const money = (cents: unknown, currency: unknown = 'CNY') =>
    typeof cents === 'number' ? new Intl.NumberFormat(w.dateLocale, { style: 'currency', currency: String(currency || 'CNY'), currencyDisplay: 'narrowSymbol' }).format(cents / 100) : '';
  const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : '');
  const p = data.profile;
  const table = (cols: readonly string[], rows: unknown[][]) =>
    rows.length
      ? `<table><thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`
      : `<p class="none">${escapeHtml(w.none)}</p>`;
  const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
  const consents = [p.consentEmail && w.consent.email, p.consentSms && w.consent.sms, p.consentWechat && w.consent.wechat].filter(Boolean).join(lang === 'zh' ? '、' : ', ') || w.consent.none;
  const fields: [string, unknown][] = [
    [w.fields.name, p.name],
    [w.fields.company, p.company],
    [w.fields.email, p.email],
    [w.fields.phone, p.phone],
    [w.fields.city, p.city],
    [w.fields.country, p.country],
    [w.fields.language, w.languages[String(p.language)] ?? p.language],
    [w.fields.consents, consents],
    [w.fields.source, code(p.source)],
    [w.fields.createdAt, date(p.createdAt)],
    [w.fields.updatedAt, time(p.updatedAt)],
    [w.fields.totalSpent, money(p.totalSpentCents)],
    [w.fields.orderCount, p.orderCount],
    [w.fields.firstOrderAt, date(p.firstOrderAt)],
    [w.fields.lastOrderAt, date(p.lastOrderAt)],
    [w.fields.tags, data.tags.join(lang === 'zh' ? '、' : ', ')],
  ];
  const profileTable = `<table class="fields"><tbody>${fields
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('')}</tbody></table>`;
  const reasons = (r: unknown) =>
    Array.isArray(r) ? r.map((x: Row) => fill(CODES[lang][String(x.code)] ?? String(x.code), x)).join(lang === 'zh' ? '；' : '; ') : '';
  // An audit entry's {field: [before, after]} as lines a person reads; a masked one as it is.
  const changes = (raw: unknown) => {
    if (typeof raw !== 'string') return '';
    try {
      const obj = JSON.parse(raw) as Record<string, [unknown, unknown]>;
      const v = (x: unknown) => (x == null ? '—' : typeof x === 'string' ? x : JSON.stringify(x));
      return Object.entries(obj)
        .map(([k, [a, b]]) => `${k}: ${v(a)} → ${v(b)}`)
        .join('\n');
    } catch {
      return raw;
    }
  };
  const title = fill(w.title, { name: p.name });
  const json = JSON.stringify({ language: lang, madeAt: opts.now ?? Date.now(), masked: opts.masked, ...data })
    // Inside a <script> element: "</script>" (any "<") must not end it early.
    .replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1b1e; max-width: 960px; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
thead th, table.fields th { background: #f3f4f6; }
table.fields th { width: 30%; }
.none { color: #666; font-style: italic; }
.note { background: #fff8e1; padding: .5rem .75rem; border-left: 3px solid #f0b400; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } thead { display: table-header-group; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(fill(w.intro, { date: time(opts.now ?? Date.now()) }))}</p>
${opts.masked ? `<p class="note">${escapeHtml(w.masked)}</p>` : ''}
${section(w.profile, profileTable)}
${section(
  w.orders,
  table(
    w.orderCols,
    data.orders.map((o) => [
      o.orderNo,
      date(o.orderedAt),
      code(o.status),
      code(o.channel),
      money(o.totalCents, o.currency),
      o.lines.map((l) => fill(w.line, { quantity: l.quantity, product: l.product, price: money(l.unitPriceCents, o.currency) })).join('\n'),
    ]),
  ),
)}
${section(w.messages, table(w.messageCols, data.messages.map((m) => [time(m.at), code(m.channel), w.direction[String(m.direction)] ?? m.direction, m.subject, m.body])))}
${section(w.feedback, table(w.feedbackCols, data.feedback.map((f) => [date(f.at), code(f.kind), f.product, f.rating, f.nps, f.body])))}
${section(w.notes, table(w.noteCols, data.notes.map((n) => [time(n.at), n.body])))}
${section(w.tasks, table(w.taskCols, data.tasks.map((t) => [date(t.at), t.title, date(t.dueAt), date(t.doneAt)])))}
${section(w.sentiments, table(w.sentimentCols, data.sentiments.map((s) => [date(s.at), code(s.source), code(s.label), typeof s.score === 'number' ? s.score.toFixed(2) : '', s.reason])))}
${section(w.segment, table(w.segmentCols, data.segment ? [[code(data.segment.segment), data.segment.r, data.segment.f, data.segment.m, date(data.segment.at)]] : []))}
${section(
  w.prediction,
  table(
    w.predictionCols,
    data.prediction
      ? [[money(data.prediction.clvCents), pct(data.prediction.churnRisk), pct(data.prediction.pAlive), typeof data.prediction.expectedPurchases === 'number' ? data.prediction.expectedPurchases.toFixed(1) : '', reasons(data.prediction.reasons)]]
      : [],
  ),
)}
${section(w.campaigns, table(w.campaignCols, data.campaignMessages.map((m) => [date(m.at), m.campaign, code(m.channel), code(m.status), m.body])))}
${section(w.audit, table(w.auditCols, data.audit.map((a) => [time(a.at), a.profile, code(a.action), `${code(a.recordType)} ${a.recordId ?? ''}`.trim(), changes(a.changes)])))}
<script type="application/json" id="patron-customer-data">${json}</script>
</body>
</html>
`;
}

const stamp = (d: Date) =>
  `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}${String(d.getSeconds()).padStart(2, '0')}`;

export interface CustomerExportResult {
  path: string;
  fileName: string;
  bytes: number;
}

/** Writes the customer's file into dataDir/exports and records the export in the audit log. */
export function exportCustomerData(sqlite: Database.Database, dataDir: string, customerId: number, lang: RightsLanguage): CustomerExportResult {
  const raw = collectCustomerData(sqlite, customerId);
  const mask = privacyModeOn(sqlite);
  const html = renderCustomerHtml(mask ? masked(raw, lang) : raw, lang, { masked: mask });
  // The file name holds the id, not the name: it is seen in folders and download lists.
  const now = new Date();
  const fileName = `customer-${customerId}-data-${lang}-${stamp(now)}.html`;
  const path = join(exportsDir(dataDir), fileName);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, html, 'utf8');
  recordAudit(sqlite, { action: 'export', recordType: 'customer', recordId: customerId, customerId, detail: { kind: 'subject_access', language: lang, masked: mask } });
  return { path, fileName, bytes: Buffer.byteLength(html) };
}
