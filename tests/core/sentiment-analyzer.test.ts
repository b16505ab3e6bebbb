// The analyzer as a shop owner relies on it: clear praise and complaints in English and Chinese
// labelled the right way, with the aspects they speak of; the rules (negation, intensity,
// contrast, sarcasm, emoji, "!!!") moving the score the right way, compared sentence against the
// same sentence without the word; and a finite score in [-1, 1] whatever text arrives.
import { describe, expect, it } from 'vitest';
import { ASPECTS, SENTIMENT_LABELS, type Aspect, type Sentiment } from '../../src-main/shared/sentiment';
import { analyzeSentiment, isPositive, POSITIVE_FROM } from '../../src-main/core/sentiment/analyzer';

const score = (text: string) => analyzeSentiment(text).score;
const aspect = (s: Sentiment, a: Aspect) => s.aspects.find((m) => m.aspect === a);

describe('clear cases', () => {
  it.each([
    ['The staff were friendly and the tea is lovely.', 'positive'],
    ['I love it, thank you so much!', 'positive'],
    ['Awful service, rude staff.', 'negative'],
    ['Terrible, the parcel arrived broken and late.', 'negative'],
    ['质量很好，物流也快', 'positive'],
    ['这次很满意，下次还会再来', 'positive'],
    ['客服态度很差，退款一直没到账。', 'negative'],
    ['送货太慢了，等了一个星期', 'negative'],
  ] as const)('%s → %s', (text, label) => {
    const s = analyzeSentiment(text);
    expect(s.label).toBe(label);
    expect(label === 'positive' ? s.score > 0.2 : s.score < -0.2).toBe(true);
    expect(isPositive(s)).toBe(label === 'positive');
  });

  it('names the aspects spoken of, with their own polarity and the words that carried it', () => {
    const en = analyzeSentiment('Terrible, the parcel arrived broken and late.');
    const delivery = aspect(en, 'delivery');
    expect(delivery?.polarity).toBe('negative');
    expect(delivery?.score).toBeLessThan(0);
    expect(delivery?.words).toEqual(expect.arrayContaining(['parcel', 'late']));

    const zh = analyzeSentiment('质量很好，物流也快');
    expect(aspect(zh, 'quality')).toMatchObject({ polarity: 'positive', words: expect.arrayContaining(['质量']) });
    expect(aspect(zh, 'delivery')).toMatchObject({ polarity: 'positive', words: expect.arrayContaining(['物流']) });

    expect(aspect(analyzeSentiment('Awful service, rude staff.'), 'service')).toMatchObject({ polarity: 'negative', words: expect.arrayContaining(['service', 'rude']) });
  });

  it('"质量很好，但是物流太慢": quality positive, delivery negative, each with its own words', () => {
    const s = analyzeSentiment('质量很好，但是物流太慢');
    const quality = aspect(s, 'quality');
    const delivery = aspect(s, 'delivery');
    expect(quality).toMatchObject({ polarity: 'positive', words: expect.arrayContaining(['质量', '很好']) });
    expect(quality?.score).toBeGreaterThan(0);
    expect(delivery).toMatchObject({ polarity: 'negative', words: expect.arrayContaining(['物流', '太慢']) });
    expect(delivery?.score).toBeLessThan(0);
    expect(delivery?.words).not.toContain('很好');
    // The contrast weighs the complaint more: the message as a whole leans negative.
    expect(s.score).toBeLessThan(0);
  });

  it('the same in English, clause by clause', () => {
    const s = analyzeSentiment('The quality is great, but the delivery was slow.');
    expect(aspect(s, 'quality')?.polarity).toBe('positive');
    expect(aspect(s, 'delivery')?.polarity).toBe('negative');
  });

  it('gives every aspect and label as one of the shared codes, and the carrying words strongest first', () => {
    const s = analyzeSentiment('质量很好，但是物流太慢。包装也破了');
    expect(SENTIMENT_LABELS).toContain(s.label);
    for (const m of s.aspects) expect(ASPECTS).toContain(m.aspect);
    expect(s.aspects.map((m) => m.aspect)).toEqual(expect.arrayContaining(['quality', 'delivery', 'packaging']));
    expect(s.words[0]).toBe('太慢');
    expect(s.words.length).toBeLessThanOrEqual(5);
  });

  it('a message with nothing to feel is neutral', () => {
    for (const text of ['', 'Order 1234 shipped on Tuesday.', '!!!???']) expect(analyzeSentiment(text)).toMatchObject({ label: 'neutral', score: 0 });
  });
});

