// English strings shared by every prediction screen: churn reasons in words (from the codes of
// src-main/shared/predictions.ts), risk bands, spans of time, and what a prediction rests on.
export const predict = {
  predict: {
    bands: { high: 'High risk', medium: 'Medium risk', low: 'Low risk' },
    span: {
      days_one: '{{count}} day',
      days_other: '{{count}} days',
      weeks_one: '{{count}} week',
      weeks_other: '{{count}} weeks',
      months_one: '{{count}} month',
      months_other: '{{count}} months',
    },
    reasons: {
      gap: 'usually orders every {{every}}; nothing for {{since}}',
      one_order: 'one order so far, {{since}} ago',
      spend_falling: 'recent orders {{pct}}% smaller than earlier ones',
      complaints_one: 'a complaint with no reply',
      complaints_other: '{{count}} complaints with no reply',
      negative_feeling: 'latest message or review was negative',
      quiet: 'no order for {{since}}',
      likely_gone: 'has probably stopped buying ({{pct}}% chance still a customer)',
    },
    reasonsJoin: '; ',
  },
};
