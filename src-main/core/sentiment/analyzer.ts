// The sentiment analyzer that ships with the app: English and Chinese (and both in one message),
// a label, a score in [-1, 1], the aspects spoken of with their own polarity, and the words that
// carried it. Rules after VADER (Hutto & Gilbert 2014): lexicon valences, moved by intensifiers,
// turned by negation, weighed by contrast, raised by capitals and "!!!", summed and normalised
// as x / sqrt(x² + 15). Chinese words come from jieba with Patron's own lexicon (lexicons.ts).
import type { Aspect, AspectMention, Polarity, Sentiment, SentimentLabel } from '../../shared/sentiment';
import { ASPECT_WORDS } from './aspect-words';
import { EMOJI_VALENCE } from './emoji';
import { loadLexicons, type Lexicons } from './lexicons';
import { BOOSTERS_EN, C_INCR, CONCESSIVE_EN, CONTRAST_EN, N_SCALAR, REPEAT_MARKERS_EN, SPECIAL_CASES_EN, isNegatorEn, PATTERNS_EN, IRREALIS_EN } from './rules-en';
import { BOOSTERS_ZH, CONCESSIVE_ZH, CONTRAST_ZH, FUNCTION_CHARS_ZH, IRREALIS_ZH, NEGATORS_ZH, PATTERNS_ZH, REPEAT_MARKERS_ZH, SNEER_ZH } from './rules-zh';
import { isAllCaps, Lang, tokenize, type Tokens } from './tokenize';

/** Stored with every result; bump it whenever the rules or a lexicon change (a job re-analyses). */
export const ANALYZER_VERSION = 'patron-sentiment-1';

/** The one binary decision: positive when the score is at least this (eval, lists, the inbox). */
export const POSITIVE_FROM = 0;
/** Below this size a score is neutral (VADER's ±0.05). */
const NEUTRAL_BAND = 0.05;

const ALPHA = 15;
/** The weight of sentiment that is asked or supposed rather than said (dampUnasserted). */
const UNASSERTED = 0.5;
export const normalizeScore = (sum: number): number => Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));

const WANT_EN = new Set(['would', "i'd", "we'd", "you'd", "he'd", "she'd", "they'd", 'wd', 'id']);

const ASPECT_OF = new Map<string, Aspect[]>();
for (const [aspect, words] of Object.entries(ASPECT_WORDS) as [Aspect, { en: string[]; zh: string[] }][]) {
  for (const w of [...words.en, ...words.zh]) ASPECT_OF.set(w, [...(ASPECT_OF.get(w) ?? []), aspect]);
}

export interface Analyzer {
  analyze(text: string): Sentiment;
  /**
   * What learning needs: each Chinese word of the text with the factor the rules put on its
   * valence (negation, intensity, contrast), and the sum of everything else (English, emoji,
   * patterns), so that a word's weight enters the score linearly.
   */
  features(text: string): { words: string[]; factors: number[]; offset: number };
}

let shared: Analyzer | null = null;

/** The analyzer over the lexicons in resources/sentiment (loaded on first use). */
export function analyzeSentiment(text: string): Sentiment {
  shared ??= createAnalyzer(loadLexicons());
  return shared.analyze(text);
}

export const isPositive = (s: Pick<Sentiment, 'score'>): boolean => s.score >= POSITIVE_FROM;

