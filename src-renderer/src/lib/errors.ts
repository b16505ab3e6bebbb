// Core errors ({code, message, field?, params?, issues?}) as a person reads them, in their
// language, worded from the code and its parameters by the typed messages in
// src-main/shared/problems.ts. An invalid_input error names every wrong field (issues); each gets
// its own words, to show under its field.
import type { TFunction } from 'i18next';
import { problemText, type ErrorShape, type FieldIssue, type Problem } from '../../../src-main/shared/problems';
import { errorShape } from '../api/client';
import { currentLanguage, type Language } from '../i18n';

export interface ShownError {
  code: string;
  /** What went wrong, in the person's language. */
  message: string;
  /** The form field the error belongs to ('email', not 'data.email'). */
  field?: string;
  /** Every wrong field's own message, by field ('email' → "Not a valid email address."). */
  fields: Record<string, string>;
  /** The core's own English words, when they say more than `message` (for a "details" line). */
  detail: string;
}

/** 'data.email' → 'email': forms name their fields by the last part of the path. */
const fieldName = (path: string | undefined) => path?.split('.').pop() || undefined;

/** A conflict on a customer's email or phone says who already has it. */
function fieldProblem(shape: ErrorShape, field: string | undefined): Problem | null {
  if (shape.code !== 'conflict' || (field !== 'email' && field !== 'phone')) return null;
  const customerName = shape.params && 'customerName' in shape.params ? shape.params.customerName : undefined;
  return { code: field === 'email' ? 'email_taken' : 'phone_taken', params: customerName ? { customerName } : {} };
}

function issueTexts(issues: FieldIssue[], lang: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldName(issue.field);
    // The first problem of a field is the one to fix first.
    if (field && !(field in out)) out[field] = problemText(lang, issue);
  }
  return out;
}

export function describeShape(shape: ErrorShape, _t?: TFunction): ShownError {
  const lang = currentLanguage();
  const field = fieldName(shape.field);
  // The core prefixes invalid-input messages with the field path ("data.email: ..."); on a
  // form field that prefix is noise.
  const bare = shape.field && shape.message.startsWith(`${shape.field}: `) ? shape.message.slice(shape.field.length + 2) : shape.message;
  const fields = shape.issues?.length ? issueTexts(shape.issues, lang) : {};
  const own = fieldProblem(shape, field);
  let message: string;
  if (own) message = problemText(lang, own);
  else if (field && fields[field]) message = fields[field];
  // An English error without facts to word it by: the core's sentence is the precise one.
  else if (lang === 'en' && !shape.params && shape.code !== 'internal') message = bare;
  else message = problemText(lang, { code: shape.code, params: shape.params ?? {} }, bare);
  if (field && !fields[field] && shape.code !== 'internal') fields[field] = message;
  // An unexpected failure keeps the core's detail: it is what someone would need to fix it.
  if (shape.code === 'internal' && bare && bare !== message) message = lang === 'zh' ? `${message}（${bare}）` : `${message} (${bare})`;
  return { code: shape.code, message, field, fields, detail: bare !== message && !message.includes(bare) ? bare : '' };
}

export function describeError(err: unknown, t?: TFunction): ShownError {
  return describeShape(errorShape(err), t);
}
