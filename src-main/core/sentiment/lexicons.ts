// Loads what the analyzer reads from resources/sentiment/ once per folder: the VADER lexicon and
// Patron's hand-written English words, the Chinese hand-written list and the learned Chinese valences and a jieba segmenter that keeps every
// Chinese lexicon and aspect word whole. SOURCES.md in that folder names each file's origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { ASPECT_WORDS } from './aspect-words';
import { BOOSTERS_ZH, CONCESSIVE_ZH, CONTRAST_ZH, NEGATORS_ZH, REPEAT_MARKERS_ZH } from './rules-zh';

export interface Lexicons {
  /** VADER's lexicon, and Patron's hand-written words where VADER has none. */
  en: Map<string, number>;
  /** Chinese word valences: learned weights where the training saw the word, else hand-written. */
  zh: Map<string, number>;
  /** The hand-written Chinese list alone (the prior the learning starts from). */
  zhHand: Map<string, number>;
  jieba: Jieba;
}

let defaultDir: string | null = null;
const loaded = new Map<string, Lexicons>();

/** The core says where its resources are (Electron's differ from a checkout's). */
export function setSentimentResources(resourcesDir: string): void {
  defaultDir = join(resourcesDir, 'sentiment');
}

export function sentimentDir(): string {
  return defaultDir ?? join(process.cwd(), 'resources', 'sentiment');
}

/** `word<TAB>number` lines; '#' starts a comment line. */
export function readValences(file: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const value = Number(line.slice(tab + 1).split('\t')[0]);
    if (Number.isFinite(value)) out.set(line.slice(0, tab), value);
  }
  return out;
}

/** A segmenter with jieba's own dictionary plus the words the analyzer must see whole. */
export function segmenterWith(words: Iterable<string>): Jieba {
  const jieba = Jieba.withDict(dict);
  const extra = [...new Set(words)].filter((w) => /\p{Script=Han}/u.test(w) && w.length > 1);
  // A high count makes jieba prefer the whole word over its parts (jieba's dict format: word count tag).
  jieba.loadDict(Buffer.from(extra.map((w) => `${w} 20000 n`).join('\n'), 'utf8'));
  return jieba;
}

export function zhRuleWords(): string[] {
  return [...NEGATORS_ZH, ...BOOSTERS_ZH.keys(), ...CONTRAST_ZH, ...CONCESSIVE_ZH, ...REPEAT_MARKERS_ZH, ...Object.values(ASPECT_WORDS).flatMap((a) => a.zh)];
}

/** The lexicons in `dir`; `learned` replaces zh-learned.tsv (the eval's cross-validation). */
export function loadLexicons(dir = sentimentDir(), learned?: Map<string, number>): Lexicons {
  const key = learned ? '' : dir;
  const cached = key ? loaded.get(key) : undefined;
  if (cached) return cached;
  const zhHand = readValences(join(dir, 'zh-lexicon.tsv'));
  const zh = new Map([...zhHand, ...(learned ?? readValences(join(dir, 'zh-learned.tsv')))]);
  const en = new Map([...readValences(join(dir, 'en-shop-lexicon.tsv')), ...readValences(join(dir, 'vader-lexicon.tsv'))]);
  const lex: Lexicons = { en, zh, zhHand, jieba: segmenterWith([...zhHand.keys(), ...zhRuleWords()]) };
  if (key) loaded.set(key, lex);
  return lex;
}