export function createAnalyzer(lex: Lexicons): Analyzer {
  const base = (t: Tokens, i: number): number => {
    const w = t.lower[i];
    if (t.lang[i] === Lang.Zh) {
      const pair = pairBefore(t, i);
      return (lex.zh.get(w) ?? 0) + (pair ? (lex.zh.get(pair) ?? 0) : 0);
    }
    if (t.lang[i] === Lang.Emoji) return EMOJI_VALENCE.get(w) ?? 0;
    const v = lex.en.get(w);
    if (v !== undefined) return v;
    // "sooooo goood": a letter held three times or more reads as the word.
    if (/(\w)\1\1/.test(w)) return lex.en.get(w.replace(/(\w)\1+/g, '$1$1')) ?? lex.en.get(w.replace(/(\w)\1+/g, '$1')) ?? 0;
    return 0;
  };
  const isModifierZh = (w: string) => BOOSTERS_ZH.has(w) || NEGATORS_ZH.has(w);
  const isMarkerZh = (w: string) => CONTRAST_ZH.has(w) || CONCESSIVE_ZH.has(w);
  /**
   * The two-word entry ending at token i ("送餐 快"): learned word pairs rate what the two words
   * mean together, beside each word's own valence. A modifier never starts one (the rules handle it).
   */
  const pairBefore = (t: Tokens, i: number): string | null => {
    const j = i - 1;
    if (j < 0 || t.lang[j] !== Lang.Zh || t.clause[j] !== t.clause[i] || isModifierZh(t.lower[j]) || isMarkerZh(t.lower[j])) return null;
    // Pairs of particles ("了 点") learn the habits of a data set, not a meaning.
    if (FUNCTION_CHARS_ZH.has(t.lower[j]) || FUNCTION_CHARS_ZH.has(t.lower[i])) return null;
    return `${t.lower[j]} ${t.lower[i]}`;
  };

  /** VADER's sentiment_valence for an English token. */
  const englishValence = (t: Tokens, i: number, v0: number): number => {
    const rated = lex.en;
    // Unlike VADER, the rules do not reach into the sentence before ("NO NO NO. WTF").
    const w = (k: number): string => (k >= 0 && k < t.lower.length && t.sentence[k] === t.sentence[i] ? t.lower[k] : '');
    let v = v0;
    if (w(i) === 'no' && rated.has(w(i + 1)) && w(i + 1) !== 'no') v = 0;
    // "I'd like a refund": wanting, not liking.
    if (w(i) === 'like' && WANT_EN.has(w(i - 1))) return 0;
    // "no no no", "never, never": a repeated negation is emphasis, not a double negative.
    if (isNegatorEn(w(i))) return specialCase(w, i, v);
    if (w(i) !== 'no' && (w(i - 1) === 'no' || w(i - 2) === 'no' || (w(i - 3) === 'no' && (w(i - 1) === 'or' || w(i - 1) === 'nor')))) v = v0 * N_SCALAR;
    if (t.capDiff && isAllCaps(t.text[i])) v += v > 0 ? C_INCR : -C_INCR;
    for (let k = 0; k < 3; k++) {
      const j = i - (k + 1);
      // Unlike VADER, a rated word in between ends the reach: in "don't care don't care" the
      // first "don't" belongs to the first "care" and does not turn the second one back.
      if (j < 0 || rated.has(w(j))) break;
      let s = BOOSTERS_EN.get(w(j)) ?? 0;
      if (s !== 0) {
        if (v < 0) s = -s;
        if (t.capDiff && isAllCaps(t.text[j])) s += v > 0 ? C_INCR : -C_INCR;
        s *= k === 0 ? 1 : k === 1 ? 0.95 : 0.9;
      }
      v += s;
      // Negation (VADER's _negation_check), with "never so good" and "without doubt" as strengtheners.
      if (k === 0) {
        if (isNegatorEn(w(j))) v *= N_SCALAR;
      } else if (k === 1) {
        if (w(i - 2) === 'never' && (w(i - 1) === 'so' || w(i - 1) === 'this')) v *= 1.25;
        else if (!(w(i - 2) === 'without' && w(i - 1) === 'doubt') && isNegatorEn(w(j))) v *= N_SCALAR;
      } else {
        if (w(i - 3) === 'never' && (w(i - 2) === 'so' || w(i - 2) === 'this' || w(i - 1) === 'so' || w(i - 1) === 'this')) v *= 1.25;
        else if (!(w(i - 3) === 'without' && (w(i - 2) === 'doubt' || w(i - 1) === 'doubt')) && isNegatorEn(w(j))) v *= N_SCALAR;
      }
    }
    v = specialCase(w, i, v);
    // "least": "the least helpful" turns; "at least" does not.
    if (i > 1 && !rated.has(w(i - 1)) && w(i - 1) === 'least') {
      if (w(i - 2) !== 'at' && w(i - 2) !== 'very') v *= N_SCALAR;
    } else if (i > 0 && !rated.has(w(i - 1)) && w(i - 1) === 'least') v *= N_SCALAR;
    return v;
  };

  /** The Chinese counterpart: intensifiers and negators up to three words back, inside the clause. */
  const chineseValence = (t: Tokens, i: number, v0: number): number => {
    let v = v0;
    for (let k = 1; k <= 3; k++) {
      const j = i - k;
      if (j < 0 || t.clause[j] !== t.clause[i]) break;
      const w = t.lower[j];
      if (!isModifierZh(w)) {
        // A marker or a hand-listed sentiment word in between ends the reach ("不 好吃 但 贵" does
        // not turn 贵). The hand list, not the learned one, so that learning sees the same rule.
        if (isMarkerZh(w) || lex.zhHand.has(w)) break;
        continue;
      }
      const s = BOOSTERS_ZH.get(w);
      if (s !== undefined) v += (v < 0 ? -s : s) * (k === 1 ? 1 : k === 2 ? 0.95 : 0.9);
      if (NEGATORS_ZH.has(w)) v *= N_SCALAR;
    }
    return v;
  };

  /** Each token's valence; with `unit` 'zh', every Chinese word scores as if its valence were 1 (for learning). */
  const rawValences = (t: Tokens, unit: 'zh' | null): number[] => {
    const n = t.lower.length;
    const valence = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const w = t.lower[i];
      if (t.lang[i] === Lang.En && (BOOSTERS_EN.has(w) || (w === 'kind' && t.lower[i + 1] === 'of'))) continue;
      if (t.lang[i] === Lang.Zh && (isModifierZh(w) || isMarkerZh(w))) continue;
      if (unit === 'zh' && t.lang[i] === Lang.Zh) {
        // Topic words (价格, 服务) name what is spoken of, not how it went: they learn no valence.
        if (/\p{Script=Han}/u.test(w) && !(ASPECT_OF.has(w) && !lex.zhHand.has(w))) valence[i] = chineseValence(t, i, 1);
        continue;
      }
      const v0 = base(t, i);
      if (v0 === 0) continue;
      valence[i] = t.lang[i] === Lang.En ? englishValence(t, i, v0) : t.lang[i] === Lang.Zh ? chineseValence(t, i, v0) : v0;
    }
    weighContrast(t, valence);
    dampUnasserted(t, valence);
    return valence;
  };

  return {
    features(text: string) {
      const { rest, extra } = patternValences(text);
      const t = tokenize(rest, lex.jieba);
      const unit = rawValences(t, 'zh');
      const words: string[] = [];
      const factors: number[] = [];
      let offset = extra.reduce((a, e) => a + e.valence, 0);
      for (let i = 0; i < unit.length; i++) {
        if (unit[i] === 0) continue;
        if (t.lang[i] === Lang.Zh) {
          words.push(t.lower[i]);
          factors.push(unit[i]);
          const pair = pairBefore(t, i);
          if (pair) {
            words.push(pair);
            factors.push(unit[i]);
          }
        } else offset += unit[i];
      }
      return { words, factors, offset };
    },
    analyze(text: string): Sentiment {
      const { rest, extra } = patternValences(text);
      const t = tokenize(rest, lex.jieba);
      const valence = rawValences(t, null);
      flipSarcasm(t, valence);
      let sum = 0;
      let pos = 0;
      let neg = 0;
      let count = extra.length;
      const add = (v: number) => {
        sum += v;
        if (v > 0) pos += v;
        else neg -= v;
      };
      for (const v of valence) if (v !== 0) {
        add(v);
        count++;
      }
      for (const e of extra) add(e.valence);
      // Intensity, not amount: the sum over √(number of sentiment words), so a long, mildly
      // pleased review does not read as ecstatic (raised the correlation with human ratings on
      // all four VADER corpora; VADER itself normalises the plain sum).
      if (count > 1) sum /= Math.sqrt(count);
      const emphasis = punctuationEmphasis(text);
      if (sum > 0) sum += emphasis;
      else if (sum < 0) sum -= emphasis;
      const score = round(normalizeScore(sum));
      // Words shown to the person: clear ones, and no lone learned characters (都, 员) that
      // weigh a little in the sum but explain nothing.
      const shown = (i: number) => Math.abs(valence[i]) >= 0.5 && !(t.lang[i] === Lang.Zh && t.lower[i].length === 1 && !lex.zhHand.has(t.lower[i]));
      return { label: labelOf(score, pos, neg), score, aspects: aspectsOf(t, valence, shown), words: carriers(t, valence, extra, shown) };
    },
  };
}

