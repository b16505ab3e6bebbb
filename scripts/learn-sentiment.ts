// `npx tsx scripts/learn-sentiment.ts`: learns resources/sentiment/zh-learned.tsv from the
// labelled Chinese sets in the reference data (how: src-main/core/sentiment/learn-valences.ts).
// Run it after changing the hand-written list or a rule, then bump ANALYZER_VERSION.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LEARN_DEFAULTS, VALENCE_PER_LOGIT } from '../src-main/core/sentiment/learn-valences';
import { sentimentDir } from '../src-main/core/sentiment/lexicons';
import { referenceDataDir } from '../tests/eval/lib/reference-data';
import { learnFrom, priorLexicons, trainingSets } from '../tests/eval/lib/training-sets';

const dataDir = referenceDataDir();
if (!dataDir) throw new Error('The reference data (../shared/data or PATRON_REFERENCE_DATA) is not here.');
const { analyzer, lex } = priorLexicons();
const sets = trainingSets(dataDir, analyzer);
const learned = learnFrom(sets, lex);
// A word the data did not move keeps its hand-written valence, so it need not be stored.
const rows = [...learned].filter(([w, v]) => Math.abs(v - (lex.zhHand.get(w) ?? 0)) >= 0.05).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]));
const header = [
  '# Chinese word valences learned by Patron (scripts/learn-sentiment.ts; method in src-main/core/sentiment/learn-valences.ts):',
  `# L2-regularised logistic regression towards zh-lexicon.tsv, min docs ${LEARN_DEFAULTS.minDocs}, l2 ${LEARN_DEFAULTS.l2} (hand-rated words ${LEARN_DEFAULTS.l2Hand}), ${LEARN_DEFAULTS.iterations} Adam steps, ${VALENCE_PER_LOGIT} valence per logit.`,
  '# Two words joined by a space are a learned pair (the second word right after the first, in one clause).',
  '# Learned from (name, file, sha256, texts); the eval reports these sets by cross-validation:',
  ...sets.map((s) => `# from\t${s.name}\t${basename(s.file)}\t${s.sha256}\t${s.docs.filter(Boolean).length}`),
  '# word<TAB>valence (VADER scale); words within 0.05 of their hand-written valence left out.',
];
writeFileSync(join(sentimentDir(), 'zh-learned.tsv'), `${[...header, ...rows.map(([w, v]) => `${w}\t${v}`)].join('\n')}\n`);
process.stdout.write(`${rows.length} entries from ${sets.map((s) => `${s.name} (${s.docs.filter(Boolean).length})`).join(', ')}\n`);
