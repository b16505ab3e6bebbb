// The single source of truth for Patron's tables. drizzle-kit generates the migrations in
// resources/migrations from this file; FTS virtual tables and their triggers live in a custom
// migration because drizzle has no notion of virtual tables.
import { sql } from 'drizzle-orm';
import { JOB_STATUSES } from '../../shared/job-kinds';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Epoch milliseconds; plain numbers cross the RPC boundary without conversion. */
const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

import { CHANNELS, DIRECTIONS, FEEDBACK_KINDS, ORDER_STATUSES } from '../../shared/records';
import { ASPECTS, POLARITIES, SENTIMENT_LABELS, SENTIMENT_SOURCES } from '../../shared/sentiment';
import { SEGMENT_CODES } from '../../shared/segments';
import { CAMPAIGN_MESSAGE_STATUSES, CAMPAIGN_PURPOSES, TONES } from '../../shared/drafting';
export { CHANNELS, DIRECTIONS, FEEDBACK_KINDS, ORDER_STATUSES };
/** Where a row came from: lets "remove sample data" and import undo find their rows. */
export const SOURCES = ['manual', 'sample', 'import'] as const;

export const companies = sqliteTable(
  'companies',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    website: text('website'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('companies_name_uq').on(t.name)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    /**
     * The name as it sorts (customers/sort-key.ts: Chinese as pinyin, accents folded), written by
     * every customer write; the list sorts by it through its index.
     */
    sortKey: text('sort_key'),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    email: text('email'),
    /** Lower-cased email, the de-duplication key. */
    emailNorm: text('email_norm'),
    phone: text('phone'),
    /** Digits only with country code (8613800138000), the de-duplication key. */
    phoneNorm: text('phone_norm'),
    city: text('city'),
    country: text('country'),
    /** BCP 47 language the customer writes in: 'en', 'zh'... */
    language: text('language').notNull().default('en'),
    consentEmail: integer('consent_email', { mode: 'boolean' }).notNull().default(false),
    consentSms: integer('consent_sms', { mode: 'boolean' }).notNull().default(false),
    consentWechat: integer('consent_wechat', { mode: 'boolean' }).notNull().default(false),
    source: text('source', { enum: SOURCES }).notNull().default('manual'),
    /** Set when the customer was erased and kept only as anonymised totals (privacy/erase-customer.ts). */
    erasedAt: integer('erased_at'),
    // Denormalised order metrics, kept current by orders/metrics.ts, so the list can sort by
    // them through an index instead of aggregating every order on each scroll.
    /** Paid orders in the shop currency, others converted at the owner's rates (money/). */
    totalSpentCents: integer('total_spent_cents').notNull().default(0),
    orderCount: integer('order_count').notNull().default(0),
    /** Paid orders left out of total_spent_cents: their currency has no rate yet. */
    unconvertedOrders: integer('unconverted_orders').notNull().default(0),
    firstOrderAt: integer('first_order_at'),
    lastOrderAt: integer('last_order_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [
    index('customers_sort_key_idx').on(t.sortKey),
    index('customers_email_norm_idx').on(t.emailNorm),
    index('customers_phone_norm_idx').on(t.phoneNorm),
    index('customers_city_idx').on(t.city),
    index('customers_company_idx').on(t.companyId),
    index('customers_created_idx').on(t.createdAt),
    index('customers_spent_idx').on(t.totalSpentCents),
    index('customers_orders_idx').on(t.orderCount),
    index('customers_last_order_idx').on(t.lastOrderAt),
    /** The dashboard's new customers per week or month: a range over this index. */
    index('customers_first_order_idx').on(t.firstOrderAt),
    index('customers_source_idx').on(t.source),
  ],
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull().default('CNY'),
    source: text('source', { enum: SOURCES }).notNull().default('manual'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('products_sku_uq').on(t.sku), index('products_category_idx').on(t.category)],
);

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** The order number people quote (from the shop system or generated). */
    orderNo: text('order_no').notNull(),
    orderedAt: integer('ordered_at').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('paid'),
    channel: text('channel').notNull().default('online'),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull().default('CNY'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('orders_order_no_uq').on(t.orderNo),
    index('orders_customer_time_idx').on(t.customerId, t.orderedAt),
    index('orders_time_idx').on(t.orderedAt),
  ],
);

