// The fixed vocabularies of the records, for the schema, the validators and the UI alike.
export const CHANNELS = ['email', 'phone', 'sms', 'wechat', 'whatsapp', 'social', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const FEEDBACK_KINDS = ['review', 'complaint', 'survey'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const ORDER_STATUSES = ['paid', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
