// The checks every draft (reply or campaign message) passes before it is shown; a failed one is
// shown with its reason, never hidden.
//   language: the draft reads as the language asked for (draft-language.ts: Han characters weighed
//             against Latin letters, so product names and a greeted Chinese name do not tip it).
//   facts:    every number, date, time, price and order number in it is stated by one of the allowed
//             texts: the customer's records, the message answered, the shop facts (fact-claims.ts
//             says what counts as the same value). Strict: a digit in no allowed text is flagged,
//             small counts included ("within 2 days"), since a wrong "2" is as false as a wrong
//             price; the customer's own message is allowed, so echoing what they said passes.
//   name:     every name its greetings address is a form of the name on record (greeting-names.ts).
//   length:   its length in characters (code points, trimmed) is within the bounds.
import type { DraftCheck, DraftLanguage } from '../../shared/drafting';
import { detectLanguage } from './draft-language';
import { allowedKeys, unknownClaims } from './fact-claims';
import { wrongNames } from './greeting-names';

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

/** A reply's bounds in characters: a Chinese character says about what three English letters do. */
export const REPLY_LENGTH: Record<DraftLanguage, { min: number; max: number }> = { en: { min: 40, max: 1200 }, zh: { min: 10, max: 500 } };

export function checkDraft(text: string, expect: DraftExpectations): DraftCheck[] {
  const body = text.trim();
  const found = detectLanguage(body);
  const unknown = unknownClaims(body, allowedKeys(expect.allowed));
  const wrong = wrongNames(body, expect.customerName);
  const length = [...body].length;
  return [
    { check: 'language', ok: found === expect.language, params: { expected: expect.language, found } },
    { check: 'facts', ok: unknown.length === 0, params: { unknown } },
    { check: 'name', ok: wrong.length === 0, params: { expected: expect.customerName, found: wrong } },
    { check: 'length', ok: length >= expect.min && length <= expect.max, params: { length, min: expect.min, max: expect.max } },
  ];
}

/** Whether every check passed. */
export const allPassed = (checks: DraftCheck[]) => checks.every((c) => c.ok);
