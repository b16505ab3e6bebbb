// `npm run bench -- sentiment [--messages N] [--rows N] [--model-items N] [--parallel N] [--model PATH] [--no-import] [--no-model]`
//
// Measures, in one run:
//   lexicon — the analyzer over N mixed English/Chinese CRM messages (default 100,000, the bench
//       data's own message generator: inbound and outbound, one to three sentences each) on this
//       one thread, after a warm-up pass: messages/s (target >= 20,000);
//   import — a messages CSV of --rows lines (default 1,000,000; 60% inbound) imported through the
//       app's import job into fresh databases twice: with every derived-state hook, and with the
//       sentiment hook taken out of the list for that run (the raw limit the ratio is against).
//       import_ratio = import job speed with / without (target >= 0.8). A file this big leaves its
//       messages to the re-analysis job that starts when the import commits (derive-hook.ts,
//       INLINE_MAX): labelled_ratio is the same against the time until every message is labelled;
//   model — the model path (the 'sentiment.model' job: shared system prompt, JSON-schema grammar)
//       over --model-items messages (default 32) with the tiny GGUF the tests write (or --model),
//       at 1 sequence and at --parallel sequences (default 4): messages/s for each.
// Prints a table, then one JSON line with lexicon_msgs_per_s and import_ratio among its keys.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { DERIVED, type DerivedHook } from '../../src-main/core/derived/hooks';
import { IMPORT_JOB_KIND } from '../../src-main/core/import/import-job';
import type { ImportSummary } from '../../src-main/core/import/importer';
import { logInteraction } from '../../src-main/core/interactions/service';
import { analyzeSentiment } from '../../src-main/core/sentiment/analyzer';
import { sentimentRows } from '../../src-main/core/sentiment/derive-hook';
import { MODEL_JOB_KIND } from '../../src-main/core/sentiment/model-job';
import { Rng } from '../../src-main/core/sample/random';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { customerBrief, DATA_NOW, generateInteraction, type CustomerBrief, type GenInteraction } from './lib/crm-data';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { round } from './lib/stats';
import { printTable, type Cell } from './lib/table';

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = join(here, '..', '..', 'resources');
const TARGET_MSGS = 20_000;
const TARGET_RATIO = 0.8;
const CUSTOMERS = 20_000;

function briefs(n: number): CustomerBrief[] {
  const rng = new Rng(11);
  return Array.from({ length: n }, (_, i) => customerBrief({ name: rng.chance(0.6) ? `王${i}` : `Alex ${i}`, language: rng.chance(0.6) ? 'zh' : 'en' }));
}

function messages(n: number): GenInteraction[] {
  const rng = new Rng(7);
  const b = briefs(CUSTOMERS);
  return Array.from({ length: n }, (_, i) => generateInteraction(rng, i + 1, n, CUSTOMERS, b));
}