describe('negation turns a word', () => {
  it.each([
    ['I like it', 'I do not like it'],
    ['It was good.', 'It was never good.'],
    ['我喜欢', '我不喜欢'],
    ['质量好', '质量不好'],
    ['这次很满意', '这次没满意'],
  ])('"%s" positive, "%s" negative', (plain, negated) => {
    expect(score(plain)).toBeGreaterThan(0);
    expect(score(negated)).toBeLessThan(0);
  });

  it.each([
    ['这次失望了', '这次没失望'],
    ['让人失望', '别失望'],
  ])('"%s" negative, "%s" not', (plain, negated) => {
    expect(score(plain)).toBeLessThan(0);
    expect(score(negated)).toBeGreaterThan(0);
  });
});

describe('intensifiers and diminishers', () => {
  it.each([
    ['The staff were helpful.', 'The staff were very helpful.', 'The staff were slightly helpful.'],
    ['It is bad', 'It is very bad', 'It is slightly bad'],
    ['服务不错', '服务很不错', '服务有点不错'],
    ['服务不错', '服务非常不错', '服务稍微不错'],
    ['服务不错', '服务太不错', '服务稍微不错'],
  ])('"%s": stronger with the intensifier, weaker with the diminisher', (plain, up, down) => {
    const base = Math.abs(score(plain));
    expect(Math.abs(score(up))).toBeGreaterThan(base);
    expect(Math.abs(score(down))).toBeLessThan(base);
    expect(Math.sign(score(up))).toBe(Math.sign(score(plain)));
    expect(Math.sign(score(down))).toBe(Math.sign(score(plain)));
  });
});

describe('contrast: the clause after weighs more', () => {
  it('"good but slow delivery" is negative, "slow delivery but good" positive', () => {
    expect(score('good but slow delivery')).toBeLessThan(0);
    expect(score('slow delivery but good')).toBeGreaterThan(0);
  });

  it('"贵了点，但是质量很好" is positive; the other way round negative', () => {
    expect(analyzeSentiment('贵了点，但是质量很好').label).toBe('positive');
    expect(score('质量很好，但是物流太慢')).toBeLessThan(0);
    expect(score('物流太慢，但是质量很好')).toBeGreaterThan(0);
  });

  it.each(['不过', '可是'])('"%s" turns the weight like 但是', (marker) => {
    expect(score(`质量很好，${marker}物流太慢`)).toBeLessThan(0);
    expect(score(`物流太慢，${marker}质量很好`)).toBeGreaterThan(0);
  });

  it('a concession ("although") counts less than what follows', () => {
    expect(score('Although the box was damaged, the tea is wonderful.')).toBeGreaterThan(0);
    expect(score('Although the tea is wonderful, the box was badly damaged.')).toBeLessThan(0);
  });
});

describe('rhetorical and sarcastic patterns', () => {
  it('"还好意思…" is a complaint though it holds 还好', () => {
    const s = analyzeSentiment('还好意思说是新品');
    expect(s.label).toBe('negative');
    expect(s.words).toContain('还好意思');
  });

  it('呵呵 on its own is a sneer and pulls praise down', () => {
    expect(score('呵呵')).toBeLessThan(0);
    expect(score('呵呵，质量真好')).toBeLessThan(score('质量真好'));
  });

  it('"great, another broken one" is negative though it opens with "great"', () => {
    for (const text of ['great, another broken one', 'Great, another broken one.']) expect(analyzeSentiment(text).label).toBe('negative');
    expect(score('Great, another broken one.')).toBeLessThan(score('Another broken one.'));
  });

  it('"再也不买了" and "说好的…呢" are complaints', () => {
    expect(score('再也不买了')).toBeLessThan(0);
    expect(score('说好的包邮呢')).toBeLessThan(0);
  });
});

