// A row of a reviews/complaints/surveys file, checked and turned into stored values.
import type { Sentiment } from '../../shared/sentiment';
import type { FEEDBACK_KINDS } from '../db/schema';
import { choice, FEEDBACK_KIND, parseInteger, parseRating } from './parse-values';
import { bad, readLanguage, readOwnerAndTime, type Checked, type Columns, type ParseOptions, type Person, valueOf } from './validate-common';

export interface FeedbackRow {
  person: Person;
  occurredAt: number;
  kind: (typeof FEEDBACK_KINDS)[number];
  rating: number | null;
  nps: number | null;
  body: string | null;
  productSku: string | null;
  productName: string | null;
  language: string;
  /** The analyzer's reading of the review's text, made while checking (check-row.ts). */
  sentiment: Sentiment | null;
}

export function readFeedback(cols: Columns, cells: string[], opts: ParseOptions): Checked<FeedbackRow> {
  const head = readOwnerAndTime(cols, cells, opts, 'review');
  if (!head.ok) return head;
  let kind: FeedbackRow['kind'] = 'review';
  const rawKind = cols.get(cells, 'kind');
  if (rawKind) {
    const k = choice(FEEDBACK_KIND, rawKind);
    if (!k) return bad('kind', { code: 'feedback_kind_unknown', params: { value: valueOf(rawKind) } });
    kind = k;
  }
  const rawRating = cols.get(cells, 'rating');
  const rating = parseRating(rawRating);
  if (Number.isNaN(rating)) return bad('rating', { code: 'rating_invalid', params: { value: valueOf(rawRating) } });
  if (rating !== null && (rating < 1 || rating > 5)) return bad('rating', { code: 'rating_out_of_range', params: { value: valueOf(rawRating) } });
  const rawNps = cols.get(cells, 'nps');
  const nps = parseInteger(rawNps);
  if (Number.isNaN(nps)) return bad('nps', { code: 'nps_invalid', params: { value: valueOf(rawNps) } });
  if (nps !== null && (nps < 0 || nps > 10)) return bad('nps', { code: 'nps_out_of_range', params: { value: valueOf(rawNps) } });
  const body = cols.get(cells, 'body').slice(0, 100_000) || null;
  if (rating === null && nps === null && !body) return bad(cols.has('body') ? 'body' : 'rating', { code: 'feedback_empty', params: {} });
  const language = readLanguage(cols, cells, body);
  if (!language.ok) return language;
  return {
    ok: true,
    value: {
      person: head.value.person,
      occurredAt: head.value.occurredAt,
      kind,
      rating,
      nps,
      body,
      productSku: cols.get(cells, 'product_sku') || null,
      productName: cols.get(cells, 'product_name') || null,
      language: language.value,
      sentiment: null,
    },
  };
}
