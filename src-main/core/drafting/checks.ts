// CONTRACT STUB (replaced by the drafting helper): the checks every draft (reply or campaign message) passes before it is shown.
import type { DraftCheck, DraftLanguage } from '../../shared/drafting';

export interface DraftExpectations {
  language: DraftLanguage;
  /** The name on record. */
  customerName: string;
  /** Every text a number, date, price or order number in the draft may come from: the customer's records, the message, the shop facts. */
  allowed: string[];
  /** Bounds in characters. */
  min: number;
  max: number;
}

export function checkDraft(text: string, expect: DraftExpectations): DraftCheck[] {
  void [text, expect];
  throw new Error('drafting not built yet');
}