/** VADER's idioms check: a phrase around the word ("bad ass", "yeah right", "kiss of death") sets its valence. */
function specialCase(at: (k: number) => string, i: number, v: number): number {
  const around = [
    `${at(i - 1)} ${at(i)}`,
    `${at(i - 2)} ${at(i - 1)} ${at(i)}`,
    `${at(i - 2)} ${at(i - 1)}`,
    `${at(i - 3)} ${at(i - 2)} ${at(i - 1)}`,
    `${at(i - 3)} ${at(i - 2)}`,
    `${at(i)} ${at(i + 1)}`,
    `${at(i)} ${at(i + 1)} ${at(i + 2)}`,
  ];
  for (const p of around) {
    const s = SPECIAL_CASES_EN.get(p);
    if (s !== undefined) return s;
  }
  return v;
}

/**
 * Contrast (VADER's "but" rule, per sentence and in both languages): before "but/但是" a sentiment
 * counts half, after it one and a half times. A concessive clause ("although…", "虽然…") counts half.
 */
function weighContrast(t: Tokens, valence: number[]): void {
  const n = t.lower.length;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n && t.sentence[end] === t.sentence[start]) end++;
    let turn = -1;
    let concede = -1;
    for (let i = start; i < end; i++) {
      const w = t.lower[i];
      if (turn < 0 && (t.lang[i] === Lang.En ? CONTRAST_EN.has(w) : t.lang[i] === Lang.Zh && CONTRAST_ZH.has(w))) turn = i;
      if (concede < 0 && (t.lang[i] === Lang.En ? CONCESSIVE_EN.has(w) : t.lang[i] === Lang.Zh && CONCESSIVE_ZH.has(w))) concede = i;
    }
    if (turn >= 0) {
      for (let i = start; i < end; i++) if (i < turn) valence[i] *= 0.5;
      else if (i > turn) valence[i] *= 1.5;
    } else if (concede >= 0) {
      for (let i = start; i < end; i++) if (t.clause[i] === t.clause[concede]) valence[i] *= 0.5;
      else valence[i] *= 1.5;
    }
    start = end;
  }
}