export const orderItems = sqliteTable(
  'order_items',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    /** Name at the time of sale, so renaming a product does not rewrite history. */
    productName: text('product_name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId), index('order_items_product_idx').on(t.productId)],
);

export const interactions = sqliteTable(
  'interactions',
  {
    id: integer('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    language: text('language'),
    subject: text('subject'),
    body: text('body').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    /** Inbound messages wait for a reply until handled. */
    handled: integer('handled', { mode: 'boolean' }).notNull().default(false),
    /** When an inbound message was answered or marked handled (its response time); null while open or unknown. */
    handledAt: integer('handled_at'),
    /** An outbound reply: the inbound message it answers (the inbox's "mark sent"). */
    replyToId: integer('reply_to_id').references((): AnySQLiteColumn => interactions.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('interactions_customer_time_idx').on(t.customerId, t.occurredAt),
    index('interactions_time_idx').on(t.occurredAt),
    // The inbox reads the open inbound messages; the response-time median the recently handled ones.
    index('interactions_open_idx').on(t.direction, t.handled, t.occurredAt),
    index('interactions_handled_at_idx').on(t.direction, t.handledAt),
    index('interactions_reply_to_idx').on(t.replyToId),
  ],
);

export const feedback = sqliteTable(
  'feedback',
  {
    id: integer('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FEEDBACK_KINDS }).notNull(),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    /** 1–5 stars for reviews. */
    rating: integer('rating'),
    /** 0–10 for NPS surveys. */
    nps: integer('nps'),
    body: text('body'),
    language: text('language'),
    occurredAt: integer('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('feedback_customer_time_idx').on(t.customerId, t.occurredAt),
    index('feedback_time_idx').on(t.occurredAt),
    // The dashboard's satisfaction over a range reads this covering index alone (≈ 350 → 40 ms).
    index('feedback_time_scores_idx').on(t.occurredAt, t.nps, t.rating),
  ],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    color: text('color').notNull().default('blue'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_name_uq').on(t.name)],
);

export const customerTags = sqliteTable(
  'customer_tags',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.tagId] }), index('customer_tags_tag_idx').on(t.tagId)],
);

export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [index('notes_customer_time_idx').on(t.customerId, t.createdAt)],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueAt: integer('due_at'),
    doneAt: integer('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('tasks_customer_idx').on(t.customerId, t.createdAt), index('tasks_open_due_idx').on(t.doneAt, t.dueAt)],
);


/**
 * What sentiment analysis said of an inbound message or a review (core/sentiment/): one row per
 * record and source, the analyzer's kept by the write path, the model's by its job. The result
 * shown is the model's where one exists. occurred_at is the record's own time, for trends.
 */
export const sentiments = sqliteTable(
  'sentiments',
  {
    id: integer('id').primaryKey(),
    interactionId: integer('interaction_id').references(() => interactions.id, { onDelete: 'cascade' }),
    feedbackId: integer('feedback_id').references(() => feedback.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    source: text('source', { enum: SENTIMENT_SOURCES }).notNull(),
    label: text('label', { enum: SENTIMENT_LABELS }).notNull(),
    score: real('score').notNull(),
    /** JSON AspectMention[]. */
    aspects: text('aspects').notNull(),
    /** JSON string[]: the words that carried the sentiment. */
    words: text('words').notNull(),
    /** The model's one-line reason; null from the analyzer. */
    reason: text('reason'),
    /** The analyzer's version, or the model file that answered. */
    version: text('version').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    analyzedAt: integer('analyzed_at').notNull(),
  },
  (t) => [
    uniqueIndex('sentiments_interaction_source_uq').on(t.interactionId, t.source),
    uniqueIndex('sentiments_feedback_source_uq').on(t.feedbackId, t.source),
    index('sentiments_customer_time_idx').on(t.customerId, t.occurredAt),
    index('sentiments_time_idx').on(t.occurredAt),
    // Covers "who wrote something unhappy lately" (smart lists, the customers list's feeling
    // filter) without touching the table: 82 → 25 ms on 100,000 customers.
    index('sentiments_time_label_idx').on(t.occurredAt, t.label, t.source, t.customerId, t.interactionId, t.feedbackId),
  ],
);

/** One row per aspect a stored result names, so the dashboard counts aspects through an index. */
export const sentimentAspects = sqliteTable(
  'sentiment_aspects',
  {
    sentimentId: integer('sentiment_id')
      .notNull()
      .references(() => sentiments.id, { onDelete: 'cascade' }),
    aspect: text('aspect', { enum: ASPECTS }).notNull(),
    polarity: text('polarity', { enum: POLARITIES }).notNull(),
    score: real('score').notNull(),
  },
  (t) => [index('sentiment_aspects_aspect_idx').on(t.aspect, t.polarity, t.sentimentId), index('sentiment_aspects_sentiment_idx').on(t.sentimentId)],
);

/**
 * One analysis of the customer base (core/segments/): the date it is as of, what it was computed
 * from, the RFM quintile cuts and the clustering model, so one customer's edit is scored against
 * the same cuts without a full recompute. The latest run is the one shown; a few are kept.
 */
export const segmentRuns = sqliteTable('segment_runs', {
  id: integer('id').primaryKey(),
  /** Epoch ms of the end of the analysis day: orders up to it count. */
  asOf: integer('as_of').notNull(),
  /** The analysis date was set by the person (or a test), not "today". */
  asOfPinned: integer('as_of_pinned', { mode: 'boolean' }).notNull().default(false),
  computedAt: integer('computed_at').notNull(),
  /** The data it rests on: customers, of them with a paid order, and paid orders. */
  customers: integer('customers').notNull(),
  withOrders: integer('with_orders').notNull(),
  orders: integer('orders').notNull(),
  /** JSON: the RFM score cuts (rfm.ts). */
  thresholds: text('thresholds', { mode: 'json' }).notNull(),
  /** JSON: features, standardisation, centroids, k and why (cluster.ts). */
  model: text('model', { mode: 'json' }).notNull(),
});

/** Each customer's place in the latest run: RFM scores and segment, the segment a period earlier, cluster. */
export const customerSegments = sqliteTable(
  'customer_segments',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    runId: integer('run_id').notNull(),
    /** 1–5; null with no paid order. */
    r: integer('r'),
    f: integer('f'),
    m: integer('m'),
    segment: text('segment', { enum: SEGMENT_CODES }).notNull(),
    /** The segment as of one period (30 days) before the run's date; null if not a customer then. */
    prevSegment: text('prev_segment', { enum: SEGMENT_CODES }),
    /** 1-based cluster of the latest clustering; null with no paid order. */
    cluster: integer('cluster'),
    /** Paid spend up to the run's date (cents, shop currency): the segments' revenue shares. */
    spentCents: integer('spent_cents').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  // The overview's two GROUP BYs read these covering indexes alone (300 → tens of ms on 100,000
  // customers); smart lists filter by segment and cluster through them too.
  (t) => [
    index('customer_segments_segment_idx').on(t.segment, t.r, t.f, t.m, t.spentCents),
    index('customer_segments_moves_idx').on(t.prevSegment, t.segment),
    index('customer_segments_cluster_idx').on(t.cluster),
  ],
);

/** A cluster of a run: its profile, and its name (from rules, the model, or the person). */
export const clusters = sqliteTable(
  'clusters',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => segmentRuns.id, { onDelete: 'cascade' }),
    /** 1-based, biggest revenue first. */
    idx: integer('idx').notNull(),
    size: integer('size').notNull(),
    revenueCents: integer('revenue_cents').notNull(),
    /** JSON: the profile (cluster.ts). */
    profile: text('profile', { mode: 'json' }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    nameSource: text('name_source', { enum: ['rule', 'model', 'person'] }).notNull(),
    /** The UI language the name was written in ('en' | 'zh'). */
    nameLanguage: text('name_language').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.idx] })],
);

