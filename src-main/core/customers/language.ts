// The language a customer writes in, when nobody said: guessed from their name and what they
// wrote. Every path that creates a customer without a chosen language uses this guess.
const HAN = /\p{Script=Han}/u;

/** 'zh' for text with Chinese characters, else 'en'. */
export const guessLanguage = (text: string | null | undefined) => (text && HAN.test(text) ? 'zh' : 'en');

/** The guess for a customer: a Chinese name, or Chinese in the first thing they wrote, means 'zh'. */
export function guessCustomerLanguage(name: string | null | undefined, wrote?: string | null): 'en' | 'zh' {
  return guessLanguage(name) === 'zh' || guessLanguage(wrote) === 'zh' ? 'zh' : 'en';
}
