// The checking half of an import: a source row in, its stored values or its problem out. Pure
// (no database), so it runs either in the importing thread or in a worker thread that checks the
// next rows while the importing thread writes the last ones (see checked-rows.ts).
import type { CountryCode } from 'libphonenumber-js';
import type { Problem } from '../../shared/problems';
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
}

/** The checker's settings for an import of `req` from a file read as `layout`. */
export function checkSettings(req: ImportRequest, layout: Pick<SourceLayout, 'headers' | 'format'>): CheckSettings {
  return { kind: req.kind, mapping: req.mapping, options: req.options, width: layout.headers.length, strictWidth: layout.format === 'csv' };
}

export class RowChecker {
  private readonly cols: Columns;
  private readonly opts: ParseOptions & { defaultChannel: ImportRequest['options']['defaultChannel'] };

  constructor(private readonly settings: CheckSettings) {
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
      case 'interactions':
        return readInteraction(this.cols, cells, this.opts);
      case 'feedback':
        return readFeedback(this.cols, cells, this.opts);
    }
  }
}
