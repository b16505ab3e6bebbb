// A list to export: its columns and its rows, page by page. Each page is one finished query (a
// better-sqlite3 statement cannot stay open across the awaits that let the file writer drain).
import type { Column, Row } from './columns';

export interface ListSource {
  /** For the file and sheet name: "customers", "orders"... */
  name: string;
  columns: Column[];
  /** How many rows the export will have (for progress). */
  total: number;
  pages(): AsyncGenerator<Row[]>;
}

export const PAGE = 1000;

/** Pages of `select` (which must end in `AND x.id > ? ORDER BY x.id LIMIT ?`), by id. */
export async function* keysetPages(select: (afterId: number, limit: number) => Row[]): AsyncGenerator<Row[]> {
  let after = 0;
  for (;;) {
    const rows = select(after, PAGE);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].id as number;
    if (rows.length < PAGE) return;
  }
}
