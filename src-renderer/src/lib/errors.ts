// Core errors ({code, message, field?}) as a person reads them, in their language. English
// shows the core's own message (it names what is wrong precisely); Chinese shows a translation
// chosen by code and field, and falls back to the core's message where there is none.
import type { TFunction } from 'i18next';
import { errorShape } from '../api/client';
import { currentLanguage } from '../i18n';

export interface ShownError {
  code: string;
  message: string;
  /** The form field the error belongs to ('email', not 'data.email'). */
  field?: string;
}

const FIELD_TRANSLATIONS: Record<string, Record<string, string>> = {
  invalid_input: {
    name: 'errors.fields.nameRequired',
    email: 'errors.fields.emailInvalid',
    phone: 'errors.fields.phoneInvalid',
    body: 'errors.fields.noteEmpty',
    title: 'errors.fields.taskTitle',
  },
  conflict: {
    email: 'errors.fields.emailTaken',
    phone: 'errors.fields.phoneTaken',
  },
};

export function describeError(err: unknown, t: TFunction): ShownError {
  return describeShape(errorShape(err), t);
}

export function describeShape(shape: { code: string; message: string; field?: string; detail?: Record<string, string | number> }, t: TFunction): ShownError {
  const field = shape.field?.split('.').pop();
  // The core prefixes invalid-input messages with the field path ("data.email: ..."); on a
  // form field that prefix is noise.
  const bare = shape.field && shape.message.startsWith(`${shape.field}: `) ? shape.message.slice(shape.field.length + 2) : shape.message;
  if (currentLanguage() === 'en') return { code: shape.code, message: bare, field };
  const fieldKey = field ? FIELD_TRANSLATIONS[shape.code]?.[field] : undefined;
  // A conflict names who already holds the value when the core says so.
  const holder = shape.code === 'conflict' && shape.detail?.customerName;
  const key = fieldKey && holder ? `${fieldKey}By` : (fieldKey ?? `errors.${shape.code}`);
  const translated = String(t(key as never, { defaultValue: '', name: holder || undefined } as never));
  if (!translated) return { code: shape.code, message: bare, field };
  // An unexpected failure keeps the core's detail: it is what someone would need to fix it.
  return { code: shape.code, message: shape.code === 'internal' ? `${translated}（${bare}）` : translated, field };
}
