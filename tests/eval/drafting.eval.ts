// `npm run eval -- drafting [--model PATH] [--n N] [--customers N] [--cpu]`: a fixed set of the
// sample shop's open inbound messages (seed 42, its "now" pinned, so the same messages every run),
// stratified by language (English, Chinese) and situation (complaint, question, praise: the
// sentiment the app shows, as the no-model templates read it), each drafted through the app's own
// draftReply with a tone taken in turn, and every check run on the draft as the owner would see it.
// With --model the app activates that GGUF from its own folder (no copy); without, the tiny GGUF
// the tests generate (whose gibberish measures the plumbing, not the prose). Prints a table (each
// draft and the checks it failed, then each check's pass rate) and one JSON line with n, pass_rate
// (drafts passing every check) and one rate per check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DRAFT_CHECKS, TONES, type DraftCheck, type DraftLanguage } from '../../src-main/shared/drafting';
import { startCore, type Core } from '../../src-main/core/core';
import { draftReply } from '../../src-main/core/drafting/draft-reply';
import { replySituation, type TemplateSituation } from '../../src-main/core/drafting/templates';
import { writtenLanguage } from '../../src-main/core/customers/language';
import { SHOWN } from '../../src-main/core/sentiment/store';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { intFlag, log, parseArgs, type BenchResult } from '../bench/lib/report';
import { round } from '../bench/lib/stats';
import { printTable, type Cell } from '../bench/lib/table';

const SEED = 42;
/** The sample shop's "now", pinned so the open messages are the same on any day. */
const ANCHOR = Date.UTC(2025, 5, 1);
const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');
const SITUATIONS: TemplateSituation[] = ['complaint', 'question', 'praise'];

interface Pick {
  id: number;
  language: DraftLanguage;
  situation: TemplateSituation;
  body: string;
}

/** Every open inbound message in its stratum, then `perStratum` spread evenly over each (by id). */
export function pickMessages(core: Core, perStratum: number): Pick[] {
  const rows = core.sqlite
    .prepare(
      `SELECT i.id, i.language, i.subject, i.body, s.label FROM interactions i
       LEFT JOIN sentiments s ON s.interaction_id = i.id AND ${SHOWN}
       WHERE i.direction = 'inbound' AND i.handled = 0 ORDER BY i.id`,
    )
    .all() as { id: number; language: string | null; subject: string | null; body: string; label: string | null }[];
  const out: Pick[] = [];
  for (const language of ['en', 'zh'] as const) {
    for (const situation of SITUATIONS) {
      const all = rows.filter((r) => writtenLanguage(r.language, r.subject, r.body) === language && replySituation(r.label) === situation);
      const take = Math.min(perStratum, all.length);
      for (let k = 0; k < take; k++) {
        const r = all[Math.floor(((k + 0.5) * all.length) / take)];
        out.push({ id: r.id, language, situation, body: r.body });
      }
    }
  }
  return out;
}

async function draft(core: Core, p: Pick, tone: (typeof TONES)[number]) {
  let text = '';
  let checks: DraftCheck[] = [];
  let mode = '';
  let tokensPerSec = 0;
  for await (const e of draftReply(core, { messageId: p.id, tone })) {
    if (e.type === 'context') mode = e.mode;
    if (e.type === 'template' || e.type === 'done') text = e.text;
    if (e.type === 'done') tokensPerSec = e.tokensPerSec;
    if (e.type === 'checked') checks = e.checks;
  }
  return { text, checks, mode, tokensPerSec };
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  if (flags.get('model') === true) throw new Error('--model needs a path to a .gguf file');
  const model = typeof flags.get('model') === 'string' ? String(flags.get('model')) : tinyGgufPath();
  const n = intFlag(flags, 'n', 24);
  const customers = intFlag(flags, 'customers', 2000);
  const dir = mkdtempSync(join(tmpdir(), 'patron-eval-drafting-'));
  // The app reads the model from its models folder: that folder is the model's own, so nothing is copied.
  const core = startCore({ dataDir: dir, resourcesDir, noResume: true, models: { dir: dirname(model), gpu: flags.get('cpu') ? false : 'auto' } });
  try {
    log(`building the sample shop (seed ${SEED}, ${customers} customers)…`);
    const jobId = core.jobs.start('sample.load', { seed: SEED, customers, anchor: ANCHOR });
    await core.jobs.idle();
    if (core.jobs.get(jobId).status !== 'done') throw new Error(`the sample shop job ended ${core.jobs.get(jobId).status}`);
    const info = await core.models.activate(basename(model));
    log(`model ${basename(model)}: ${info.gpu ? `${info.gpu}, ${info.gpuLayers}/${info.totalLayers} layers on the GPU` : 'CPU'}`);

    const picks = pickMessages(core, Math.ceil(n / (2 * SITUATIONS.length))).slice(0, n);
    const rows: Cell[][] = [];
    const results: { pick: Pick; checks: DraftCheck[]; tokensPerSec: number }[] = [];
    for (const [i, p] of picks.entries()) {
      const tone = TONES[i % TONES.length];
      const d = await draft(core, p, tone);
      if (d.mode !== 'model') throw new Error(`message ${p.id} was drafted from a template: the model did not load`);
      results.push({ pick: p, checks: d.checks, tokensPerSec: d.tokensPerSec });
      const failed = d.checks.filter((c) => !c.ok).map((c) => (c.check === 'facts' ? `facts (${(c.params.unknown ?? []).slice(0, 4).join(' ')})` : c.check));
      rows.push([p.id, p.language, p.situation, tone, [...d.text.trim()].length, failed.join(', ') || 'all passed', d.text.replace(/\s+/g, ' ').slice(0, 48)]);
      log(`${i + 1}/${picks.length} drafted`);
    }
    printTable(['message', 'lang', 'situation', 'tone', 'chars', 'failed checks', 'draft begins'], rows);

    const rate = (f: (r: (typeof results)[number]) => boolean, of = results) => (of.length ? round(of.filter(f).length / of.length, 3) : Number.NaN);
    const passes = (check: string) => (r: (typeof results)[number]) => r.checks.find((c) => c.check === check)?.ok === true;
    const all = (r: (typeof results)[number]) => r.checks.length > 0 && r.checks.every((c) => c.ok);
    const perCheck = Object.fromEntries(DRAFT_CHECKS.map((c) => [c, rate(passes(c))]));
    process.stdout.write('\n');
    printTable(
      ['check', 'pass rate', 'en', 'zh'],
      [...DRAFT_CHECKS.map((c): Cell[] => [c, perCheck[c], rate(passes(c), results.filter((r) => r.pick.language === 'en')), rate(passes(c), results.filter((r) => r.pick.language === 'zh'))]),
        ['all checks', rate(all), rate(all, results.filter((r) => r.pick.language === 'en')), rate(all, results.filter((r) => r.pick.language === 'zh'))]],
    );
    const speeds = results.map((r) => r.tokensPerSec).filter((x) => x > 0);
    return {
      model: basename(model),
      n: results.length,
      pass_rate: rate(all),
      ...perCheck,
      en_pass_rate: rate(all, results.filter((r) => r.pick.language === 'en')),
      zh_pass_rate: rate(all, results.filter((r) => r.pick.language === 'zh')),
      tokens_per_s: speeds.length ? round(speeds.reduce((a, b) => a + b, 0) / speeds.length, 1) : 0,
    };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
