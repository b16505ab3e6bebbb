// One row of a source file as the readers hand it on: where it starts in the file and its cells
// as text. `problem` is set when the reader already knows the row is broken (an unclosed quote).
/**
 * A copy of `s` that does not keep its source alive. Parsers hand out cells as slices of the
 * chunk they read (256 KB); a cell kept in a long-lived map would keep its whole chunk in memory.
 */
export const own = (s: string): string => (` ${s}`).slice(1);

export interface SourceRow {
  /** 1-based: the line in a text file where the row starts, or the row number in a sheet. */
  line: number;
  cells: string[];
  problem?: string;
}