/** A saved filter (shared/filters.ts) that opens as a customer list and stays current. */
export const smartLists = sqliteTable(
  'smart_lists',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    filter: text('filter', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [uniqueIndex('smart_lists_name_uq').on(t.name)],
);

/**
 * Paid sales per local day (core/dashboard/sales-days.ts), kept by the write path's derived-state
 * hook: the dashboard sums a few hundred days instead of reading every order of a year, whose rows
 * lie scattered over the whole table (1–2 s for a year of 1,000,000 orders).
 */
export const salesDays = sqliteTable('sales_days', {
  /** 'YYYY-MM-DD' in the machine's local time, as the dashboard's weeks and months are cut. */
  day: text('day').primaryKey(),
  /** Paid orders in the shop currency (orders/metrics.ts rule). */
  revenueCents: integer('revenue_cents').notNull(),
  orders: integer('orders').notNull(),
  /** Paid orders left out of revenue_cents: their currency has no rate. */
  unconverted: integer('unconverted').notNull(),
});

/** Paid order lines per local day and product (or product name, for lines with no product). */
export const productDays = sqliteTable(
  'product_days',
  {
    day: text('day').notNull(),
    /** The product's id as text, or 'name:' + the line's product name when it has none. */
    item: text('item').notNull(),
    productId: integer('product_id'),
    productName: text('product_name').notNull(),
    revenueCents: integer('revenue_cents').notNull(),
    quantity: integer('quantity').notNull(),
  },
  // Covering: a year of best sellers is read from the index alone (200–300 → 40–50 ms cold).
  (t) => [primaryKey({ columns: [t.day, t.item] }), index('product_days_cover_idx').on(t.day, t.item, t.productId, t.productName, t.revenueCents, t.quantity)],
);

/**
 * One run of the predictions (core/predict/): the date it is as of, what it rests on, and every
 * fitted model as JSON (BG/NBD, Gamma-Gamma, churn, forecasts), so the screens can say what a
 * number rests on and a fit that did not converge can keep the last good one.
 */
export const predictionRuns = sqliteTable('prediction_runs', {
  id: integer('id').primaryKey(),
  /** Epoch ms of the end of the analysis day (segments/analysis-date.ts). */
  asOf: integer('as_of').notNull(),
  computedAt: integer('computed_at').notNull(),
  /** Customers with a paid order, and paid orders, the fits rest on; the first and last order day. */
  customers: integer('customers').notNull(),
  orders: integer('orders').notNull(),
  firstDay: text('first_day'),
  lastDay: text('last_day'),
  horizonMonths: integer('horizon_months').notNull(),
  discountRate: real('discount_rate').notNull(),
  /** JSON: { bgnbd, gg, churn, forecast, basket } as stored by core/predict/store.ts. */
  model: text('model', { mode: 'json' }).notNull(),
});

/** Each customer's predictions in the latest run (customers with a paid order only). */
export const customerPredictions = sqliteTable(
  'customer_predictions',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    runId: integer('run_id').notNull(),
    /** Paid purchase days (same-day orders once). */
    purchases: integer('purchases').notNull(),
    pAlive: real('p_alive').notNull(),
    /** Expected paid orders in the CLV horizon. */
    expectedPurchases: real('expected_purchases').notNull(),
    /** Gamma-Gamma expected order value (cents, shop currency); null with one purchase. */
    expectedOrderCents: integer('expected_order_cents'),
    clvCents: integer('clv_cents').notNull(),
    churnRisk: real('churn_risk').notNull(),
    /** JSON ChurnReason[] (shared/predictions.ts), most important first. */
    reasons: text('reasons').notNull(),
  },
  // Smart lists and "most at risk" sort and filter by these.
  (t) => [index('customer_predictions_churn_idx').on(t.churnRisk), index('customer_predictions_clv_idx').on(t.clvCents)],
);