function lexiconSpeed(n: number): { msgsPerSec: number; chars: number; zhShare: number } {
  const texts = messages(n).map((m) => (m.subject ? `${m.subject}\n${m.body}` : m.body));
  for (const t of texts.slice(0, 5000)) analyzeSentiment(t);
  const t0 = performance.now();
  for (const t of texts) analyzeSentiment(t);
  const secs = (performance.now() - t0) / 1000;
  return { msgsPerSec: n / secs, chars: texts.reduce((a, t) => a + t.length, 0) / n, zhShare: texts.filter((t) => /\p{Script=Han}/u.test(t)).length / n };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function writeMessagesCsv(file: string, rows: number): void {
  const rng = new Rng(3);
  const b = briefs(CUSTOMERS);
  const lines = ['email,date,channel,direction,subject,message'];
  for (let i = 1; i <= rows; i++) {
    const m = generateInteraction(rng, i, rows, CUSTOMERS, b);
    lines.push([`c${m.customerId}@example.com`, new Date(m.occurredAt).toISOString(), m.channel, m.direction, m.subject ?? '', m.body].map(csvCell).join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const MAPPING = { customer_email: 0, occurred_at: 1, channel: 2, direction: 3, subject: 4, body: 5 };

/** Imports the file into a fresh database, with the hooks as they are or without `skip`. */
async function importOnce(root: string, file: string, skip: DerivedHook | null): Promise<{ seconds: number; labelledSeconds: number; summary: ImportSummary; analysed: number }> {
  const dir = mkdtempSync(join(root, 'db-'));
  const hooks = DERIVED as DerivedHook[];
  const at = skip ? hooks.indexOf(skip) : -1;
  // The raw run: the same import with the sentiment hook out of the list, put back right after.
  if (at >= 0) hooks.splice(at, 1);
  try {
    const core = startCore({ dataDir: dir, resourcesDir, noResume: true });
    const t0 = performance.now();
    const startedAt = Date.now();
    const id = core.jobs.start(IMPORT_JOB_KIND, { source: { path: file }, kind: 'interactions', mapping: MAPPING, options: { createCustomers: true } });
    // Waits for the import and for the re-analysis job a big import hands its messages to.
    await core.jobs.idle();
    const labelledSeconds = (performance.now() - t0) / 1000;
    const job = core.jobs.get(id);
    const seconds = ((job.finishedAt ?? Date.now()) - startedAt) / 1000;
    const analysed = core.sqlite.prepare('SELECT count(*) FROM sentiments').pluck().get() as number;
    await core.close();
    if (job.status !== 'done') throw new Error(`the import job ended ${job.status}: ${JSON.stringify(job.error)}`);
    return { seconds, labelledSeconds, summary: job.result as ImportSummary, analysed };
  } finally {
    if (at >= 0) hooks.splice(at, 0, skip as DerivedHook);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function modelSpeed(root: string, modelPath: string, items: number, parallel: number): Promise<{ one: number; many: number; scored: number }> {
  const dir = mkdtempSync(join(root, 'model-'));
  const core = startCore({ dataDir: dir, resourcesDir, noResume: true });
  try {
    await core.models.importFile(modelPath);
    const customerId = createCustomer(core.sqlite, { name: 'Bench' }).id;
    const texts = messages(items * 4).filter((m) => m.direction === 'inbound').slice(0, items);
    for (const m of texts) logInteraction(core.sqlite, { customerId, channel: 'email', direction: 'inbound', body: m.body, occurredAt: DATA_NOW });
    const runOnce = async (p: number) => {
      const t0 = performance.now();
      const id = core.jobs.start(MODEL_JOB_KIND, { customerId, onlyMissing: false, parallel: p, chunk: Math.max(8, p * 2) });
      await core.jobs.idle();
      const job = core.jobs.get(id);
      if (job.status !== 'done') throw new Error(`the model job ended ${job.status}: ${JSON.stringify(job.error)}`);
      return { perSec: items / ((performance.now() - t0) / 1000), scored: (job.result as { scored: number }).scored };
    };
    await runOnce(parallel); // loads the model and warms it up
    const one = await runOnce(1);
    const many = await runOnce(parallel);
    return { one: one.perSec, many: many.perSec, scored: many.scored };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  const n = intFlag(flags, 'messages', 100_000);
  const rows = intFlag(flags, 'rows', 1_000_000);
  const modelItems = intFlag(flags, 'model-items', 32);
  const parallel = intFlag(flags, 'parallel', 4);
  const result: BenchResult = {};
  const table: Cell[][] = [];

  log(`lexicon: ${n.toLocaleString('en')} messages…`);
  const lex = lexiconSpeed(n);
  result.lexicon_msgs_per_s = Math.round(lex.msgsPerSec);
  result.lexicon_target = TARGET_MSGS;
  result.avg_chars = round(lex.chars, 1);
  table.push(['analyzer, one thread', `${n.toLocaleString('en')} messages (${Math.round(lex.zhShare * 100)}% Chinese, ${round(lex.chars, 1)} chars avg)`, Math.round(lex.msgsPerSec), `>= ${TARGET_MSGS}`, lex.msgsPerSec >= TARGET_MSGS]);

  const root = mkdtempSync(join(tmpdir(), 'patron-bench-sentiment-'));
  try {
    if (!flags.has('no-import')) {
      const file = join(root, 'messages.csv');
      log(`import: writing ${rows.toLocaleString('en')} messages…`);
      writeMessagesCsv(file, rows);
      log('import: without the sentiment hook…');
      const raw = await importOnce(root, file, sentimentRows);
      log(`  ${raw.seconds.toFixed(1)} s`);
      log('import: with it…');
      const app = await importOnce(root, file, null);
      log(`  ${app.seconds.toFixed(1)} s, every message labelled after ${app.labelledSeconds.toFixed(1)} s (${app.analysed.toLocaleString('en')} analysed)`);
      const ratio = raw.seconds / app.seconds;
      const labelledRatio = raw.seconds / app.labelledSeconds;
      result.import_rows = rows;
      result.import_s_without = round(raw.seconds, 2);
      result.import_s_with = round(app.seconds, 2);
      result.import_s_until_labelled = round(app.labelledSeconds, 2);
      result.labelled_ratio = round(labelledRatio, 3);
      result.import_analysed = app.analysed;
      result.import_ratio = round(ratio, 3);
      result.import_target = TARGET_RATIO;
      table.push(['import without sentiment', `${rows.toLocaleString('en')} rows`, Math.round(rows / raw.seconds), '', null]);
      table.push(['import with sentiment', 'the import job', Math.round(rows / app.seconds), `ratio ${round(ratio, 3)} >= ${TARGET_RATIO}`, ratio >= TARGET_RATIO]);
      table.push(['  until every message labelled', `${app.analysed.toLocaleString('en')} analysed`, Math.round(rows / app.labelledSeconds), `ratio ${round(labelledRatio, 3)}`, null]);
    }
    if (!flags.has('no-model')) {
      const modelPath = typeof flags.get('model') === 'string' ? (flags.get('model') as string) : tinyGgufPath();
      log(`model: ${basename(modelPath)}, ${modelItems} messages at 1 and ${parallel} sequences…`);
      const m = await modelSpeed(root, modelPath, modelItems, parallel);
      result.model = basename(modelPath);
      result.model_msgs_per_s_1 = round(m.one, 2);
      result[`model_msgs_per_s_${parallel}`] = round(m.many, 2);
      result.model_scored = m.scored;
      table.push([`model, 1 sequence`, basename(modelPath), round(m.one, 2), '', null]);
      table.push([`model, ${parallel} sequences`, `${m.scored}/${modelItems} scored`, round(m.many, 2), `x${round(m.many / m.one, 2)}`, null]);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  printTable(['what', 'on', 'msgs/s', 'target', 'met'], table);
  return result;
}
