// The first step of the import wizard: how the file will be read, its first rows, a suggested
// kind and column mapping for every kind, a saved template that fits, and suggested parse
// options (day/month order, decimal comma) from what the values look like.
import type { Db } from '../db/open';
import { shopCurrencyOf } from '../money/settings';
import type { ImportKind } from './fields';
import { guessDateOrder, type DateOrder } from './parse-date';
import { inspectSource, type SourceInfo } from './read-source';
import type { SourceInput } from './schemas';
import { suggestAll, type Suggestion } from './suggest-mapping';
import { matchTemplate } from './templates';

export interface InspectResult extends SourceInfo {
  suggestedKind: ImportKind;
  suggestions: Record<ImportKind, Suggestion>;
  template: ReturnType<typeof matchTemplate>;
  /** `currency`: for amounts that name none, the shop currency (money/settings.ts). */
  suggestedOptions: { dateOrder: DateOrder; decimalComma: boolean; currency: string };
}

const DATE_FIELDS = ['ordered_at', 'occurred_at', 'created_at'];
const AMOUNT_FIELDS = ['unit_price', 'line_total', 'order_total'];
const DECIMAL_COMMA = /\d\.\d{3},\d{1,2}(?!\d)|^[^\d]*\d+,\d{1,2}[^\d]*$/;

export async function inspectFile(db: Db, input: SourceInput, sampleSize = 20): Promise<InspectResult> {
  const info = await inspectSource(input, sampleSize);
  const cells = info.sampleRows.map((r) => r.cells);
  const { kind, suggestions } = suggestAll(info.headers, cells);
  const columnValues = (fields: string[]) =>
    Object.values(suggestions)
      .flatMap((s) => fields.map((f) => s.mapping[f]))
      .filter((c): c is number => c !== undefined)
      .flatMap((c) => cells.map((r) => r[c] ?? ''));
  return {
    ...info,
    suggestedKind: kind,
    suggestions,
    template: matchTemplate(db, info.headers),
    suggestedOptions: {
      dateOrder: guessDateOrder(columnValues(DATE_FIELDS)) ?? 'DMY',
      decimalComma: columnValues(AMOUNT_FIELDS).some((v) => DECIMAL_COMMA.test(v.trim())),
      currency: shopCurrencyOf(db),
    },
  };
}
