// The checking half of an import: a source row in, its stored values or its problem out. Pure
// (no database), so it runs either in the importing thread or in a worker thread that checks the
// next rows while the importing thread writes the last ones (see checked-rows.ts).
import type { CountryCode } from 'libphonenumber-js';
import type { Problem } from '../../shared/problems';
import type { Sentiment } from '../../shared/sentiment';
import { createAnalyzer, type Analyzer } from '../sentiment/analyzer';
import { messageText, reviewText } from '../sentiment/analysed';
import { loadLexicons, sentimentDir } from '../sentiment/lexicons';
import { PhoneNormalizer } from './parse-values';
import type { SourceLayout } from './read-source';
import type { ImportRequest } from './schemas';
import type { SourceRow } from './source-row';
import { bad, Columns, ParseMemo, type Checked, type ParseOptions } from './validate-common';
import { readCustomer, type CustomerRow } from './validate-customer';
import { readFeedback, type FeedbackRow } from './validate-feedback';
import { readInteraction, type InteractionRow } from './validate-interaction';
import { readOrderLine, type OrderLineRow } from './validate-order';

/** What each kind of import stores for one row. */
export interface RowValues {
  customers: CustomerRow;
  orders: OrderLineRow;
  interactions: InteractionRow;
  feedback: FeedbackRow;
}

export type ImportKind = ImportRequest['kind'];

/** A checked row. A bad order line still names its order, so the whole order can be left out. */
export type CheckedRow<K extends ImportKind = ImportKind> = Checked<RowValues[K]> & { orderNo?: string };

/** The settings a checker needs: plain data, so they can be sent to a worker thread. */
export interface CheckSettings {
  kind: ImportKind;
  mapping: ImportRequest['mapping'];
  options: ImportRequest['options'];
  /** Columns in the header. */
  width: number;
  /** Text files only: a row wider than the header with text in the extra cells is rejected. */
  strictWidth: boolean;
  /** The analyzer's lexicons (resources/sentiment): messages and reviews are analysed while checked; null: not analysed. */
  sentimentDir: string | null;
}

/** The checker's settings for an import of `req` from a file read as `layout`; `analyse`: messages and reviews get their sentiment. */
export function checkSettings(req: ImportRequest, layout: Pick<SourceLayout, 'headers' | 'format'>, analyse = false): CheckSettings {
  return { kind: req.kind, mapping: req.mapping, options: req.options, width: layout.headers.length, strictWidth: layout.format === 'csv', sentimentDir: analyse ? sentimentDir() : null };
}

export class RowChecker {
  private readonly cols: Columns;
  private analyzer: Analyzer | null = null;
  private readonly opts: ParseOptions & { defaultChannel: ImportRequest['options']['defaultChannel'] };

  /**
   * `hasTime`: whether this thread can spare the analysis now. A checking worker says no while the
   * writer keeps up with it (the analysis would slow the whole import); the writer then analyses
   * those records itself, in the moments it waits for rows.
   */
  constructor(
    private readonly settings: CheckSettings,
    private readonly hasTime: () => boolean = () => true,
  ) {
    this.cols = new Columns(settings.mapping);
    const o = settings.options;
    this.opts = {
      dateOrder: o.dateOrder,
      decimalComma: o.decimalComma,
      currency: o.currency,
      phones: new PhoneNormalizer(o.defaultCountry as CountryCode),
      memo: new ParseMemo(),
      defaultChannel: o.defaultChannel,
    };
  }

  /**
   * Messages and reviews are analysed here, where the import checks rows: in a worker thread for
   * a big file, so the analysis runs beside the writing instead of in it (sentiment/derive-hook.ts
   * stores the result).
   */
  private analyse(text: string | null): Sentiment | null {
    if (text === null || this.settings.sentimentDir === null || !this.hasTime()) return null;
    this.analyzer ??= createAnalyzer(loadLexicons(this.settings.sentimentDir));
    return this.analyzer.analyze(text);
  }

  private reject(cells: string[], field: string | null, problem: Problem): CheckedRow {
    const out: CheckedRow = bad(field, problem);
    if (this.settings.kind === 'orders') {
      const orderNo = this.cols.get(cells, 'order_no');
      if (orderNo) out.orderNo = orderNo;
    }
    return out;
  }

  check(r: SourceRow): CheckedRow {
    const { cells } = r;
    if (r.problem) return this.reject(cells, null, r.problem);
    const { width } = this.settings;
    if (this.settings.strictWidth && cells.length > width) {
      for (let i = width; i < cells.length; i++) {
        if (cells[i].trim() !== '') {
          return this.reject(cells, null, { code: 'row_too_wide', params: { values: cells.length, columns: width } });
        }
      }
    }
    switch (this.settings.kind) {
      case 'customers':
        return readCustomer(this.cols, cells, this.opts);
      case 'orders':
        return readOrderLine(this.cols, cells, this.opts);
      case 'interactions': {
        const row = readInteraction(this.cols, cells, this.opts);
        if (row.ok) row.value.sentiment = this.analyse(messageText(row.value));
        return row;
      }
      case 'feedback': {
        const row = readFeedback(this.cols, cells, this.opts);
        if (row.ok) row.value.sentiment = this.analyse(reviewText(row.value));
        return row;
      }
    }
  }
}
