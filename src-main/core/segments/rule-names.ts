// A cluster's name without a model: its two strongest features (largest |z| against the base)
// read as a short name and one sentence, in English or Chinese. A feature counts only when it
// stands out (|z| ≥ 0.3); a cluster where nothing does is "Typical customers".
import type { ClusterProfile } from './profile';

export type NameLanguage = 'en' | 'zh';

/** Below this |z| a feature does not describe the cluster. */
const STANDS_OUT = 0.3;

interface Words {
  /** English: the head of the name (a noun phrase), the tail (a modifier), the sentence clause. */
  head: string;
  tail: string;
  clause: string;
  /** Chinese: the tag in the name and the clause. */
  zh: string;
  zhClause: string;
}

const WORDS: Record<string, { high: Words; low: Words }> = {
  log_spend: {
    high: { head: 'Big spenders', tail: 'high spend', clause: 'spend well above the average', zh: '高消费', zhClause: '消费明显高于平均水平' },
    low: { head: 'Light spenders', tail: 'low spend', clause: 'spend less than most', zh: '低消费', zhClause: '消费低于平均水平' },
  },
  orders: {
    high: { head: 'Frequent buyers', tail: 'frequent', clause: 'order more often than most', zh: '常回购', zhClause: '下单比多数客户频繁' },
    low: { head: 'One-off buyers', tail: 'one-off', clause: 'have ordered only once or twice', zh: '少复购', zhClause: '很少再次下单' },
  },
  recency_days: {
    high: { head: 'Lapsed customers', tail: 'lapsed', clause: 'have not bought for a long while', zh: '久未回购', zhClause: '已经很久没有下单' },
    low: { head: 'Recent buyers', tail: 'recently active', clause: 'bought recently', zh: '近期活跃', zhClause: '最近刚下过单' },
  },
  aov: {
    high: { head: 'Big-basket buyers', tail: 'big baskets', clause: 'place large orders', zh: '大单', zhClause: '客单价高' },
    low: { head: 'Small-basket buyers', tail: 'small baskets', clause: 'place small orders', zh: '小单', zhClause: '客单价低' },
  },
  tenure_days: {
    high: { head: 'Long-time customers', tail: 'long-time', clause: 'have been customers for a long time', zh: '老客', zhClause: '是多年的老客户' },
    low: { head: 'Newcomers', tail: 'new', clause: 'became customers recently', zh: '新客', zhClause: '成为客户不久' },
  },
};

/** A category labelled in both languages ("茶叶 Tea", as the sample shop's are) read in one. */
export function categoryIn(category: string, language: NameLanguage): string {
  const both = /^([\u3400-\u9fff]+)\s+([A-Za-z].*)$/.exec(category);
  if (!both) return category;
  return language === 'zh' ? both[1] : both[2];
}

/** "Gift boxes" → "gift boxes" inside a sentence; a name in capitals ("WARE", "iPhone") stays. */
const inSentence = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** One or two categories the cluster favours, read together ("tea and teaware", "茶叶和茶具"). */
function categoryWords(categories: string[]): Words {
  const en = categories.map((c) => inSentence(categoryIn(c, 'en'))).join(' and ');
  const zh = categories.map((c) => categoryIn(c, 'zh')).join('和');
  return { head: `Buyers of ${en}`, tail: `into ${en}`, clause: `buy more ${en} than most`, zh: `偏爱${zh}`, zhClause: `比其他客户更爱买${zh}` };
}

/**
 * The features that stand out, strongest first, as words. Category shares count only above the
 * base, and the two strongest are read as one ("buy more tea and teaware"), in the first one's place.
 */
function standouts(profile: ClusterProfile): Words[] {
  const strong = profile.features
    .filter((f) => Math.abs(f.z) >= STANDS_OUT && (!f.key.startsWith('cat:') || f.z > 0))
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.key < b.key ? -1 : 1));
  const categories = strong.filter((f) => f.key.startsWith('cat:')).slice(0, 2).map((f) => f.key.slice(4));
  const out: Words[] = [];
  let said = false;
  for (const f of strong) {
    if (f.key.startsWith('cat:')) {
      if (!said) out.push(categoryWords(categories));
      said = true;
    } else {
      const w = WORDS[f.key]?.[f.z > 0 ? 'high' : 'low'];
      if (w) out.push(w);
    }
  }
  return out;
}

const joinEn = (parts: string[]) => (parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]);

export interface RuleName {
  name: string;
  description: string;
}

/** The rule-based name and sentence of one cluster; `taken` holds names already given in this run. */
export function ruleName(profile: ClusterProfile, language: NameLanguage, taken: Set<string> = new Set()): RuleName {
  const w = standouts(profile);
  if (!w.length) {
    return language === 'zh'
      ? { name: '普通客户', description: '各方面都接近全体客户的平均水平。' }
      : { name: 'Typical customers', description: 'Close to the average customer in every respect.' };
  }
  // The first pair of standout features whose name is still free; the strongest one leads.
  const pairs: [Words, Words | null][] = [[w[0], w[1] ?? null]];
  for (let a = 0; a < w.length; a++) for (let b = a + 1; b < w.length; b++) if (a || b > 1) pairs.push([w[a], w[b]]);
  pairs.push([w[0], null]);
  const nameOf = ([a, b]: [Words, Words | null]) => (language === 'zh' ? (b ? `${a.zh}·${b.zh}` : a.zh.endsWith('客') ? a.zh : `${a.zh}客户`) : b ? `${a.head}, ${b.tail}` : a.head);
  const pick = pairs.find((p) => !taken.has(nameOf(p))) ?? pairs[0];
  let name = nameOf(pick);
  for (let i = 2; taken.has(name); i++) name = `${nameOf(pick)} ${i}`;
  taken.add(name);
  const clauses = w.slice(0, 3);
  const description =
    language === 'zh'
      ? `这组客户${clauses.map((c) => c.zhClause).join('，')}。`
      : `They ${joinEn(clauses.map((c) => c.clause))}.`;
  return { name, description };
}