/** "Bought together" rules of the latest run: items are product_days items (product id, or 'name:…'). */
export const productRules = sqliteTable(
  'product_rules',
  {
    id: integer('id').primaryKey(),
    runId: integer('run_id').notNull(),
    /** JSON string[]: the items bought (one or two). */
    antecedent: text('antecedent').notNull(),
    /** The single antecedent item, for "who bought X also bought"; null for two. */
    lhsItem: text('lhs_item'),
    consequent: text('consequent').notNull(),
    consequentName: text('consequent_name').notNull(),
    support: real('support').notNull(),
    confidence: real('confidence').notNull(),
    lift: real('lift').notNull(),
    /** Orders holding all the items. */
    count: integer('count').notNull(),
  },
  (t) => [index('product_rules_lhs_idx').on(t.lhsItem, t.lift)],
);

/**
 * A win-back or campaign message run (core/drafting/campaign-*.ts): who it is for (a customer, a
 * segment or a smart list, resolved to customers when made), what it is about, in which tone; the
 * model-lane job that writes one message per customer.
 */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  purpose: text('purpose', { enum: CAMPAIGN_PURPOSES }).notNull(),
  /** JSON CampaignTarget (shared/drafting.ts). */
  target: text('target', { mode: 'json' }).notNull(),
  /** What the owner wants said (an offer, a new product); may be empty for a plain win-back. */
  brief: text('brief').notNull().default(''),
  tone: text('tone', { enum: TONES }).notNull(),
  jobId: integer('job_id'),
  createdAt: createdAt(),
});

