// `npm run bench -- encryption [--customers N] [--interactions N] [--rows N] [--runs N] [--rounds N] [--list-runs N] [--cache-mib N] [--keep]`
//
// What encryption at rest costs, in ONE run on the same machine: the list bench's database
// (lib/list-db.ts: customers, companies, tags, interactions from a fixed seed, written through
// startCore) is built twice, plain and encrypted (startCore with a passphrase: db/open.ts keys it
// with db/cipher.ts's CIPHER), and on each, reopened as the app opens it (same pragmas, 64 MiB
// cache), it times
//   list   — the customers list's first page (listCustomers, three sorts) and its last page;
//   search — the global search (search/service.ts) over the list bench's query mix (English,
//            email, phone digits, 1–3 character Chinese, mixed, no hits): a first pass, then
//            `--rounds` timed rounds;
//   import — the app's import job on the same order-lines CSV (lib/app-import.ts, as the import
//            bench), plain and encrypted in turns `--runs` times, each keeping its fastest run
//            (this machine's speed drifts from minute to minute).
// Prints a table, then one JSON line with search_p99_ratio (encrypted/plain; target <= 1.3),
// import_ratio (encrypted rows/s over plain rows/s; target >= 0.8), the list ratios, the absolute
// numbers, the cipher and the sizes. Default sizes (20,000 customers, 200,000 interactions, a
// 100,000-line CSV) run in a few minutes on two cores; the list bench's full size is
// `--customers 100000 --interactions 1000000`. `--cache-mib N` is an experiment, not the app: it
// sets SQLite's page cache to N MiB on both measured connections after the app's open (whose own
// is 64 MiB), to see how much of the cost is pages decrypted again after leaving the cache.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../../src-main/core/core';
import { listCustomers } from '../../src-main/core/customers/service';
import { CIPHER, isEncryptedFile } from '../../src-main/core/db/cipher';
import { search } from '../../src-main/core/search/service';
import { writeOrderLines } from '../fixtures/import-files';
import { appImport, type AppRun } from './lib/app-import';
import { buildListDb, searchQueryMix } from './lib/list-db';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { round, summarize, timed, timedAsync, type Summary } from './lib/stats';
import { printTable, type Cell } from './lib/table';

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = join(here, '..', '..', 'resources');
const PASSPHRASE = 'correct horse battery staple 马';
const TARGET_SEARCH_P99_RATIO = 1.3;
const TARGET_IMPORT_RATIO = 0.8;
/** As the list bench and the app's global search. */
const SEARCH_LIMIT = 10;
const PAGE = 100;

type Variant = 'plain' | 'encrypted';
const VARIANTS: Variant[] = ['plain', 'encrypted'];
const passFor = (v: Variant) => (v === 'encrypted' ? PASSPHRASE : undefined);

interface ReadTimes {
  buildS: number;
  dbMb: number;
  openMs: number;
  list: Summary;
  listLast: Summary;
  search: Summary;
  searchFirstMax: number;
  zh: Summary;
  queries: number;
  /** A fingerprint of every search's hits: both databases must answer the same. */
  answers: string;
}