describe('emoji, emoticons and punctuation', () => {
  it.each([
    ['🙂', 1],
    ['😍', 1],
    ['😭', -1],
    ['😡', -1],
    [':)', 1],
    [':(', -1],
  ] as const)('%s alone has sign %d', (text, sign) => {
    expect(Math.sign(score(text))).toBe(sign);
  });

  it('an emoji moves a message its way', () => {
    expect(score('Nice box 👍')).toBeGreaterThan(score('Nice box'));
    expect(score('Nice box 👎')).toBeLessThan(score('Nice box'));
    expect(score('东西不错 👍')).toBeGreaterThan(score('东西不错'));
  });

  it.each(['The tea is good', 'Bad', '很好', '质量很差'])('"%s!!!" weighs more than "%s"', (text) => {
    expect(Math.abs(score(`${text}!!!`))).toBeGreaterThan(Math.abs(score(text)));
    expect(Math.abs(score(`${text}！！！`))).toBeGreaterThan(Math.abs(score(text)));
    expect(Math.sign(score(`${text}!!!`))).toBe(Math.sign(score(text)));
  });
});

describe('mixed language and mixed feelings', () => {
  it('reads English and Chinese in one message', () => {
    const s = analyzeSentiment('The tea is great but 物流太慢了');
    expect(s.words).toEqual(expect.arrayContaining(['great', '太慢']));
    expect(aspect(s, 'delivery')?.polarity).toBe('negative');
    expect(score('Love this tea, 质量很好！')).toBeGreaterThan(0.3);
    expect(score('Terrible, 质量很差')).toBeLessThan(-0.3);
  });

  it('praise and complaint of like strength are "mixed"; one much stronger is not', () => {
    expect(analyzeSentiment('Good product, bad service').label).toBe('mixed');
    expect(analyzeSentiment('I like the tea, I hate the delivery').label).toBe('mixed');
    expect(analyzeSentiment('The quality is great, but the delivery was slow.').label).toBe('mixed');
    expect(analyzeSentiment('Wonderful, amazing, perfect tea, a bit slow').label).toBe('positive');
  });
});

describe('any input', () => {
  const odd = [
    '',
    ' ',
    '.,;!?。，！？…',
    '!!!!!!!!!!!!!!!!!!!!',
    '\u0000\u0001\u0007\u001b[31m\u007f',
    'bad\u0000good',
    '\ud800 lone high, lone low \udfff',
    '\udfff\ud800',
    '🙂'.repeat(500),
    'NOT GOOD AT ALL!!!!',
    'good '.repeat(2000),
    '非常非常非常非常非常非常不不不不不好',
    'bad'.repeat(3334).slice(0, 10_000),
    Array.from({ length: 10_000 }, (_, i) => 'ab好差 !？😡:)'[i % 11]).join(''),
    '\u200b\u200d\ufeff\u202e',
  ];
  it.each(odd.map((t) => [t.length > 40 ? `${t.slice(0, 30)}… (${t.length} chars)` : JSON.stringify(t), t]))('%s: a finite score in [-1, 1] and a known label', (_, text) => {
    const s = analyzeSentiment(text);
    expect(Number.isFinite(s.score)).toBe(true);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(SENTIMENT_LABELS).toContain(s.label);
    for (const m of s.aspects) {
      expect(Number.isFinite(m.score)).toBe(true);
      expect(Math.abs(m.score)).toBeLessThanOrEqual(1);
    }
  });

  it('a long message of praise stays positive and below 1', () => {
    const s = analyzeSentiment('The tea is wonderful and the staff are lovely. '.repeat(220));
    expect(s.label).toBe('positive');
    expect(s.score).toBeLessThanOrEqual(1);
  });
});

describe('the binary decision', () => {
  it('is isPositive at the one fixed threshold POSITIVE_FROM', () => {
    expect(POSITIVE_FROM).toBe(0);
    expect(isPositive({ score: POSITIVE_FROM })).toBe(true);
    expect(isPositive({ score: POSITIVE_FROM - 0.001 })).toBe(false);
    expect(isPositive({ score: 1 })).toBe(true);
    expect(isPositive({ score: -1 })).toBe(false);
    expect(isPositive(analyzeSentiment('质量很差'))).toBe(false);
    expect(isPositive(analyzeSentiment('Lovely tea'))).toBe(true);
  });
});
