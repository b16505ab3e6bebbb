// The segments page says each segment's rule in words, put together from SEGMENT_RULES
// (src-renderer/src/pages/segments/rules.ts). Every range the grid uses must have its own phrase in
// both languages, or the page would fall back to "Recency score 2–3" (or, in Chinese, to English).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fmScore, RFM_SEGMENTS, SEGMENT_CODES, SEGMENT_RULES, segmentOf } from '../../src-main/shared/segments';
import { en } from '../../src-renderer/src/i18n/en';
import { zh } from '../../src-renderer/src/i18n/zh';
import { ruleInWords, segmentAt, segmentName } from '../../src-renderer/src/pages/segments/rules';

async function tFor(lng: 'en' | 'zh') {
  const i = i18next.createInstance();
  await i.init({ lng, fallbackLng: false, resources: { en: { translation: en }, zh: { translation: zh } }, interpolation: { escapeValue: false } });
  return i.t;
}

describe('segment rules in words', () => {
  it('reads the champions rule as the grid defines it, in English and Chinese', async () => {
    expect(ruleInWords('champions', await tFor('en'))).toBe('Bought recently (R 4–5) and buy often, spend a lot (FM 4–5)');
    expect(ruleInWords('champions', await tFor('zh'))).toBe('最近买过（R 4–5），买得多、花得多（FM 4–5）');
    // Long gone but once valuable reads as a contrast.
    expect(ruleInWords('cant_lose', await tFor('en'))).toBe('Not bought for a long time (R 1–2) but were among the biggest spenders (FM 5)');
    expect(ruleInWords('cant_lose', await tFor('zh'))).toBe('很久没买了（R 1–2），但曾是花钱最多的客户（FM 5）');
  });

  it('has a phrase of its own for every range in SEGMENT_RULES, and names for every code, in both languages', async () => {
    for (const lng of ['en', 'zh'] as const) {
      const t = await tFor(lng);
      for (const code of RFM_SEGMENTS) {
        const words = ruleInWords(code, t);
        expect(words, `${lng} ${code}`).not.toMatch(/score|\d 分|segments\.|\{\{/);
        expect(words).toContain(`R ${SEGMENT_RULES[code].r[0]}`);
        if (lng === 'zh') expect(words, code).not.toMatch(/\b(and|but|bought|buy)\b/);
      }
      for (const code of SEGMENT_CODES) expect(segmentName(code, t)).not.toMatch(/segments\./);
      expect(segmentName('loyal', t, '  Regulars ')).toBe('Regulars');
    }
  });

  it('finds each of the 25 grid cells inside exactly the segment that segmentOf assigns', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) seen.add(segmentAt(r, fm));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
    // Every score triple lands in the cell the grid draws it in.
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) expect(segmentOf(r, f, m)).toBe(segmentAt(r, fmScore(f, m)));
  });
});
