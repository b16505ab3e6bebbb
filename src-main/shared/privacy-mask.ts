// Privacy mode's masks: the ONE definition of how a name, phone, email or text is hidden, used by
// every screen (renderer usePrivacyMode) and by exports made while privacy mode is on (core
// privacy/privacy-mode.ts). Pure: the renderer imports it.

export const MASK_KINDS = ['name', 'email', 'phone', 'text'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** What hidden text reads as, in the export's or the screen's language. */
export const HIDDEN_TEXT = { en: 'Hidden in privacy mode', zh: '隐私模式下已隐藏' } as const;

const BULLETS = '••••';
// Han, Hiragana/Katakana and Hangul: names written without spaces, where one character is a syllable.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

type Maybe<T> = T extends string ? string : T;

/** "Zhang Wei" → "Z. W."; "王芳" → "王*"; "欧阳娜娜" → "欧***": enough to tell people apart, not to name them. */
export function maskName<T extends string | null | undefined>(value: T): Maybe<T> {
  if (typeof value !== 'string') return value as Maybe<T>;
  const words = value.trim().split(/\s+/u).filter(Boolean);
  const masked = words.map((word) => {
    const chars = [...word];
    if (CJK.test(chars[0])) return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
    const letter = chars.find((c) => /\p{L}|\p{N}/u.test(c)) ?? chars[0];
    return `${letter.toLocaleUpperCase()}.`;
  });
  return masked.join(' ') as Maybe<T>;
}

/** "+86 138 0013 8000" → "•••• 8000": the last four digits, as people read a card number. */
export function maskPhone<T extends string | null | undefined>(value: T): Maybe<T> {
  if (typeof value !== 'string') return value as Maybe<T>;
  const digits = value.replace(/\D/g, '');
  return (digits.length > 4 ? `${BULLETS} ${digits.slice(-4)}` : BULLETS) as Maybe<T>;
}

/** "zhang.wei@example.com" → "z•••@example.com": the first letter and the domain. */
export function maskEmail<T extends string | null | undefined>(value: T): Maybe<T> {
  if (typeof value !== 'string') return value as Maybe<T>;
  const at = value.lastIndexOf('@');
  if (at < 1) return (value ? `${[...value][0]}•••` : value) as Maybe<T>;
  return `${[...value][0]}•••${value.slice(at)}` as Maybe<T>;
}

/** Notes, messages and reviews: hidden whole (`hidden` in the reader's language). */
export function maskText<T extends string | null | undefined>(value: T, hidden: string = HIDDEN_TEXT.en): Maybe<T> {
  if (typeof value !== 'string') return value as Maybe<T>;
  return (value === '' ? value : hidden) as Maybe<T>;
}

export function maskValue(kind: MaskKind, value: string | null | undefined, hidden?: string): string | null | undefined {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'text':
      return maskText(value, hidden);
  }
}
