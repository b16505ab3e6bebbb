// Reply drafting and campaign messages, as the core, the model and the UI share them: tones,
// languages, the shop facts a reply may rely on, what a draft rests on (its sources), the checks
// every draft passes before it is shown, and the placeholders of the no-model templates.
// Pure: the renderer words every code here from i18n.
import type { Channel } from './records';
import type { SegmentCode } from './segments';

export const TONES = ['warm', 'formal', 'brief', 'apologetic'] as const;
export type Tone = (typeof TONES)[number];

export const DRAFT_LANGUAGES = ['en', 'zh'] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

/**
 * What the owner writes on the Shop facts page; drafts may rely on these and nothing else of the
 * shop. 'name' is the shop's name: the drafts sign with it ({shop_name}).
 */
export const FACT_TOPICS = ['name', 'returns', 'delivery', 'hours', 'contacts', 'offers', 'other'] as const;
export type FactTopic = (typeof FACT_TOPICS)[number];
export type ShopFacts = Record<FactTopic, string>;
/** settings key of the shop facts (the settings write path). */
export const SHOP_FACTS_KEY = 'shopFacts';
export const FACT_MAX_CHARS = 2000;
export const EMPTY_SHOP_FACTS: ShopFacts = { name: '', returns: '', delivery: '', hours: '', contacts: '', offers: '', other: '' };

/** One thing a draft rests on, listed beside the editor. `text` is the record as the prompt quotes it. */
export type DraftSourceKind = 'customer' | 'message' | 'order' | 'task' | 'complaint' | 'tone' | 'promise' | 'past_reply' | 'fact';
export interface DraftSource {
  kind: DraftSourceKind;
  /** The record's id where there is one (order, task, feedback, interaction). */
  id: number | null;
  /** For 'fact': which topic. */
  topic?: FactTopic;
  /** Epoch ms of the record, where it has one. */
  at: number | null;
  text: string;
}

/** Every draft is checked before it is shown; a failed check is shown with its reason. */
export const DRAFT_CHECKS = ['language', 'facts', 'name', 'length'] as const;
export type DraftCheckName = (typeof DRAFT_CHECKS)[number];
export interface DraftCheck {
  check: DraftCheckName;
  ok: boolean;
  /**
   * language: expected, found. facts: unknown (numbers, dates, prices or order numbers found in the
   * draft but in no record or shop fact). name: expected, found (names it addresses that are not the
   * customer's). length: length, min, max (characters).
   */
  params: { expected?: string; found?: string[] | string; unknown?: string[]; length?: number; min?: number; max?: number };
}

/** What the draft stream sends: what it rests on, then tokens (or a template), then the checks. */
export type DraftEvent =
  | { type: 'context'; language: DraftLanguage; tone: Tone; sources: DraftSource[]; promptChars: number; truncated: boolean; mode: 'model' | 'template' }
  | { type: 'started'; model: string; promptChars: number }
  | { type: 'token'; text: string }
  | { type: 'template'; text: string }
  | { type: 'done'; text: string; tokens: number; tokensPerSec: number; ms: number; stopped: boolean }
  | { type: 'checked'; checks: DraftCheck[] };

/** Placeholders of the no-model templates, filled from the customer's records. */
export const TEMPLATE_PLACEHOLDERS = ['name', 'last_product', 'last_order_date', 'last_order_no', 'shop_name'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** What a campaign is for: bringing a customer back, or telling customers something new. */
export const CAMPAIGN_PURPOSES = ['winback', 'campaign'] as const;
export type CampaignPurpose = (typeof CAMPAIGN_PURPOSES)[number];
export const CAMPAIGN_MESSAGE_STATUSES = ['pending', 'approved', 'skipped', 'exported'] as const;
export type CampaignMessageStatus = (typeof CAMPAIGN_MESSAGE_STATUSES)[number];
/** Who a campaign is for; resolved to customers when it is made. */
export type CampaignTarget = { kind: 'customer'; customerId: number } | { kind: 'segment'; segment: SegmentCode } | { kind: 'list'; listId: number };
/**
 * The longest brief a campaign takes, in characters: the no-model template says it as written, so
 * it must fit the shortest channel's message (a text message, 600 characters: campaigns/
 * campaign-prompt.ts lengthBounds) with room for the template's own words, the customer's name
 * and the shop's sign-off.
 */
export const BRIEF_MAX_CHARS = 400;
/** At most this many customers per campaign: each message is read by the owner. */
export const CAMPAIGN_MAX_CUSTOMERS = 500;

export interface CampaignMessage {
  id: number;
  customerId: number;
  customerName: string;
  position: number;
  language: DraftLanguage;
  channel: Channel;
  body: string | null;
  madeBy: 'model' | 'template' | null;
  checks: DraftCheck[];
  status: CampaignMessageStatus;
}