/**
 * "Great, another broken one" / "真棒，又坏了": a sentence that opens with nothing but praise ("Great,"
 * "真棒，") and goes on, after a repeat marker ("another", "又"), to complain is sarcasm: the
 * opening is turned.
 */
function flipSarcasm(t: Tokens, valence: number[]): void {
  const n = t.lower.length;
  for (let i = 0; i < n; i++) {
    const opens = i === 0 || t.sentence[i - 1] !== t.sentence[i];
    if (!opens || valence[i] <= 0) continue;
    let end = i;
    while (end + 1 < n && t.clause[end + 1] === t.clause[i]) end++;
    if (end - i > 1) continue;
    let repeat = false;
    let rest = 0;
    for (let j = end + 1; j < n && t.sentence[j] === t.sentence[i]; j++) {
      if (REPEAT_MARKERS_EN.has(t.lower[j]) || REPEAT_MARKERS_ZH.has(t.lower[j])) repeat = true;
      rest += valence[j];
    }
    if (repeat && rest <= -1) for (let j = i; j <= end; j++) valence[j] = -Math.abs(valence[j]);
  }
  // "呵呵，质量真好": a sentence opened by a sneer praises nothing; its praise is turned.
  for (let i = 0; i < n; i++) {
    if (!SNEER_ZH.has(t.lower[i]) || (i > 0 && t.sentence[i - 1] === t.sentence[i])) continue;
    for (let j = i + 1; j < n && t.sentence[j] === t.sentence[i]; j++) if (valence[j] > 0) valence[j] = -valence[j];
  }
  // "Thanks for ruining my week" / "谢谢你毁了我的周末": thanks for harm is not thanks.
  for (let i = 0; i < n; i++) {
    if (valence[i] <= 0 || !GRATITUDE.has(t.lower[i])) continue;
    let harm = 0;
    for (let j = i + 1; j < n && t.clause[j] === t.clause[i]; j++) harm = Math.min(harm, valence[j]);
    if (harm <= -1) valence[i] = -valence[i];
  }
}

const GRATITUDE = new Set(['thanks', 'thank', 'thx', '谢谢', '感谢', '多谢']);

const HAN = /\p{Script=Han}/u;
const ANY_ZH = new RegExp(PATTERNS_ZH.map((p) => p.re.source).join('|'));
const ANY_EN = new RegExp(PATTERNS_EN.map((p) => p.re.source).join('|'), 'i');

/**
 * The rhetorical patterns found, each with its valence, and the text with them blanked out, so
 * that their words ("还好意思" holds 还好) are not scored again.
 */
