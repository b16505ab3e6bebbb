// One row of a source file as the readers hand it on: where it starts in the file and its cells
// as text. `problem` is set when the reader already knows the row is broken (an unclosed quote).
import type { Problem } from '../../shared/problems';

/**
 * A copy of `s` that does not keep its source alive. Parsers hand out cells as slices of the
 * chunk they read (64 KB); a cell kept in a long-lived map would keep its whole chunk in memory.
 */
export const own = (s: string): string => (` ${s}`).slice(1);

/** Where a row's original cells can be had when they are needed (to report the row as rejected). */
export interface CellSource {
  readonly cells: string[];
}

export interface SourceRow extends CellSource {
  /** 1-based: the line in a text file where the row starts, or the row number in a sheet. */
  line: number;
  cells: string[];
  problem?: Problem;
}
