// Smart lists: a named filter (shared/filters.ts) that opens as a customer list and stays current
// because it is stored as the filter, never as the customers it matched. Every write goes through
// the one write path (derived/write-one.ts), which records change 'list' on the bus.
import type Database from 'better-sqlite3';
import { AppError, notFound } from '../errors';
import { writeOne } from '../derived/write-one';
import { analysisAsOf } from '../segments/analysis-date';
import type { Filter } from '../../shared/filters';
import { assertFilter, compileFilter } from './filter-sql';

export const LIST_NAME_MAX = 100;

export interface SmartList {
  id: number;
  name: string;
  filter: Filter;
  createdAt: number;
  updatedAt: number | null;
}

export interface SmartListWithCount extends SmartList {
  /** Customers the filter matches now. */
  count: number;
}

interface Row {
  id: number;
  name: string;
  filter: string;
  createdAt: number;
  updatedAt: number | null;
}

const SELECT = 'SELECT id, name, filter, created_at AS createdAt, updated_at AS updatedAt FROM smart_lists';
const parse = (r: Row): SmartList => ({ ...r, filter: JSON.parse(r.filter) as Filter });

/** How many customers the filter matches, as of the analysis date. */
export function countFilter(sqlite: Database.Database, filter: Filter, asOf = analysisAsOf(sqlite).asOf): number {
  const { sql, params } = compileFilter(filter, { asOf });
  return sqlite.prepare(`SELECT count(*) FROM customers c WHERE ${sql}`).pluck().get(...params) as number;
}

/**
 * The matching customers' predicted value: their CLVs summed from the latest predictions run
 * (customer_predictions), over that run's horizon. Null before the first run.
 */
export function filterValue(sqlite: Database.Database, filter: Filter, asOf = analysisAsOf(sqlite).asOf): { clvCents: number; horizonMonths: number } | null {
  const horizonMonths = sqlite.prepare('SELECT horizon_months FROM prediction_runs ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
  if (horizonMonths === undefined) return null;
  const { sql, params } = compileFilter(filter, { asOf });
  const clvCents = sqlite
    .prepare(`SELECT coalesce(sum(p.clv_cents), 0) FROM customers c JOIN customer_predictions p ON p.customer_id = c.id WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
  return { clvCents, horizonMonths };
}

/** Every list with its count now, in name order. */
export function listLists(sqlite: Database.Database): SmartListWithCount[] {
  const { asOf } = analysisAsOf(sqlite);
  const rows = (sqlite.prepare(`${SELECT} ORDER BY name COLLATE NOCASE, id`).all() as Row[]).map(parse);
  return rows.map((l) => ({ ...l, count: safeCount(sqlite, l.filter, asOf) }));
}

/**
 * A stored filter that no longer fits the language (a field taken out in a later version) counts
 * 0 in the overview instead of failing every list; opening that list reports filter_invalid.
 */
function safeCount(sqlite: Database.Database, filter: Filter, asOf: number): number {
  try {
    return countFilter(sqlite, filter, asOf);
  } catch (err) {
    if (err instanceof AppError && err.code === 'filter_invalid') return 0;
    throw err;
  }
}

export function getList(sqlite: Database.Database, id: number): SmartListWithCount {
  const row = sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('Smart list', id);
  const list = parse(row);
  return { ...list, count: safeCount(sqlite, list.filter, analysisAsOf(sqlite).asOf) };
}

/** The list's filter, for the customers list and its export (not_found when there is no such list). */
export function listFilter(sqlite: Database.Database, id: number): Filter {
  const raw = sqlite.prepare('SELECT filter FROM smart_lists WHERE id = ?').pluck().get(id) as string | undefined;
  if (raw === undefined) throw notFound('Smart list', id);
  return JSON.parse(raw) as Filter;
}

/** Trimmed, 1–100 characters, and no other list's (ignoring Latin case: "VIP" and "vip" would read as one). */
function checkName(sqlite: Database.Database, raw: string, exceptId?: number): string {
  const name = raw.trim();
  if (!name) throw new AppError('invalid_input', 'name: a list needs a name.', 'name', {}, [{ field: 'name', code: 'required', params: {} }]);
  if (name.length > LIST_NAME_MAX) {
    throw new AppError('invalid_input', `name: a list name is at most ${LIST_NAME_MAX} characters.`, 'name', {}, [
      { field: 'name', code: 'too_long', params: { max: LIST_NAME_MAX } },
    ]);
  }
  const clash = sqlite.prepare('SELECT id FROM smart_lists WHERE name = ? COLLATE NOCASE AND id IS NOT ?').pluck().get(name, exceptId ?? null);
  if (clash !== undefined) throw new AppError('list_name_taken', `A smart list named "${name}" already exists.`, 'name', { name });
  return name;
}

export function createList(sqlite: Database.Database, input: { name: string; filter: Filter }): { id: number } {
  assertFilter(input.filter);
  return writeOne(sqlite, 'list', 'create', () => {
    const name = checkName(sqlite, input.name);
    const id = Number(
      sqlite.prepare('INSERT INTO smart_lists (name, filter, created_at) VALUES (?, ?, ?)').run(name, JSON.stringify(input.filter), Date.now()).lastInsertRowid,
    );
    return { value: { id }, ids: [id], customerIds: [] };
  });
}

export function updateList(sqlite: Database.Database, input: { id: number; name?: string; filter?: Filter }): { id: number } {
  if (input.filter !== undefined) assertFilter(input.filter);
  return writeOne(sqlite, 'list', 'update', () => {
    const current = sqlite.prepare(`${SELECT} WHERE id = ?`).get(input.id) as Row | undefined;
    if (!current) throw notFound('Smart list', input.id);
    const name = input.name === undefined ? current.name : checkName(sqlite, input.name, input.id);
    const filter = input.filter === undefined ? current.filter : JSON.stringify(input.filter);
    if (name === current.name && filter === current.filter) return { value: { id: input.id }, ids: [], customerIds: [] };
    sqlite.prepare('UPDATE smart_lists SET name = ?, filter = ?, updated_at = ? WHERE id = ?').run(name, filter, Date.now(), input.id);
    return { value: { id: input.id }, ids: [input.id], customerIds: [] };
  });
}

/** Deletes the list; returns its name and filter, so the UI can undo by creating it again. */
export function removeList(sqlite: Database.Database, id: number): { name: string; filter: Filter } {
  return writeOne(sqlite, 'list', 'delete', () => {
    const row = sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
    if (!row) throw notFound('Smart list', id);
    sqlite.prepare('DELETE FROM smart_lists WHERE id = ?').run(id);
    return { value: { name: row.name, filter: JSON.parse(row.filter) as Filter }, ids: [id], customerIds: [] };
  });
}
