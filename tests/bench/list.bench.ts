// `npm run bench -- list [--fresh] [--customers N] [--interactions N] [--runs N] [--rounds N] [--strict]`
//
// Builds (or reuses) a 100,000-customer / 1,000,000-interaction database through startCore, so
// the schema and FTS tables come from the real migrations, then measures on a freshly reopened
// file: the DB open time, the customers list first page (three sorts) and the global search over
// a fixed mix of English words, email fragments, phone digits and 1–3 character Chinese queries.
// Every search is checked against expectations computed independently of FTS5 (a plain scan
// over the base columns); wrong hits make the bench exit non-zero.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore, type Core } from '../../src-main/core/core';
import { listCustomers } from '../../src-main/core/customers/service';
import { loadMigrations } from '../../src-main/core/db/migrate';
import { search } from '../../src-main/core/search/service';
import { buildListDb, searchQueryMix, type BenchMeta } from './lib/list-db';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { customerSortKey } from '../../src-main/core/customers/sort-key';
import { median, round, summarize, timed, timedAsync } from './lib/stats';
import { printTable, type Cell } from './lib/table';

/** Bump when the generated data changes, so cached databases are rebuilt. */
const DATA_VERSION = 'v3';
const DEFAULT_CUSTOMERS = 100_000;
const DEFAULT_INTERACTIONS = 1_000_000;
const TARGET_LIST_P99_MS = 20;
const TARGET_SEARCH_P99_MS = 50;
/** What the app's global search asks for (search router default). */
const SEARCH_LIMIT = 10;
const PAGE = 100;

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = join(here, '..', '..', 'resources');

// ---------------------------------------------------------------------------------------------
// Build

function openCore(dataDir: string): Core {
  return startCore({ dataDir, resourcesDir });
}