async function measureReads(
  dir: string,
  v: Variant,
  customers: number,
  interactions: number,
  listRuns: number,
  rounds: number,
  cacheMib: number | null,
): Promise<ReadTimes> {
  log(`${v}: building ${customers.toLocaleString('en')} customers, ${interactions.toLocaleString('en')} interactions ...`);
  const meta = await buildListDb(dir, `encryption-${v}`, customers, interactions, passFor(v));
  const file = join(dir, 'patron.sqlite');
  if (isEncryptedFile(file) !== (v === 'encrypted')) throw new Error(`${file} is ${isEncryptedFile(file) ? '' : 'not '}encrypted`);
  log(`  built in ${meta.buildS} s`);
  // The open includes the key derivation (PBKDF2, slow on purpose) for the encrypted file.
  const [openMs, core] = await timedAsync(async () => startCore({ dataDir: dir, resourcesDir, noResume: true, passphrase: passFor(v) }));
  const { sqlite } = core;
  if (cacheMib !== null) sqlite.pragma(`cache_size = -${cacheMib * 1024}`);
  try {
    const sorts = [
      { sort: 'name', dir: 'asc' },
      { sort: 'totalSpent', dir: 'desc' },
      { sort: 'lastOrderAt', dir: 'desc' },
    ] as const;
    const list: number[] = [];
    for (const s of sorts) {
      const input = { ...s, offset: 0, limit: PAGE };
      listCustomers(sqlite, input);
      for (let k = 0; k < listRuns; k++) list.push(timed(() => listCustomers(sqlite, input))[0]);
    }
    const lastInput = { sort: 'name', dir: 'asc', offset: Math.max(0, customers - PAGE), limit: PAGE } as const;
    const listLast: number[] = [];
    for (let k = 0; k < listRuns; k++) listLast.push(timed(() => listCustomers(sqlite, lastInput))[0]);

    const queries = searchQueryMix(sqlite).flatMap(([kind, qs]) => qs.map((q) => ({ kind, q })));
    const first: number[] = [];
    const answers: string[] = [];
    for (const { q } of queries) {
      const [ms, hits] = timed(() => search(sqlite, q, SEARCH_LIMIT));
      first.push(ms);
      answers.push(`${hits.customers.map((c) => c.id).join(',')}/${hits.interactions.map((i) => i.id).join(',')}`);
    }
    const all: number[] = [];
    const zh: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const { kind, q } of queries) {
        const [ms] = timed(() => search(sqlite, q, SEARCH_LIMIT));
        all.push(ms);
        if (kind.startsWith('zh')) zh.push(ms);
      }
    }
    return {
      buildS: meta.buildS,
      dbMb: statSync(file).size / 1048576,
      openMs,
      list: summarize(list),
      listLast: summarize(listLast),
      search: summarize(all),
      searchFirstMax: Math.max(...first),
      zh: summarize(zh),
      queries: queries.length,
      answers: answers.join('|'),
    };
  } finally {
    await core.close();
  }
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  // A folder of its own: two benches running at once must not delete each other's files.
  mkdirSync(join(tmpdir(), 'patron-bench'), { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'patron-bench', 'encryption-'));
  try {
    return await measure(root, flags);
  } finally {
    if (flags.has('keep')) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

async function measure(root: string, flags: Map<string, string | true>): Promise<BenchResult> {
  const customers = intFlag(flags, 'customers', 20_000);
  const interactions = intFlag(flags, 'interactions', 200_000);
  const lineTarget = intFlag(flags, 'rows', 100_000);
  const runs = intFlag(flags, 'runs', 2);
  const rounds = intFlag(flags, 'rounds', 5);
  const listRuns = intFlag(flags, 'list-runs', 200);
  const cacheMib = flags.has('cache-mib') ? intFlag(flags, 'cache-mib', 64) : null;

  const reads = {} as Record<Variant, ReadTimes>;
  for (const v of VARIANTS) {
    reads[v] = await measureReads(join(root, `list-${v}`), v, customers, interactions, listRuns, rounds, cacheMib);
    rmSync(join(root, `list-${v}`), { recursive: true, force: true });
  }
  if (reads.plain.answers !== reads.encrypted.answers) throw new Error('the encrypted database answered a search differently from the plain one');

  const file = join(root, 'order-lines.csv');
  log(`generating ~${lineTarget.toLocaleString('en')} order lines ...`);
  writeOrderLines(file, Math.round(lineTarget / 2.5), { customers: Math.round(lineTarget / 12) });
  const imports = {} as Record<Variant, AppRun>;
  for (let r = 1; r <= runs; r++) {
    // In turns, plain first on odd runs and encrypted first on even ones, so drift hits both.
    for (const v of r % 2 ? VARIANTS : [...VARIANTS].reverse()) {
      log(`${v}: the import job (run ${r} of ${runs}) ...`);
      const dir = join(root, `import-${v}-${r}`);
      const a = await appImport(dir, file, passFor(v));
      if (isEncryptedFile(join(dir, 'patron.sqlite')) !== (v === 'encrypted')) throw new Error(`the ${v} import's database has the wrong encryption`);
      log(`  ${Math.round(a.summary.rows / a.seconds).toLocaleString('en')} rows/s`);
      if (!imports[v] || a.seconds < imports[v].seconds) imports[v] = a;
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rate = (v: Variant) => imports[v].summary.rows / imports[v].seconds;

  const f = (x: number) => round(x, 2);
  const ratio = (a: number, b: number) => round(a / b, 3);
  const p = reads.plain;
  const e = reads.encrypted;
  const searchP99Ratio = ratio(e.search.p99, p.search.p99);
  const importRatio = ratio(rate('encrypted'), rate('plain'));
  const rows: Cell[][] = [
    ['build (s)', p.buildS, e.buildS, ratio(e.buildS, p.buildS), '', null],
    ['db file (MB)', f(p.dbMb), f(e.dbMb), ratio(e.dbMb, p.dbMb), '', null],
    ['open incl. key derivation (ms)', f(p.openMs), f(e.openMs), '', '', null],
    ['list first page p50 (ms)', f(p.list.p50), f(e.list.p50), ratio(e.list.p50, p.list.p50), '', null],
    ['list first page p99 (ms)', f(p.list.p99), f(e.list.p99), ratio(e.list.p99, p.list.p99), '', null],
    ['list last page p99 (ms)', f(p.listLast.p99), f(e.listLast.p99), ratio(e.listLast.p99, p.listLast.p99), '', null],
    ['search first pass, max (ms)', f(p.searchFirstMax), f(e.searchFirstMax), ratio(e.searchFirstMax, p.searchFirstMax), '', null],
    ['search p50 (ms)', f(p.search.p50), f(e.search.p50), ratio(e.search.p50, p.search.p50), '', null],
    ['search p99 (ms)', f(p.search.p99), f(e.search.p99), searchP99Ratio, `<= ${TARGET_SEARCH_P99_RATIO}`, searchP99Ratio <= TARGET_SEARCH_P99_RATIO],
    ['  Chinese 1–3 characters p99 (ms)', f(p.zh.p99), f(e.zh.p99), ratio(e.zh.p99, p.zh.p99), '', null],
    [`import (rows/s, best of ${runs})`, Math.round(rate('plain')), Math.round(rate('encrypted')), importRatio, `>= ${TARGET_IMPORT_RATIO}`, importRatio >= TARGET_IMPORT_RATIO],
  ];
  process.stdout.write(`\ncipher: ${CIPHER.name} (legacy=${CIPHER.legacy}: ${CIPHER.pageCipher} pages, ${CIPHER.hmac}, ${CIPHER.kdf} x ${CIPHER.kdfIterations})\n`);
  process.stdout.write(
    `${customers} customers, ${interactions} interactions, ${p.queries} search queries x ${rounds} rounds, ${imports.plain.summary.rows} import rows` +
      `${cacheMib === null ? '' : `, page cache ${cacheMib} MiB for the reads (experiment)`}\n\n`,
  );
  printTable(['metric', 'plain', 'encrypted', 'ratio', 'target', 'pass'], rows);
  process.stdout.write('\n');

  return {
    cipher: `${CIPHER.name} legacy=${CIPHER.legacy}`,
    cache_mib: cacheMib ?? 'app (64)',
    kdf_iterations: CIPHER.kdfIterations,
    customers,
    interactions,
    import_rows: imports.plain.summary.rows,
    search_queries: p.queries,
    rounds,
    import_runs: runs,
    search_p99_ratio: searchP99Ratio,
    import_ratio: importRatio,
    search_p50_ratio: ratio(e.search.p50, p.search.p50),
    list_p50_ratio: ratio(e.list.p50, p.list.p50),
    list_p99_ratio: ratio(e.list.p99, p.list.p99),
    list_last_page_p99_ratio: ratio(e.listLast.p99, p.listLast.p99),
    search_zh_p99_ratio: ratio(e.zh.p99, p.zh.p99),
    plain_db_mb: f(p.dbMb),
    encrypted_db_mb: f(e.dbMb),
    plain_open_ms: f(p.openMs),
    encrypted_open_ms: f(e.openMs),
    plain_list_p50_ms: f(p.list.p50),
    encrypted_list_p50_ms: f(e.list.p50),
    plain_list_p99_ms: f(p.list.p99),
    encrypted_list_p99_ms: f(e.list.p99),
    plain_search_p50_ms: f(p.search.p50),
    encrypted_search_p50_ms: f(e.search.p50),
    plain_search_p99_ms: f(p.search.p99),
    encrypted_search_p99_ms: f(e.search.p99),
    plain_import_rows_per_s: Math.round(rate('plain')),
    encrypted_import_rows_per_s: Math.round(rate('encrypted')),
    search_p99_pass: searchP99Ratio <= TARGET_SEARCH_P99_RATIO,
    import_pass: importRatio >= TARGET_IMPORT_RATIO,
  };
}
