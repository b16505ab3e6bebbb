// English rules, after VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
// Sentiment Analysis of Social Media Text", ICWSM-14; constants and word lists as in the MIT-licensed
// vaderSentiment code). The lexicon itself is resources/sentiment/vader-lexicon.tsv.

/** Empirically derived increments (VADER). */
export const B_INCR = 0.293;
export const B_DECR = -0.293;
/** ALL CAPS emphasis on a sentiment word when the text is not all caps. */
export const C_INCR = 0.733;
/** A negated word keeps 74% of its strength with the sign flipped. */
export const N_SCALAR = -0.74;

export const NEGATORS_EN = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't", "couldn't",
  "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither', "don't",
  "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't", 'never', 'none', 'nope', 'nor',
  'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent', "oughtn't", "shan't",
  "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely', 'seldom',
  'despite',
]);

export const isNegatorEn = (lower: string): boolean => NEGATORS_EN.has(lower) || lower.includes("n't");

const UP = [
  'absolutely', 'amazingly', 'awfully', 'completely', 'considerable', 'considerably', 'decidedly', 'deeply', 'effing',
  'enormous', 'enormously', 'entirely', 'especially', 'exceptional', 'exceptionally', 'extreme', 'extremely',
  'fabulously', 'flipping', 'flippin', 'frackin', 'fracking', 'fricking', 'frickin', 'frigging', 'friggin', 'fully',
  'fuckin', 'fucking', 'fuggin', 'fugging', 'greatly', 'hella', 'highly', 'hugely', 'incredible', 'incredibly',
  'intensely', 'major', 'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so',
  'substantially', 'thoroughly', 'total', 'totally', 'tremendous', 'tremendously', 'uber', 'unbelievably',
  'unusually', 'utter', 'utterly', 'very',
];
const DOWN = [
  'almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little', 'marginal',
  'marginally', 'occasional', 'occasionally', 'partly', 'scarce', 'scarcely', 'slight', 'slightly', 'somewhat',
  'sort of', 'sorta', 'sortof', 'sort-of',
];
export const BOOSTERS_EN = new Map<string, number>([...UP.map((w): [string, number] => [w, B_INCR]), ...DOWN.map((w): [string, number] => [w, B_DECR])]);

/** Phrases whose meaning is not the sum of their words (VADER's special cases). */
export const SPECIAL_CASES_EN = new Map<string, number>([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
]);

/** Words after which a sentence's sentiment weighs more than before ("good, but slow"). */
export const CONTRAST_EN = new Set(['but', 'however']);
/** Words whose own clause weighs less than the rest of the sentence ("although it was dear, ..."). */
export const CONCESSIVE_EN = new Set(['although', 'though']);

/**
 * Words that make a cheerful opening sarcastic when a complaint follows in the same sentence:
 * "great, another broken one", "perfect, late again".
 */
export const REPEAT_MARKERS_EN = new Set(['another', 'again']);

/** Turns whose words alone say the opposite or nothing; each adds its valence once per match. */
export const PATTERNS_EN: readonly { re: RegExp; valence: number; words: string }[] = [
  { re: /\bnever\s+(again|coming back|buying|ordering|shopping)\b/gi, valence: -2.6, words: 'never again' },
  { re: /\bthanks\s+for\s+nothing\b/gi, valence: -2.5, words: 'thanks for nothing' },
  { re: /\bwhat\s+a\s+(joke|rip-?off|scam)\b/gi, valence: -2.6, words: 'what a joke' },
  { re: /\bso\s+much\s+for\b/gi, valence: -1.6, words: 'so much for' },
  { re: /\bwaste\s+of\s+(money|time)\b/gi, valence: -1.4, words: 'waste of money' },
  { re: /\b(still\s+(waiting|hasn't|haven't|has not|have not|not))\b/gi, valence: -1.6, words: 'still waiting' },
  { re: /\bwill\s+(definitely\s+)?(buy|order|shop|come)\s+(again|back)\b/gi, valence: 2.2, words: 'will buy again' },
];

/** Words after which, in their clause, a sentiment is supposed, not said ("if it were good"). */
export const IRREALIS_EN = new Set(['if', 'wish', 'unless']);