/** One customer's message in a campaign: drafted (by the model or a template), then reviewed. */
export const campaignMessages = sqliteTable(
  'campaign_messages',
  {
    id: integer('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Order in the review queue. */
    position: integer('position').notNull(),
    language: text('language').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** Null until drafted. */
    body: text('body'),
    /** 'model' or 'template'. */
    madeBy: text('made_by'),
    /** JSON DraftCheck[] of the body as it stands. */
    checks: text('checks'),
    status: text('status', { enum: CAMPAIGN_MESSAGE_STATUSES }).notNull().default('pending'),
    /** The outbound interaction logged when it was exported. */
    interactionId: integer('interaction_id').references(() => interactions.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('campaign_messages_campaign_customer_uq').on(t.campaignId, t.customerId), index('campaign_messages_campaign_pos_idx').on(t.campaignId, t.position)],
);

export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    input: text('input', { mode: 'json' }).notNull(),
    /** What the job has committed so far; a resumed job continues from here. */
    checkpoint: text('checkpoint', { mode: 'json' }),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: text('result', { mode: 'json' }),
    error: text('error', { mode: 'json' }),
    createdAt: createdAt(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.createdAt)],
);

/**
 * The owner's conversion rates into the shop currency (settings key 'money' names it): one unit
 * of `currency` is worth `rate` shop units. A table, not a setting, so spend is converted in SQL.
 */
export const currencyRates = sqliteTable('currency_rates', {
  currency: text('currency').primaryKey(),
  rate: real('rate').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** A saved column mapping for imports: which header feeds which field, and the parse options. */
export const importTemplates = sqliteTable(
  'import_templates',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    /** customers | orders | interactions | feedback */
    kind: text('kind').notNull(),
    /** Field key → header name as it appears in the file. */
    mapping: text('mapping', { mode: 'json' }).notNull(),
    options: text('options', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [uniqueIndex('import_templates_name_uq').on(t.name)],
);

/** Who is using the app on a shared machine: one owner, staff with a PIN (privacy/profiles.ts). */
export const profiles = sqliteTable(
  'profiles',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'staff'] }).notNull(),
    /** scrypt hash of the PIN with its salt and parameters, `scrypt$N$r$p$salt$hash`; null: no PIN. */
    pinHash: text('pin_hash'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('profiles_name_uq').on(t.name)],
);

/**
 * Every change through the write path, in the same transaction as the change (privacy/audit-*.ts):
 * who, when, what, and the fields changed with their values before and after. Never edited by the
 * app; an erasure blanks the values of the erased customer's entries and keeps that they happened.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    profileId: integer('profile_id'),
    /** The profile's name as it was then (a profile can be renamed or removed later). */
    profileName: text('profile_name'),
    /** create | update | delete | merge | import | export | erase | restore | encrypt | ... */
    action: text('action').notNull(),
    /** customer | order | interaction | note | task | tag | settings | ... */
    recordType: text('record_type').notNull(),
    recordId: integer('record_id'),
    /** The customer the record belongs to, so a customer's history and erasure can find it. */
    customerId: integer('customer_id'),
    /** {field: [before, after]} for the fields changed; null when blanked by an erasure. */
    changes: text('changes', { mode: 'json' }),
    /** What a bulk action did, in facts: {file, rows, customers}... */
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_customer_idx').on(t.customerId),
    index('audit_log_record_idx').on(t.recordType, t.recordId),
  ],
);