/** The cached database, if it exists, is complete and has the expected counts. */
async function readCache(dataDir: string, version: string, customers: number, interactions: number): Promise<BenchMeta | null> {
  if (!existsSync(join(dataDir, 'patron.sqlite'))) return null;
  let core: Core | null = null;
  try {
    core = startCore({ dataDir, resourcesDir, noResume: true });
    const row = core.sqlite.prepare(`SELECT value FROM settings WHERE key = 'bench.list'`).get() as { value: string } | undefined;
    if (!row) return null;
    const meta = JSON.parse(row.value) as BenchMeta;
    const c = (core.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    const i = (core.sqlite.prepare('SELECT count(*) AS n FROM interactions').get() as { n: number }).n;
    if (meta.version !== version || c !== customers || i !== interactions) return null;
    return meta;
  } catch (err) {
    log(`cached database unusable (${err instanceof Error ? err.message : String(err)}); rebuilding`);
    return null;
  } finally {
    await core?.close();
  }
}

/** Removes databases built by older generators or for older schemas (other sizes of this one stay). */
function removeStale(root: string, current: string): void {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    if (name.startsWith('list-') && !name.startsWith(`list-${current}`)) {
      log(`removing stale ${join(root, name)}`);
      rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Expectations, computed without FTS5: the text of the base columns, normalised the way a person
// reads it (case folded, punctuation as spaces, each CJK character a word of its own).

const CJK_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const CJK_ONE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;

/** " word word 王 芳 " — leading and trailing space so " x" finds a word start and "x " a word end. */
function norm(s: string | null | undefined): string {
  if (!s) return ' ';
  return ` ${s.toLowerCase().replace(CJK_ALL, ' $& ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

interface Term {
  /** Lower-cased as typed, for the LIKE-style substring check. */
  lower: string;
  /** Digits of a 3+ digit phone-like term (customers only; the app matches it anywhere in the number). */
  digits: string | null;
  /** " tok tok": what must start at a word boundary; null when nothing searchable is in the term. */
  phrase: string | null;
  /** The last token is CJK: it must end at a word boundary too (no prefix match). */
  exactEnd: boolean;
  /** The words joined by spaces, for the "does the hit contain it" check. */
  words: string;
}

function parseTerms(q: string): Term[] {
  // As the app does: a query that is only a number (spaces and +-() aside) is one number.
  const whole = q.replace(/[\s\-+().]/g, '');
  if (/^\d{3,}$/.test(whole)) return [{ lower: whole, digits: whole, phrase: ` ${whole}`, exactEnd: false, words: whole }];
  const out: Term[] = [];
  for (const raw of q.trim().split(/\s+/)) {
    if (!raw) continue;
    const stripped = raw.replace(/[-+().]/g, '');
    const digits = /^\d{3,}$/.test(stripped) ? stripped : null;
    const tokens = (raw.toLowerCase().match(WORDS) ?? []) as string[];
    const words = tokens.join(' ');
    out.push({
      lower: raw.toLowerCase(),
      digits,
      phrase: digits ? ` ${digits}` : tokens.length ? ` ${words}` : null,
      exactEnd: !digits && tokens.length > 0 && CJK_ONE.test(tokens[tokens.length - 1]),
      words: digits ?? words,
    });
  }
  return out;
}

interface Doc {
  /** Normalised searchable columns. */
  cols: string[];
  /** Lower-cased raw columns. */
  raw: string[];
  /** Digits matched anywhere: the phone number (customers), long numbers joined by | (messages). */
  phoneDigits: string;
}

/** Would FTS5 (per the app's documented semantics) match this document? Every term, any column. */
function termsMatch(doc: Doc, terms: Term[]): boolean {
  if (!terms.some((t) => t.phrase)) return false;
  for (const t of terms) {
    if (!t.phrase) continue;
    if (t.digits && doc.phoneDigits.includes(t.digits)) continue;
    const needle = t.exactEnd ? `${t.phrase} ` : t.phrase;
    if (!doc.cols.some((c) => c.includes(needle))) return false;
  }
  return true;
}

/** LIKE '%term%' on every term over the raw columns (what a naive scan finds). */
function likeMatch(doc: Doc, terms: Term[]): boolean {
  return terms.length > 0 && terms.every((t) => doc.raw.some((c) => c.includes(t.lower)) || (t.digits !== null && doc.phoneDigits.includes(t.digits)));
}

/** Does a returned hit really contain the query (case and punctuation aside)? */
function containsQuery(doc: Doc, terms: Term[]): boolean {
  return terms.every((t) => !t.phrase || (t.digits !== null && doc.phoneDigits.includes(t.digits)) || doc.cols.some((c) => c.includes(t.words)));
}

/** Phone digits as the index holds them: every run of 3 digits, then the number as typed. */
function phoneColumn(digits: string | null, phone: string | null): string {
  const parts: string[] = [];
  if (digits) for (let i = 0; i + 3 <= digits.length; i++) parts.push(digits.slice(i, i + 3));
  if (phone) parts.push(phone);
  return parts.join(' ');
}

interface CustomerRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  phoneNorm: string | null;
  city: string | null;
  country: string | null;
  company: string | null;
  tags: string | null;
}

function customerDoc(r: CustomerRow): Doc {
  const place = [r.city, r.country].filter(Boolean).join(' ');
  const digits = (r.phoneNorm ?? '').replace(/\D/g, '');
  return {
    cols: [norm(r.name), norm(r.company), norm(r.email), norm(phoneColumn(digits, r.phone)), norm(place), norm(r.tags)],
    raw: [r.name, r.company ?? '', r.email ?? '', r.phone ?? '', r.phoneNorm ?? '', place, r.tags ?? ''].map((s) => s.toLowerCase()),
    phoneDigits: digits,
  };
}

function interactionDoc(subject: string | null, body: string): Doc {
  const longNumbers = (`${subject ?? ''} ${body}`.match(/\d{6,}/g) ?? []).join('|');
  return { cols: [norm(subject), norm(body)], raw: [(subject ?? '').toLowerCase(), body.toLowerCase()], phoneDigits: longNumbers };
}

interface Query {
  kind: string;
  q: string;
  custTerms: Term[];
  textTerms: Term[];
  /** Customers FTS5 should match (exact count). */
  expC: number;
  /** Customers a LIKE scan finds. */
  likeC: number;
  expI: number;
  likeI: number;
  /** Ids of the newest matching interactions, newest first (what search() must return). */
  topI: number[];
}

function buildQueries(sqlite: Database.Database): Query[] {
  const fixed = searchQueryMix(sqlite);
  return fixed.flatMap(([kind, qs]) =>
    qs.map((q) => ({ kind, q, custTerms: parseTerms(q), textTerms: parseTerms(q), expC: 0, likeC: 0, expI: 0, likeI: 0, topI: [] })),
  );
}

const CUSTOMER_ROWS_SQL = `SELECT c.id, c.name, c.email, c.phone, c.phone_norm AS phoneNorm, c.city, c.country, co.name AS company,
    (SELECT group_concat(t.name, ' ') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) AS tags
  FROM customers c LEFT JOIN companies co ON co.id = c.company_id`;

/** Scans every customer: what each query should find there, and each customer's text for checking hits. */
function customerExpectations(sqlite: Database.Database, queries: Query[]): Map<number, Doc> {
  const customerDocs = new Map<number, Doc>();
  for (const r of sqlite.prepare(CUSTOMER_ROWS_SQL).iterate() as IterableIterator<CustomerRow>) {
    const doc = customerDoc(r);
    customerDocs.set(r.id, doc);
    for (const q of queries) {
      if (termsMatch(doc, q.custTerms)) q.expC++;
      if (likeMatch(doc, q.custTerms)) q.likeC++;
    }
  }
  return customerDocs;
}

type InteractionExpectation = Pick<Query, 'expI' | 'likeI' | 'topI'>;

/**
 * Scans every interaction, newest first, counting what each query should find. The database
 * does not change once built, so the result is cached beside it (keyed by the query list).
 */
function interactionExpectations(sqlite: Database.Database, queries: Query[], cacheDir: string): void {
  const key = createHash('sha256')
    .update(JSON.stringify([SEARCH_LIMIT, queries.map((q) => q.q)]))
    .digest('hex')
    .slice(0, 12);
  const cacheFile = join(cacheDir, `expected-${key}.json`);
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as InteractionExpectation[];
    queries.forEach((q, k) => Object.assign(q, cached[k]));
    return;
  }
  // Cheap prefilter: a row can only match if its lower-cased text holds every term's words.
  const needles = queries.map((q) => q.textTerms.flatMap((t) => (t.phrase ? t.words.split(' ') : [])));
  const likeNeedles = queries.map((q) => q.textTerms.map((t) => t.lower));
  for (const r of sqlite.prepare('SELECT id, subject, body FROM interactions ORDER BY id DESC').iterate() as IterableIterator<{
    id: number;
    subject: string | null;
    body: string;
  }>) {
    const text = r.subject ? `${r.subject.toLowerCase()}\n${r.body.toLowerCase()}` : r.body.toLowerCase();
    let doc: Doc | null = null;
    for (let k = 0; k < queries.length; k++) {
      const q = queries[k];
      const n = needles[k];
      if (n.length && n.every((w) => text.includes(w))) {
        doc ??= interactionDoc(r.subject, r.body);
        if (termsMatch(doc, q.textTerms)) {
          q.expI++;
          if (q.topI.length < SEARCH_LIMIT) q.topI.push(r.id);
        }
      }
      const l = likeNeedles[k];
      if (l.length && l.every((w) => text.includes(w))) q.likeI++;
    }
  }
  const out: InteractionExpectation[] = queries.map((q) => ({ expI: q.expI, likeI: q.likeI, topI: q.topI }));
  writeFileSync(cacheFile, JSON.stringify(out));
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Check {
  q: Query;
  gotC: number;
  gotI: number;
  wrong: string[];
  misses: string[];
}

function checkSearch(sqlite: Database.Database, q: Query, hits: ReturnType<typeof search>, docs: Map<number, Doc>): Check {
  const wrong: string[] = [];
  const misses: string[] = [];
  for (const c of hits.customers) {
    const doc = docs.get(c.id);
    if (!doc || !containsQuery(doc, q.custTerms)) wrong.push(`customer ${c.id} (${c.name}) does not contain "${q.q}"`);
  }
  const loadI = sqlite.prepare('SELECT subject, body FROM interactions WHERE id = ?');
  for (const i of hits.interactions) {
    const r = loadI.get(i.id) as { subject: string | null; body: string } | undefined;
    if (!r || !containsQuery(interactionDoc(r.subject, r.body), q.textTerms)) wrong.push(`interaction ${i.id} does not contain "${q.q}"`);
  }
  const wantC = Math.min(SEARCH_LIMIT, q.expC);
  const wantI = Math.min(SEARCH_LIMIT, q.expI);
  if (hits.customers.length < wantC) misses.push(`customers: ${hits.customers.length} of ${wantC} expected`);
  if (hits.customers.length > q.expC) wrong.push(`customers: ${hits.customers.length} returned, only ${q.expC} match`);
  if (q.likeC > 0 && hits.customers.length === 0) misses.push(`customers: none returned, LIKE finds ${q.likeC}`);
  if (hits.interactions.length < wantI) misses.push(`interactions: ${hits.interactions.length} of ${wantI} expected`);
  if (hits.interactions.length > q.expI) wrong.push(`interactions: ${hits.interactions.length} returned, only ${q.expI} match`);
  if (q.likeI > 0 && hits.interactions.length === 0) misses.push(`interactions: none returned, LIKE finds ${q.likeI}`);
  const gotIds = hits.interactions.map((i) => i.id).join(',');
  if (hits.interactions.length === wantI && gotIds !== q.topI.join(',')) misses.push(`interactions: not the ${wantI} newest matches`);
  return { q, gotC: hits.customers.length, gotI: hits.interactions.length, wrong, misses };
}

function listIsSorted(rows: { id: number; name: string; totalSpentCents: number; lastOrderAt: number | null }[], sort: string): boolean {
  for (let k = 1; k < rows.length; k++) {
    const a = rows[k - 1];
    const b = rows[k];
    if (sort === 'name') {
      const [ka, kb] = [customerSortKey(a.name), customerSortKey(b.name)];
      if (ka > kb || (ka === kb && a.id > b.id)) return false;
    }
    if (sort === 'totalSpent' && a.totalSpentCents < b.totalSpentCents) return false;
    if (sort === 'lastOrderAt' && (a.lastOrderAt ?? -1) < (b.lastOrderAt ?? -1)) return false;
  }
  return true;
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  const customerCount = intFlag(flags, 'customers', DEFAULT_CUSTOMERS);
  const interactionCount = intFlag(flags, 'interactions', DEFAULT_INTERACTIONS);
  const listRuns = intFlag(flags, 'runs', 300);
  const rounds = intFlag(flags, 'rounds', 5);
  const strict = flags.has('strict');

  const migrationsHash = createHash('sha256')
    .update(loadMigrations(join(resourcesDir, 'migrations')).map((m) => m.hash).join(','))
    .digest('hex')
    .slice(0, 8);
  const sized = customerCount === DEFAULT_CUSTOMERS && interactionCount === DEFAULT_INTERACTIONS ? '' : `-c${customerCount}-i${interactionCount}`;
  const version = `${DATA_VERSION}-${migrationsHash}${sized}`;
  const root = join(tmpdir(), 'patron-bench');
  const dataDir = join(root, `list-${version}`);
  removeStale(root, `${DATA_VERSION}-${migrationsHash}`);

  let meta = flags.has('fresh') ? null : await readCache(dataDir, version, customerCount, interactionCount);
  const reused = meta !== null;
  if (meta) {
    log(`reusing ${dataDir} (built in ${meta.buildS} s; --fresh rebuilds)`);
  } else {
    log(`building ${customerCount} customers and ${interactionCount} interactions in ${dataDir} ...`);
    meta = await buildListDb(dataDir, version, customerCount, interactionCount);
    log(`built in ${meta.buildS} s`);
  }
  const dbFile = join(dataDir, 'patron.sqlite');
  const dbMb = round(statSync(dbFile).size / 1048576, 1);

  // Open time: startCore on the existing file (open, pragmas, migrations check, job resume).
  const opens: number[] = [];
  for (let k = 0; k < 5; k++) {
    const [ms, core] = await timedAsync(async () => openCore(dataDir));
    opens.push(ms);
    await core.close();
  }
  const core = openCore(dataDir);
  const { sqlite } = core;
  try {
    // Customers list, first page.
    log('timing the customers list ...');
    const sorts = [
      { key: 'name', sort: 'name', dir: 'asc' },
      { key: 'spent', sort: 'totalSpent', dir: 'desc' },
      { key: 'last_order', sort: 'lastOrderAt', dir: 'desc' },
    ] as const;
    const listAll: number[] = [];
    const listBy: Record<string, number[]> = {};
    const listFirst: number[] = [];
    let listErrors = 0;
    for (const s of sorts) {
      const input = { sort: s.sort, dir: s.dir, offset: 0, limit: PAGE };
      const [first, res] = timed(() => listCustomers(sqlite, input));
      listFirst.push(first);
      if (res.rows.length !== Math.min(PAGE, customerCount) || res.total !== customerCount || !listIsSorted(res.rows, s.sort)) {
        listErrors++;
        log(`  list by ${s.sort} ${s.dir}: wrong page (${res.rows.length} rows, total ${res.total})`);
      }
      listBy[s.key] = [];
      for (let k = 0; k < listRuns; k++) {
        const [ms] = timed(() => listCustomers(sqlite, input));
        listBy[s.key].push(ms);
        listAll.push(ms);
      }
    }

    // The last page of the list sorted by name: scrolling to the bottom must stay as fast.
    const deepInput = { sort: 'name', dir: 'asc', offset: Math.max(0, customerCount - PAGE), limit: PAGE } as const;
    const deep: number[] = [];
    for (let k = 0; k < listRuns; k++) deep.push(timed(() => listCustomers(sqlite, deepInput))[0]);

    // Search: expectations first (not timed), then a first pass (checked), then timed rounds.
    const queries = buildQueries(sqlite);
    log(`computing expectations for ${queries.length} queries by scanning the base tables ...`);
    const [expMs, customerDocs] = timed(() => {
      const docs = customerExpectations(sqlite, queries);
      interactionExpectations(sqlite, queries, dataDir);
      return docs;
    });
    log(`  done in ${(expMs / 1000).toFixed(1)} s`);

    log('timing search ...');
    const firstPass: number[] = [];
    const checks: Check[] = [];
    for (const q of queries) {
      const [ms, hits] = timed(() => search(sqlite, q.q, SEARCH_LIMIT));
      firstPass.push(ms);
      checks.push(checkSearch(sqlite, q, hits, customerDocs));
    }
    const perQuery = new Map<Query, number[]>(queries.map((q) => [q, []]));
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const [ms] = timed(() => search(sqlite, q.q, SEARCH_LIMIT));
        perQuery.get(q)!.push(ms);
      }
    }

    // The filtered customers list (search box above the list): total must be exact.
    log('timing the filtered customers list ...');
    const listSearch: number[] = [];
    const listSearchQ = new Map<Query, number[]>();
    queries.forEach((q, k) => {
      const input = { sort: 'name' as const, dir: 'asc' as const, offset: 0, limit: PAGE, search: q.q };
      const res = listCustomers(sqlite, input);
      const check = checks[k];
      for (const row of res.rows) {
        const doc = customerDocs.get(row.id);
        if (!doc || !containsQuery(doc, q.custTerms)) check.wrong.push(`customers list: ${row.id} (${row.name}) does not contain "${q.q}"`);
      }
      if (res.total < q.expC) check.misses.push(`customers list: total ${res.total}, expected ${q.expC}`);
      if (res.total > q.expC) check.wrong.push(`customers list: total ${res.total}, only ${q.expC} match`);
      const samples: number[] = [];
      for (let r = 0; r < Math.max(2, Math.ceil(rounds / 2)); r++) samples.push(timed(() => listCustomers(sqlite, input))[0]);
      listSearchQ.set(q, samples);
      listSearch.push(...samples);
    });

    // Results.
    const searchAll = [...perQuery.values()].flat();
    const list = summarize(listAll);
    const srch = summarize(searchAll);
    const lsrch = summarize(listSearch);
    const kinds = [...new Set(queries.map((q) => q.kind))];
    const kindP99: Record<string, number> = {};
    for (const kind of kinds) kindP99[kind] = summarize(queries.filter((q) => q.kind === kind).flatMap((q) => perQuery.get(q)!)).p99;
    const wrongHits = checks.reduce((n, c) => n + c.wrong.length, 0);
    const missed = checks.filter((c) => c.misses.length > 0);
    const missedC = checks.filter((c) => c.misses.some((m) => m.startsWith('customers'))).length;
    const missedI = checks.filter((c) => c.misses.some((m) => m.startsWith('interactions'))).length;
    const searchMisses = missed.length;
    const listPass = list.p99 < TARGET_LIST_P99_MS;
    const searchPass = srch.p99 < TARGET_SEARCH_P99_MS;

    for (const c of checks) for (const w of c.wrong) log(`WRONG HIT [${c.q.kind}] "${c.q.q}": ${w}`);
    for (const c of missed) log(`MISS [${c.q.kind}] "${c.q.q}": ${c.misses.join('; ')}`);

    const f = (x: number) => round(x, 2);
    const rows: Cell[][] = [
      ['customers', customerCount, '', ''],
      ['interactions', interactionCount, '', ''],
      ['build (s)', reused ? `${meta.buildS} (cached)` : meta.buildS, '', ''],
      ['db file (MB)', dbMb, '', ''],
      ['open (ms, median of 5)', f(median(opens)), '', ''],
      ['list first page p50 (ms)', f(list.p50), '', ''],
      ['list first page p99 (ms)', f(list.p99), `< ${TARGET_LIST_P99_MS}`, listPass],
      ...sorts.map((s): Cell[] => [`  by ${s.sort} ${s.dir} p99 (ms)`, f(summarize(listBy[s.key]).p99), '', '']),
      ['  first call after open, max (ms)', f(Math.max(...listFirst)), '', ''],
      ['list last page p99 (ms)', f(summarize(deep).p99), '', ''],
      ['search p50 (ms)', f(srch.p50), '', ''],
      ['search p99 (ms)', f(srch.p99), `< ${TARGET_SEARCH_P99_MS}`, searchPass],
      ...kinds.map((k): Cell[] => [`  ${k} p99 (ms)`, f(kindP99[k]), '', '']),
      ['  first pass, max (ms)', f(Math.max(...firstPass)), '', ''],
      ['list with search p50 (ms)', f(lsrch.p50), '', ''],
      ['list with search p99 (ms)', f(lsrch.p99), '', ''],
      ['search queries', queries.length, '', ''],
      ['search misses', searchMisses, '0', searchMisses === 0],
      ['wrong hits', wrongHits, '0', wrongHits === 0],
    ];
    process.stdout.write('\n');
    printTable(['metric', 'value', 'target', 'pass'], rows);

    // The slowest queries, to see where the time goes.
    const slow = queries
      .map((q) => ({ q, s: summarize(perQuery.get(q)!), l: summarize(listSearchQ.get(q)!) }))
      .sort((a, b) => b.s.max - a.s.max)
      .slice(0, 12);
    process.stdout.write('\nslowest search queries\n');
    printTable(
      ['query', 'kind', 'p50 ms', 'max ms', 'list+search ms', 'customers', 'interactions'],
      slow.map(({ q, s, l }) => [q.q, q.kind, f(s.p50), f(s.max), f(l.p50), q.expC, q.expI]),
    );
    process.stdout.write('\n');

    if (listErrors > 0 || wrongHits > 0) process.exitCode = 1;
    if (strict && (!listPass || !searchPass || searchMisses > 0)) process.exitCode = 1;

    const result: BenchResult = {
      customers: customerCount,
      interactions: interactionCount,
      build_s: meta.buildS,
      reused_db: reused ? 1 : 0,
      db_mb: dbMb,
      open_ms: f(median(opens)),
      list_p50_ms: f(list.p50),
      list_p99_ms: f(list.p99),
      list_name_p99_ms: f(summarize(listBy.name).p99),
      list_spent_p99_ms: f(summarize(listBy.spent).p99),
      list_last_order_p99_ms: f(summarize(listBy.last_order).p99),
      list_last_page_p99_ms: f(summarize(deep).p99),
      search_p50_ms: f(srch.p50),
      search_p99_ms: f(srch.p99),
      search_max_ms: f(srch.max),
      list_search_p50_ms: f(lsrch.p50),
      list_search_p99_ms: f(lsrch.p99),
      search_queries: queries.length,
      search_misses: searchMisses,
      search_misses_customers: missedC,
      search_misses_interactions: missedI,
      search_missed: missed.map((c) => c.q.q).join(' | '),
      search_wrong_hits: wrongHits,
    };
    for (const k of kinds) result[`search_${k}_p99_ms`] = f(kindP99[k]);
    return result;
  } finally {
    await core.close();
  }
}