function patternValences(text: string): { rest: string; extra: { valence: number; words: string }[] } {
  const extra: { valence: number; words: string }[] = [];
  let rest = text;
  const zh = HAN.test(text);
  // One combined test first: most messages match no pattern, and then nothing else is run.
  if (!(zh && ANY_ZH.test(text)) && !ANY_EN.test(text)) return { rest, extra };
  for (const p of zh ? [...PATTERNS_ZH, ...PATTERNS_EN] : PATTERNS_EN) {
    rest = rest.replace(p.re, (m) => {
      extra.push({ valence: p.valence, words: p.words });
      return ' '.repeat(m.length);
    });
  }
  return { rest, extra };
}

/** VADER's punctuation emphasis: "!" up to four, and two or more "?". */
function punctuationEmphasis(text: string): number {
  let bangs = 0;
  let questions = 0;
  for (const ch of text) {
    if (ch === '!' || ch === '！') bangs++;
    else if (ch === '?' || ch === '？') questions++;
  }
  const q = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
  return Math.min(bangs, 4) * 0.292 + q;
}

/** Mixed: praise and complaint both clear, neither much stronger than the other. */
function labelOf(score: number, pos: number, neg: number): SentimentLabel {
  if (pos >= 1 && neg >= 1 && Math.min(pos, neg) / Math.max(pos, neg) >= 0.5) return 'mixed';
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

const polarityOf = (sum: number): Polarity => (sum >= 0.3 ? 'positive' : sum <= -0.3 ? 'negative' : 'neutral');
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Each aspect named, with the sentiment of the clauses that name it. */
function aspectsOf(t: Tokens, valence: number[], shown: (i: number) => boolean): AspectMention[] {
  const found = new Map<Aspect, { sum: number; words: Set<string>; clauses: Set<number> }>();
  const n = t.lower.length;
  for (let i = 0; i < n; i++) {
    const two = i + 1 < n && t.lang[i] === Lang.En ? `${t.lower[i]} ${t.lower[i + 1]}` : '';
    const aspects = ASPECT_OF.get(t.lower[i]) ?? (two ? ASPECT_OF.get(two) : undefined);
    if (!aspects) continue;
    // A clause is a run of tokens (clause numbers only grow), so its range is found around i.
    let from = i;
    while (from > 0 && t.clause[from - 1] === t.clause[i]) from--;
    let to = i;
    while (to + 1 < n && t.clause[to + 1] === t.clause[i]) to++;
    for (const aspect of aspects) {
      let a = found.get(aspect);
      if (!a) found.set(aspect, (a = { sum: 0, words: new Set(), clauses: new Set() }));
      a.words.add(t.text[i]);
      if (a.clauses.has(t.clause[i])) continue;
      a.clauses.add(t.clause[i]);
      for (let j = from; j <= to; j++) {
        if (valence[j] === 0) continue;
        a.sum += valence[j];
        if (shown(j)) a.words.add(t.text[j]);
      }
    }
  }
  return [...found].map(([aspect, a]) => ({ aspect, polarity: polarityOf(a.sum), score: round(normalizeScore(a.sum * 2)), words: [...a.words].slice(0, 6) }));
}

/** The words that carried the sentiment, strongest first. */
function carriers(t: Tokens, valence: number[], extra: { valence: number; words: string }[], shown: (i: number) => boolean): string[] {
  const items = extra.map((e) => ({ v: e.valence, w: e.words }));
  for (let i = 0; i < valence.length; i++) if (valence[i] !== 0 && shown(i)) items.push({ v: valence[i], w: t.text[i] });
  items.sort((a, b) => Math.abs(b.v) - Math.abs(a.v));
  return [...new Set(items.map((x) => x.w))].slice(0, 5);
}

/**
 * What is asked or supposed is not asserted: sentiment in a question ("can someone recommend a
 * good editor?") or after "if"/"如果" in its clause counts half. Rhetorical questions that do
 * complain are the patterns' work (rules-zh.ts).
 */
function dampUnasserted(t: Tokens, valence: number[]): void {
  const n = t.lower.length;
  for (let i = 0; i < n; i++) {
    if (valence[i] === 0) continue;
    if (t.questions.has(t.sentence[i])) {
      valence[i] *= UNASSERTED;
      continue;
    }
    for (let k = i - 1; k >= 0 && k >= i - 4 && t.clause[k] === t.clause[i]; k--) {
      if (IRREALIS_EN.has(t.lower[k]) || IRREALIS_ZH.has(t.lower[k])) {
        valence[i] *= UNASSERTED;
        break;
      }
    }
  }
}
