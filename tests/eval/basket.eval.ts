// `npm run eval -- basket [--file BASKETS.csv] [--support S] [--confidence C] [--min-length N]
//     [--max-length N] [--top K] [--order-col NAME --item-col NAME]`
// `npm run eval -- basket --synthetic ORDERS [--products P] [--lines-per-order L]`
// Association rules ("bought together") from baskets: the rule count, by length, and the top rules
// by lift. --file is either one basket per line, items comma-separated (like the reference data's
// market_basket/groceries.csv, the default), or a CSV with a header holding an order id and an
// item column (one order line per row; named by --order-col / --item-col, or found by name).
// --synthetic: generated orders at the app's scale (popularity falling off as 1/rank, plus planted
// pairs bought together), mined at the app's settings unless told: support appMinSupport(orders),
// at most 3 items, no empty left-hand side; for timing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { APP_MAX_LENGTH, appMinSupport, mineRules } from '../../src-main/core/predict/basket/rules';
import { Rng, Weighted } from '../../src-main/core/sample/random';
import { log, parseArgs } from '../bench/lib/report';
import { printTable } from '../bench/lib/table';
import { referenceDataDir } from './lib/reference-data';

type Flags = Map<string, string | true>;

const ORDER_NAMES = /^(order|basket|transaction|invoice|receipt)[ _-]?(id|no|number|num)?$/i;
const ITEM_NAMES = /^(item|product|sku|stock[ _-]?code|article)[ _-]?(id|name|code)?$|^description$/i;

function str(flags: Flags, k: string): string | undefined {
  const v = flags.get(k);
  if (v === true) throw new Error(`--${k} needs a value`);
  return v;
}

function num(flags: Flags, k: string, fallback: number, ok: (x: number) => boolean, what: string): number {
  const v = str(flags, k);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (v.trim() === '' || !ok(x)) throw new Error(`--${k} must be ${what}, got "${v}"`);
  return x;
}

const whole = (min: number) => (x: number) => Number.isInteger(x) && x >= min;

/**
 * The baskets of a file: one per line, comma-separated, or one order line per row of a CSV with
 * an order column and an item column. Labels are kept as written (Groceries has "cream cheese ").
 */
export function readBaskets(file: string, orderCol?: string, itemCol?: string): string[][] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read it (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new Error(`${file}: the file is empty`);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const rows = parsed.data;
  const header = rows[0];
  const find = (name: string | undefined, pattern: RegExp, flag: string): number => {
    if (name !== undefined) {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`${file}: no column "${name}" (--${flag}); the first row has ${header.map((h) => `"${h}"`).join(', ')}`);
      return i;
    }
    return header.findIndex((h) => pattern.test(h.trim()));
  };
  const oi = find(orderCol, ORDER_NAMES, 'order-col');
  const ii = find(itemCol, ITEM_NAMES, 'item-col');
  if (orderCol !== undefined || itemCol !== undefined) {
    if (oi < 0) throw new Error(`${file}: no order id column found by name; name it with --order-col`);
    if (ii < 0) throw new Error(`${file}: no item column found by name; name it with --item-col`);
  }
  if (oi < 0 || ii < 0) {
    // One basket per line; split by hand so that no quoting rule can change a label.
    return text
      .split(/\r?\n/)
      .filter((l) => l.length > 0)
      .map((l) => l.split(','));
  }
  const byOrder = new Map<string, string[]>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const order = row[oi];
    const item = row[ii];
    if (order === undefined || item === undefined) throw new Error(`${file}: row ${r + 1} has ${row.length} fields, fewer than the columns named`);
    if (order === '' || item === '') continue;
    let basket = byOrder.get(order);
    if (!basket) byOrder.set(order, (basket = []));
    basket.push(item);
  }
  if (byOrder.size === 0) throw new Error(`${file}: no rows under the header`);
  return [...byOrder.values()];
}

