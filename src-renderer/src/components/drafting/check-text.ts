// A draft check (DraftCheck, src-main/shared/drafting.ts) in words: a failed one says what is
// wrong ("Numbers not found in the records or the shop facts: ¥88, 12 March"), so the owner can
// fix it rather than guess.
import type { TFunction } from 'i18next';
import type { DraftCheck } from '../../../../src-main/shared/drafting';

const listOf = (v: string[] | string | undefined, t: TFunction) => (Array.isArray(v) ? v : v ? [v] : []).join(t('drafting.checks.separator'));
const languageName = (code: string | undefined, t: TFunction) => (code === 'zh' || code === 'en' ? t(`languages.${code}`) : (code ?? '?'));

/** A wrong language: the one found, or that the text mixes languages or has no words at all (detectLanguage in the core). */
function languageFail(p: DraftCheck['params'], t: TFunction): string {
  const expected = languageName(p.expected, t);
  const found = Array.isArray(p.found) ? p.found[0] : p.found;
  if (found === 'mixed' || found === 'none') return t(`drafting.checks.language.${found}`, { expected });
  return t('drafting.checks.language.fail', { expected, found: languageName(found, t) });
}

export function checkText(c: DraftCheck, t: TFunction): string {
  const p = c.params;
  switch (c.check) {
    case 'language':
      return c.ok ? t('drafting.checks.language.ok', { expected: languageName(p.expected, t) }) : languageFail(p, t);
    case 'facts':
      return c.ok ? t('drafting.checks.facts.ok') : t('drafting.checks.facts.fail', { unknown: listOf(p.unknown, t) });
    case 'name':
      return c.ok ? t('drafting.checks.name.ok') : t('drafting.checks.name.fail', { expected: p.expected ?? '', found: listOf(p.found, t) });
    case 'length': {
      const vals = { length: p.length ?? 0, min: p.min ?? 0, max: p.max ?? 0 };
      return c.ok ? t('drafting.checks.length.ok', vals) : t('drafting.checks.length.fail', vals);
    }
  }
}
