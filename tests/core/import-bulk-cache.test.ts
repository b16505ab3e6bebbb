// The page cache during a bulk load: tables filled by appends (their indexes dropped and built at
// the end) run with a small cache, so the connection's 64 MiB one (db/open.ts) does not hold the
// import's written pages and raise its peak memory; the cache comes back as it was afterwards,
// and a load that drops no index leaves it alone.
import { describe, expect, it } from 'vitest';
import { startBulkLoad } from '../../src-main/core/import/bulk-load';
import { TABLES_BY_KIND } from '../../src-main/core/import/importer';
import { freshCores } from './temp-core';

const fresh = freshCores();

describe('the page cache of a bulk load', () => {
  it('is small while empty tables are filled, and put back when the load is done', () => {
    const { core } = fresh();
    const cache = () => core.sqlite.pragma('cache_size', { simple: true }) as number;
    const before = cache();
    expect(before).toBe(-65536);
    core.sqlite.exec('BEGIN IMMEDIATE');
    const bulk = startBulkLoad(core.sqlite, TABLES_BY_KIND.orders, 1_000_000, true);
    expect(cache()).toBe(-2048);
    bulk.restoreIndexes();
    // The index builds put back the load's cache, not the connection's.
    expect(cache()).toBe(-2048);
    core.sqlite.exec('COMMIT');
    bulk.done();
    expect(cache()).toBe(before);
  });

  it('stays as it was for a load too small to drop any index', () => {
    const { core } = fresh();
    core.sqlite.exec('BEGIN IMMEDIATE');
    const bulk = startBulkLoad(core.sqlite, TABLES_BY_KIND.orders, 100);
    expect(core.sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    core.sqlite.exec('ROLLBACK');
    bulk.done();
    expect(core.sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
  });
});