/** Orders at the app's scale: product popularity ∝ 1/rank, and pairs that are often bought together. */
export function syntheticBaskets(orders: number, products: number, linesPerOrder: number, seed = 13): number[][] {
  const rng = new Rng(seed);
  const ids = Array.from({ length: products }, (_, i) => i + 1);
  const popular = new Weighted(ids, ids.map((_, r) => 1 / (r + 1)));
  // Every 20th product has a partner bought with it 40% of the time.
  const partner = new Map<number, number>();
  for (let p = 1; p <= products; p += 20) partner.set(p, 1 + ((p * 7919) % products));
  const baskets: number[][] = [];
  for (let o = 0; o < orders; o++) {
    // Exponential extra lines, rounded at random so that the mean stays linesPerOrder - 1.
    const size = 1 + Math.floor(rng.exp(linesPerOrder - 1) + rng.next());
    const basket: number[] = [];
    while (basket.length < size) {
      const p = popular.pick(rng);
      basket.push(p);
      const q = partner.get(p);
      if (q !== undefined && rng.chance(0.4)) basket.push(q);
    }
    baskets.push(basket);
  }
  return baskets;
}

function ruleText<T>(items: readonly T[]): string {
  return `{${items.join(', ')}}`;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { flags } = parseArgs(args);
  const syntheticFlag = str(flags, 'synthetic');
  let baskets: (string[] | number[])[];
  let source: string;
  if (syntheticFlag !== undefined) {
    const orders = num(flags, 'synthetic', 0, whole(1), 'a whole number of orders ≥ 1');
    const products = num(flags, 'products', 2000, whole(1), 'a whole number ≥ 1');
    const lines = num(flags, 'lines-per-order', 3.33, (x) => x >= 1, 'a number ≥ 1');
    log(`generating ${orders.toLocaleString()} orders of ${products} products...`);
    baskets = syntheticBaskets(orders, products, lines);
    source = `synthetic ${orders} orders`;
  } else {
    let file = str(flags, 'file');
    if (file === undefined) {
      const dir = referenceDataDir();
      if (!dir) throw new Error('No --file given and the reference data (../shared/data or PATRON_REFERENCE_DATA) is not here.');
      file = join(dir, 'market_basket', 'groceries.csv');
    }
    baskets = readBaskets(file, str(flags, 'order-col'), str(flags, 'item-col'));
    source = file;
  }
  const synthetic = syntheticFlag !== undefined;
  const support = num(flags, 'support', synthetic ? appMinSupport(baskets.length) : 0.001, (x) => x > 0 && x <= 1, 'in (0, 1]');
  const confidence = num(flags, 'confidence', 0.5, (x) => x >= 0 && x <= 1, 'in [0, 1]');
  const minLength = num(flags, 'min-length', synthetic ? 2 : 1, whole(1), 'a whole number ≥ 1');
  const maxLength = num(flags, 'max-length', synthetic ? APP_MAX_LENGTH : 10, whole(minLength), `a whole number ≥ --min-length (${minLength})`);
  const top = num(flags, 'top', 10, whole(0), 'a whole number ≥ 0');

  const lines = baskets.reduce((s, b) => s + b.length, 0);
  const items = new Set<string | number>(baskets.flat()).size;
  const t0 = performance.now();
  const rules = mineRules(baskets as readonly (readonly (string | number)[])[], { minSupport: support, minConfidence: confidence, minLength, maxLength });
  const seconds = (performance.now() - t0) / 1000;

  const byLength: Record<string, number> = {};
  for (const r of rules) byLength[r.antecedent.length + 1] = (byLength[r.antecedent.length + 1] ?? 0) + 1;
  const best = rules.slice(0, top);
  process.stdout.write(
    `${source}: ${baskets.length.toLocaleString()} baskets, ${lines.toLocaleString()} lines, ${items} items; support ${support}, confidence ${confidence}, length ${minLength}..${maxLength}\n` +
      `${rules.length.toLocaleString()} rules (by length ${Object.entries(byLength)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}) in ${seconds.toFixed(3)} s\n`,
  );
  printTable(
    ['lhs', 'rhs', 'support', 'confidence', 'lift', 'count'],
    best.map((r) => [ruleText(r.antecedent), ruleText([r.consequent]), Number(r.support.toFixed(6)), Number(r.confidence.toFixed(6)), Number(r.lift.toFixed(5)), r.count]),
  );
  return {
    baskets: baskets.length,
    items,
    support,
    confidence,
    rules: rules.length,
    rules_by_length: byLength,
    top: best.map((r) => ({ lhs: r.antecedent, rhs: r.consequent, support: r.support, confidence: r.confidence, lift: r.lift, count: r.count })),
    seconds: Number(seconds.toFixed(3)),
  };
}
