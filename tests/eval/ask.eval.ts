// `npm run eval -- ask --model PATH [--file F.json] [--parallel N] [--limit N] [--cpu]`: the exact-match
// rate of "ask in words" on a local GGUF model, over the fixed 40 requests (lib/ask-requests.ts:
// 20 English, 20 Chinese) or the requests of F.json ([{lang, text, expected}] or {context, cases}).
// Prints a table (each request: language, match, what the model produced when wrong), then one
// JSON line with n, exact_match, en, zh and invalid (answers that were no valid filter).
import { log, parseArgs, type BenchResult } from '../bench/lib/report';
import { evalAsk } from './lib/ask-eval';
import { parseParallel } from './lib/model-sentiment';

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  for (const k of ['file', 'model', 'limit', 'parallel']) {
    if (flags.get(k) === true) throw new Error(`--${k} needs a value`);
  }
  const str = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined);
  const model = str('model');
  if (!model) throw new Error('The ask eval needs a model: npm run eval -- ask --model PATH/TO/MODEL.gguf [--file requests.json]. "Ask in words" runs only with a local model.');
  const limitFlag = str('limit');
  if (limitFlag !== undefined && !(Number.isInteger(Number(limitFlag)) && Number(limitFlag) > 0)) throw new Error(`--limit must be a positive whole number, got "${limitFlag}"`);
  return evalAsk({ model, file: str('file'), parallel: parseParallel(str('parallel')), limit: Number(limitFlag ?? 0), gpu: flags.get('cpu') ? false : 'auto', log });
}
