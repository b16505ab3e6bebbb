// What sentiment analysis says of a message or review, for the core, the model's grammar and the UI
// alike. Pure: the renderer names labels and aspects from these codes.

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral', 'mixed'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const POLARITIES = ['positive', 'negative', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** What a shop's customers speak about. The analyzer's word lists for each are in core/sentiment/aspect-words.ts. */
export const ASPECTS = [
  'price',
  'quality',
  'delivery',
  'service',
  'packaging',
  'size_fit',
  'taste',
  'as_described',
  'returns',
  'stock',
  'cleanliness',
] as const;
export type Aspect = (typeof ASPECTS)[number];

/** How the customers list filters by feeling: a message or review of the last FEELING_DAYS days. */
export const FEELINGS = ['unhappy', 'happy'] as const;
export type Feeling = (typeof FEELINGS)[number];
export const FEELING_DAYS = 90;

/** Who produced a stored result: the analyzer that ships with the app, or the local model. */
export const SENTIMENT_SOURCES = ['lexicon', 'model'] as const;
export type SentimentSource = (typeof SENTIMENT_SOURCES)[number];

export interface AspectMention {
  aspect: Aspect;
  polarity: Polarity;
  /** In [-1, 1]. */
  score: number;
  /** The words in the text that named the aspect and carried its polarity. */
  words: string[];
}

export interface Sentiment {
  label: SentimentLabel;
  /** In [-1, 1]: below 0 negative. */
  score: number;
  aspects: AspectMention[];
  /** The words that carried the sentiment, strongest first (at most a few). */
  words: string[];
}

/** A stored result as the UI receives it. */
export interface StoredSentiment extends Sentiment {
  source: SentimentSource;
  /** The analyzer's version, or the model file that answered. */
  version: string;
  /** The model's one-line reason, in the message's language; null from the analyzer. */
  reason: string | null;
}
