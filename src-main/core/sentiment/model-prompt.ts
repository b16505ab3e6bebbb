// What the local model is asked for a message or review's sentiment: one system prompt shared by
// every item of a run (each sequence evaluates it once), the answer under a JSON-schema grammar.
import { z } from 'zod';
import { ASPECTS, POLARITIES, SENTIMENT_LABELS, type Aspect } from '../../shared/sentiment';

/**
 * The score a model may give: -1 to 1 in steps of 0.1. A JSON-schema grammar cannot bound a plain
 * number (a small model wrote 8045555555555555), but it does hold the model to a list of values.
 */
export const MODEL_SCORES = Array.from({ length: 21 }, (_, i) => (i - 10) / 10) as [number, ...number[]];

/** The answer's shape: the grammar the model writes under, and the check of what it wrote. */
export const modelAnswer = z.object({
  label: z.enum(SENTIMENT_LABELS),
  score: z.literal(MODEL_SCORES),
  aspects: z.array(z.object({ aspect: z.enum(ASPECTS), polarity: z.enum(POLARITIES) })).max(6),
  reason: z.string().max(200),
});
export type ModelAnswer = z.infer<typeof modelAnswer>;

const GLOSS: Record<Aspect, string> = {
  price: 'price, value for money, discounts',
  quality: 'how good the product is, defects, how long it lasts',
  delivery: 'shipping speed, courier, tracking, arriving late or lost',
  service: 'staff, replies, helpfulness, attitude',
  packaging: 'box, wrapping, damage in transit',
  size_fit: 'size, fit, dimensions',
  taste: 'taste, flavour, smell',
  as_described: 'matches the description or photos, wrong item',
  returns: 'returns, refunds, exchanges',
  stock: 'availability, out of stock, restocking',
  cleanliness: 'hygiene, dirt, freshness of the place or item',
};

/** The longest text sent per item: enough for any real message, bounded for the context. */
export const MAX_ITEM_CHARS = 2000;

export const SENTIMENT_SYSTEM_PROMPT = [
  'You judge the sentiment of one customer message or review for a small shop. Answer with JSON only.',
  `label: one of ${SENTIMENT_LABELS.join(', ')} ("mixed" when it is clearly both positive and negative).`,
  'score: from -1 (very negative) to 1 (very positive) in steps of 0.1; 0 is neutral.',
  'aspects: what the customer speaks of, at most 6, each with its polarity (positive, negative or neutral). Aspect codes:',
  ...ASPECTS.map((a) => `- ${a}: ${GLOSS[a]}`),
  'reason: one short sentence in the message\'s own language saying why.',
].join('\n');

/** The user turn for one item. */
export function sentimentPrompt(text: string): string {
  const clipped = text.length > MAX_ITEM_CHARS ? `${text.slice(0, MAX_ITEM_CHARS)}…` : text;
  return `Message:\n${clipped}`;
}
