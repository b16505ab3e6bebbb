// Chinese rules: the words that turn, strengthen or soften a sentiment word, the contrast and
// concession markers, and the rhetorical patterns of Chinese reviews. Written for Patron; the
// modifier strengths follow VADER's (rules-en.ts) so both languages add up on one scale.
import { B_DECR, B_INCR } from './rules-en';

/** 不/没/别 and their compounds: the next sentiment word within the clause is turned. */
export const NEGATORS_ZH = new Set([
  '不', '没', '没有', '别', '未', '无', '非', '莫', '勿', '毫无', '并不', '并没有', '并非', '从不', '从没', '从未', '绝不',
  '决不', '不是', '不会', '不能', '不要', '不用', '不必', '无法', '难以', '不够', '甭', '未必', '不怎么', '没什么', '不再',
  '一点也不', '一点都不', '根本不', '根本没有', '根本没', '不算', '算不上', '谈不上', '称不上', '不大', '木有', '没啥',
]);

const UP = [
  '很', '非常', '太', '特别', '超', '超级', '十分', '极其', '极', '极为', '相当', '挺', '真', '真的', '真是', '巨', '贼', '最',
  '更', '更加', '尤其', '格外', '分外', '实在', '确实', '绝对', '完全', '简直', '蛮', '颇', '越来越', '那么', '这么', '如此',
  '多么', '过于', '太过', '好好', '超好', '老', '灰常', '狠', '巨好', '特', '异常', '无比', '万分', '倍儿', '贼拉',
];
const DOWN = ['有点', '有点儿', '有些', '稍微', '稍', '略', '略微', '一点', '一点点', '比较', '较', '还算', '些许', '勉强', '稍稍', '还'];
export const BOOSTERS_ZH = new Map<string, number>([...UP.map((w): [string, number] => [w, B_INCR]), ...DOWN.map((w): [string, number] => [w, B_DECR])]);

/** After these the sentence's sentiment weighs more than before: 环境不错，但是服务太差. */
export const CONTRAST_ZH = new Set(['但是', '但', '不过', '可是', '然而', '只是', '可惜', '就是', '却', '而是']);
/** The clause these open weighs less than the rest of the sentence: 虽然贵了点，质量很好. */
export const CONCESSIVE_ZH = new Set(['虽然', '虽说', '尽管', '虽', '虽然说']);

/** Markers that make a cheerful opening sarcastic when a complaint follows: 真棒，又坏了一个. */
export const REPEAT_MARKERS_ZH = new Set(['又', '再次', '又是', '又一次', '再一次']);

/**
 * Rhetorical and sarcastic patterns no word list catches: each adds its valence (VADER scale,
 * −4..4) once per match. They are the common turns of Chinese complaints, not sentences of any
 * data set.
 */
export const PATTERNS_ZH: readonly { re: RegExp; valence: number; words: string }[] = [
  { re: /还好意思[^，。！？,.!?\n]*/g, valence: -2.6, words: '还好意思' },
  { re: /说好的.{0,12}?呢/g, valence: -2.2, words: '说好的…呢' },
  { re: /难道[^。！？.!?\n]{0,20}?[吗么嘛][?？]?/g, valence: -1.2, words: '难道…吗' },
  { re: /谢谢(你|你们)?全家/g, valence: -2.8, words: '谢谢全家' },
  { re: /(什么|啥)(鬼|玩意)/g, valence: -2.2, words: '什么鬼' },
  { re: /就这[?？]|就这样[?？]/g, valence: -1.6, words: '就这？' },
  { re: /再也不(会|来|买|去|点|订|用)/g, valence: -2.8, words: '再也不' },
  { re: /(下次|以后|还会)(还|再|会)?(来|买|光顾|回购|点|订|入住)/g, valence: 2.2, words: '还会再来' },
  { re: /(怎么|为什么|为啥)(还|又|都)?(没|不)(到|来|发|送|回)/g, valence: -1.8, words: '怎么还没到' },
  { re: /(真|简直)是?(醉了|服了)/g, valence: -2, words: '醉了' },
];


/** 如果/要是…: in their clause a sentiment is supposed, not said. */
export const IRREALIS_ZH = new Set(['如果', '要是', '假如', '倘若', '万一']);

/** A sentence these open is a sneer: its praise is sarcasm (呵呵，质量真好). */
export const SNEER_ZH = new Set(['呵呵', '呵呵呵', '呵呵哒']);

/** Particles and pronouns: never half of a learned word pair. */
export const FUNCTION_CHARS_ZH = new Set([
  '的', '了', '点', '是', '也', '都', '就', '在', '有', '和', '与', '我', '你', '他', '她', '它', '们', '这', '那', '个', '吧', '吗',
  '呢', '啊', '哦', '呀', '嘛', '着', '过', '被', '把', '给', '让', '对', '一', '我们', '你们', '他们', '这个', '那个', '一个', '地', '得',
]);
